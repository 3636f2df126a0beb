package org.industrygaps.metrics;

import java.io.Serializable;
import java.util.Objects;

/**
 * The gap of one target, as defined in PRODUCT.md "Metrics". Boxed fields are null where a metric
 * is undefined (no baseline, a zero divisor, a power of a non-positive ratio, ...); see {@link
 * GapCalculator} for the rules.
 *
 * @param baselineYear first year with data from the plan's baseline year on
 * @param baselineValue value in {@code baselineYear}
 * @param latestYear last year with data up to the target year
 * @param latestValue value in {@code latestYear}
 * @param observations years with data from {@code baselineYear} to {@code latestYear}
 * @param targetYear the plan's target year
 * @param targetValue the plan's target value
 * @param gapToTarget d · (target − latest); ≤ 0 means met
 * @param progressShare (latest − baseline) / (target − baseline), 任务完成度
 * @param timeShare (latest_year − baseline_year) / (target_year − baseline_year), 时间进度
 * @param paceIndex progressShare / timeShare; ≥ 1 means on pace
 * @param cagrActual compound annual growth from baseline to latest
 * @param cagrRequired compound annual growth from baseline that reaches the target
 * @param cagrNeededFromLatest compound annual growth from latest that reaches the target
 * @param growthRatio d · cagrActual / |cagrRequired|, the Eurostat SDG progress ratio
 * @param projectedValue latest continued at cagrActual to the target year
 * @param projectedGap d · (target − projectedValue)
 * @param status the assessment
 * @param notAssessableReason why, when and only when status is {@link Status#NOT_ASSESSABLE}
 * @param trend log-linear trend fit to the target year, where there are enough positive points
 * @param seriesBreakYear the series break that moved the baseline, or null
 * @param baselineNote why the baseline is not the plan's baseline year ({@link
 *     #BASELINE_MOVED_TO_BREAK}, {@link #BASELINE_MOVED_TO_FIRST_DATA}), or null
 */
public record GapMetrics(
    Integer baselineYear,
    Double baselineValue,
    Integer latestYear,
    Double latestValue,
    int observations,
    int targetYear,
    double targetValue,
    Double gapToTarget,
    Double progressShare,
    Double timeShare,
    Double paceIndex,
    Double cagrActual,
    Double cagrRequired,
    Double cagrNeededFromLatest,
    Double growthRatio,
    Double projectedValue,
    Double projectedGap,
    Status status,
    String notAssessableReason,
    TrendProjection trend,
    Integer seriesBreakYear,
    String baselineNote)
    implements Serializable {

  /** Reason: the series has no value at all. */
  public static final String NO_DATA = "no_data";

  /** Reason: values exist, but none from the baseline year to the target year. */
  public static final String NO_BASELINE = "no_baseline";

  /** Reason: the first year with data is the target year (or later), so no time has elapsed. */
  public static final String TARGET_YEAR_NOT_AFTER_BASELINE = "target_year_not_after_baseline";

  /** Reason: a single year with data shows no movement to judge. */
  public static final String SINGLE_OBSERVATION = "single_observation";

  /** Reason: a baseline, latest or target ≤ 0 leaves compound growth undefined. */
  public static final String NON_POSITIVE_VALUES = "non_positive_values";

  /** Baseline note: a series break moved the baseline to the break year. */
  public static final String BASELINE_MOVED_TO_BREAK = "baseline_moved_to_break";

  /** Baseline note: no data in the plan's baseline year; the first later year with data is used. */
  public static final String BASELINE_MOVED_TO_FIRST_DATA = "baseline_moved_to_first_data";

  /** Checks that a reason is given exactly when the status is not_assessable. */
  public GapMetrics {
    Objects.requireNonNull(status, "status");
    if ((status == Status.NOT_ASSESSABLE) != (notAssessableReason != null)) {
      throw new IllegalArgumentException(
          "a reason goes with not_assessable only: " + status + ", " + notAssessableReason);
    }
  }

  /** projected_method: the latest value continued at cagr_actual to the target year. */
  public static final String COMPOUND_GROWTH = "compound_growth";

  /** projected_method: the latest year is the target year, so the "projection" is the value. */
  public static final String OBSERVED_IN_TARGET_YEAR = "observed_in_target_year";

  /** Which method produced {@link #projectedValue()}, or null when there is none. */
  public String projectedMethod() {
    if (projectedValue == null) {
      return null;
    }
    return latestYear == targetYear ? OBSERVED_IN_TARGET_YEAR : COMPOUND_GROWTH;
  }

  /**
   * The value on the path that reaches the target: compound at cagrRequired from the baseline, or a
   * straight line where compound growth is undefined.
   *
   * @return null outside baseline_year..target_year or when there is no baseline
   */
  public Double requiredPathAt(int year) {
    if (baselineYear == null || year < baselineYear || year > targetYear) {
      return null;
    }
    if (year == baselineYear) {
      // Also covers target_year == baseline_year, where the straight line would divide by zero.
      return baselineValue;
    }
    int elapsed = year - baselineYear;
    if (cagrRequired != null) {
      return baselineValue * StrictMath.pow(1 + cagrRequired, elapsed);
    }
    return baselineValue
        + (targetValue - baselineValue) * elapsed / (double) (targetYear - baselineYear);
  }

  /**
   * The value on the path that continues the actual compound growth from the latest year.
   *
   * @return latest at latest_year; null outside latest_year..target_year, or after latest_year when
   *     cagrActual is undefined
   */
  public Double projectedPathAt(int year) {
    if (latestYear == null || year < latestYear || year > targetYear) {
      return null;
    }
    if (year == latestYear) {
      return latestValue;
    }
    if (cagrActual == null) {
      return null;
    }
    return latestValue * StrictMath.pow(1 + cagrActual, year - latestYear);
  }
}
