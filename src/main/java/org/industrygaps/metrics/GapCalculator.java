package org.industrygaps.metrics;

import java.util.List;
import java.util.Objects;

/**
 * Computes {@link GapMetrics} from a {@link GapInput}, following PRODUCT.md "Metrics": Eurostat's
 * actual versus required compound growth for the status, the Chinese 时间过半、任务过半 comparison
 * for the linear shares, and the UN progress-chart trend where there are enough points.
 *
 * <p>Only observations from the plan's baseline year to the target year (the window) count: the
 * first is the baseline, the last is the latest. A series break after the first year of the window
 * moves the baseline to the break year (the last break up to the latest year), so growth is never
 * measured across two statistical bases. Status rules, first match wins: gap ≤ 0 is
 * target_achieved; target year not after baseline year, a single observation, or a non-positive
 * baseline, latest or target is not_assessable; a required growth of 0 (target equal to the
 * baseline and not met) is deterioration; otherwise the growth_ratio bands of {@link
 * StatusThresholds}.
 *
 * <p>Uses {@link StrictMath} so that every executor produces bit-identical outputs.
 */
public final class GapCalculator {

  private GapCalculator() {}

  /** Computes the metrics of one target. */
  public static GapMetrics compute(GapInput input, StatusThresholds thresholds) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(thresholds, "thresholds");
    if (input.series().isEmpty()) {
      return withoutBaseline(input, GapMetrics.NO_DATA);
    }
    List<YearValue> window =
        input.series().stream()
            .filter(p -> p.year() >= input.baselineYear() && p.year() <= input.targetYear())
            .toList();
    if (window.isEmpty()) {
      return withoutBaseline(input, GapMetrics.NO_BASELINE);
    }
    // A break after the first year of the window (and by the latest) starts a new statistical
    // basis: growth is measured from the last such break on, never across it.
    Integer breakYear = null;
    for (int b : input.breakYears()) {
      if (b > window.get(0).year() && b <= window.get(window.size() - 1).year()) {
        breakYear = b;
      }
    }
    String baselineNote = null;
    if (breakYear != null) {
      int from = breakYear;
      window = window.stream().filter(p -> p.year() >= from).toList();
      baselineNote = GapMetrics.BASELINE_MOVED_TO_BREAK;
    } else if (window.get(0).year() > input.baselineYear()) {
      baselineNote = GapMetrics.BASELINE_MOVED_TO_FIRST_DATA;
    }

    int d = input.direction().sign();
    int targetYear = input.targetYear();
    double target = input.targetValue();
    YearValue first = window.get(0);
    YearValue last = window.get(window.size() - 1);
    int baselineYear = first.year();
    double baseline = first.value();
    int latestYear = last.year();
    double latest = last.value();
    int observations = window.size();

    double gap = signed(d, target - latest);
    Double progressShare = target == baseline ? null : (latest - baseline) / (target - baseline);
    Double timeShare =
        targetYear == baselineYear
            ? null
            : (double) (latestYear - baselineYear) / (targetYear - baselineYear);
    Double paceIndex =
        progressShare == null || timeShare == null || timeShare == 0
            ? null
            : progressShare / timeShare;
    Double cagrActual = cagr(baseline, latest, latestYear - baselineYear);
    Double cagrRequired = cagr(baseline, target, targetYear - baselineYear);
    Double cagrNeededFromLatest = cagr(latest, target, targetYear - latestYear);
    Double growthRatio =
        cagrActual == null || cagrRequired == null || cagrRequired == 0
            ? null
            : signed(d, cagrActual) / Math.abs(cagrRequired);
    Double projectedValue =
        latestYear == targetYear
            ? Double.valueOf(latest)
            : cagrActual == null
                ? null
                : latest * StrictMath.pow(1 + cagrActual, targetYear - latestYear);
    Double projectedGap = projectedValue == null ? null : signed(d, target - projectedValue);

    Status status;
    String reason = null;
    if (gap <= 0) {
      status = Status.TARGET_ACHIEVED;
    } else if (targetYear <= baselineYear) {
      status = Status.NOT_ASSESSABLE;
      reason = GapMetrics.TARGET_YEAR_NOT_AFTER_BASELINE;
    } else if (observations == 1) {
      status = Status.NOT_ASSESSABLE;
      reason = GapMetrics.SINGLE_OBSERVATION;
    } else if (baseline <= 0 || latest <= 0 || target <= 0) {
      status = Status.NOT_ASSESSABLE;
      reason = GapMetrics.NON_POSITIVE_VALUES;
    } else if (cagrRequired == 0) {
      // Holding the baseline was the target and it has been lost: any movement is backwards.
      status = Status.DETERIORATION;
    } else {
      status = band(growthRatio, thresholds);
    }

    TrendProjection trend = TrendFit.project(window, targetYear, target).orElse(null);
    return new GapMetrics(
        baselineYear,
        baseline,
        latestYear,
        latest,
        observations,
        targetYear,
        target,
        gap,
        progressShare,
        timeShare,
        paceIndex,
        cagrActual,
        cagrRequired,
        cagrNeededFromLatest,
        growthRatio,
        projectedValue,
        projectedGap,
        status,
        reason,
        trend,
        breakYear,
        baselineNote);
  }

  private static Status band(double growthRatio, StatusThresholds thresholds) {
    if (growthRatio >= thresholds.onTrack()) {
      return Status.ON_TRACK;
    }
    if (growthRatio >= thresholds.accelerationNeeded()) {
      return Status.ACCELERATION_NEEDED;
    }
    return growthRatio >= 0 ? Status.LIMITED_PROGRESS : Status.DETERIORATION;
  }

  /** (to / from)^(1 / years) − 1, or null where the power is undefined or there is no time. */
  private static Double cagr(double from, double to, int years) {
    if (years <= 0 || from <= 0 || to <= 0) {
      return null;
    }
    return StrictMath.pow(to / from, 1.0 / years) - 1;
  }

  /** d · x, without the −0.0 that d = −1 makes of 0, which would print as "-0.0". */
  private static double signed(int d, double x) {
    return d * x + 0.0;
  }

  private static GapMetrics withoutBaseline(GapInput input, String reason) {
    return new GapMetrics(
        null, null, null, null, 0, input.targetYear(), input.targetValue(), null, null, null, null,
        null, null, null, null, null, null, Status.NOT_ASSESSABLE, reason, null, null, null);
  }
}
