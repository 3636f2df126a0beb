package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of PRODUCT.md "Metrics". Every expected number is worked out in the comment
 * above its assertions; roots and powers are given to 12+ digits (from bc -l).
 */
class GapCalculatorTest {

  private static final double EPS = 1e-9;
  private static final StatusThresholds DEFAULT = new StatusThresholds(0.95, 0.60);

  private static YearValue yv(int year, double value) {
    return new YearValue(year, value);
  }

  private static GapMetrics compute(
      Direction direction, int baselineYear, int targetYear, double target, YearValue... series) {
    return GapCalculator.compute(
        new GapInput(direction, baselineYear, targetYear, target, List.of(series)), DEFAULT);
  }

  private static GapMetrics increase(double target, YearValue... series) {
    return compute(Direction.INCREASE, 2022, 2027, target, series);
  }

  private static GapMetrics decrease(double target, YearValue... series) {
    return compute(Direction.DECREASE, 2022, 2027, target, series);
  }

  @Nested
  class WorkedExample {
    // increase; 2022 = 100, 2023 = 110, 2024 = 121, 2025 = 133.1 (10% a year); target 2027 = 200.
    private final GapMetrics m =
        increase(200, yv(2025, 133.1), yv(2022, 100), yv(2024, 121), yv(2023, 110));

    @Test
    void baselineLatestAndCounts() {
      assertThat(m.baselineYear()).isEqualTo(2022);
      assertThat(m.baselineValue()).isEqualTo(100.0);
      assertThat(m.latestYear()).isEqualTo(2025);
      assertThat(m.latestValue()).isEqualTo(133.1);
      assertThat(m.observations()).isEqualTo(4);
      assertThat(m.targetYear()).isEqualTo(2027);
      assertThat(m.targetValue()).isEqualTo(200.0);
    }

    @Test
    void linearShares() {
      // gap = +1 · (200 − 133.1) = 66.9
      // progress_share = (133.1 − 100) / (200 − 100) = 33.1 / 100 = 0.331
      // time_share = (2025 − 2022) / (2027 − 2022) = 3 / 5 = 0.6
      // pace_index = 0.331 / 0.6 = 0.551666…
      assertThat(m.gapToTarget()).isCloseTo(66.9, within(EPS));
      assertThat(m.progressShare()).isCloseTo(0.331, within(EPS));
      assertThat(m.timeShare()).isCloseTo(0.6, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.331 / 0.6, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.551666666667, within(EPS));
    }

    @Test
    void compoundGrowth() {
      // cagr_actual = (133.1 / 100)^(1/3) − 1 = 1.331^(1/3) − 1 = 1.1 − 1 = 0.1
      // cagr_required = (200 / 100)^(1/5) − 1 = 2^0.2 − 1 = 1.148698354997 − 1 = 0.148698354997
      // cagr_needed_from_latest = (200 / 133.1)^(1/2) − 1 = sqrt(1.502629601803) − 1
      //                         = 1.225817931751 − 1 = 0.225817931751
      // growth_ratio = +1 · 0.1 / 0.148698354997 = 0.672502395887
      assertThat(m.cagrActual()).isCloseTo(0.1, within(EPS));
      assertThat(m.cagrRequired()).isCloseTo(0.148698354997, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isCloseTo(0.225817931751, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(0.672502395887, within(EPS));
    }

    @Test
    void projectionAndStatus() {
      // projected = 133.1 · 1.1^(2027 − 2025) = 133.1 · 1.21 = 161.051
      // projected_gap = 200 − 161.051 = 38.949
      // 0.60 ≤ growth_ratio 0.6725 < 0.95 → acceleration_needed
      assertThat(m.projectedValue()).isCloseTo(161.051, within(EPS));
      assertThat(m.projectedGap()).isCloseTo(38.949, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
      assertThat(m.notAssessableReason()).isNull();
    }

    @Test
    void requiredPath() {
      // required(y) = 100 · 2^((y − 2022) / 5):
      // 2022 → 100; 2023 → 100 · 2^0.2 = 114.869835499704; 2024 → 100 · 2^0.4 = 131.950791077289;
      // 2027 → 100 · 2 = 200; before 2022 or after 2027 → none.
      assertThat(m.requiredPathAt(2022)).isEqualTo(100.0);
      assertThat(m.requiredPathAt(2023)).isCloseTo(114.869835499704, within(EPS));
      assertThat(m.requiredPathAt(2024)).isCloseTo(131.950791077289, within(EPS));
      assertThat(m.requiredPathAt(2027)).isCloseTo(200.0, within(EPS));
      assertThat(m.requiredPathAt(2021)).isNull();
      assertThat(m.requiredPathAt(2028)).isNull();
    }

    @Test
    void projectedPath() {
      // projected(y) = 133.1 · 1.1^(y − 2025): 2025 → 133.1; 2026 → 146.41; 2027 → 161.051;
      // before the latest year or after the target year → none.
      assertThat(m.projectedPathAt(2025)).isEqualTo(133.1);
      assertThat(m.projectedPathAt(2026)).isCloseTo(146.41, within(EPS));
      assertThat(m.projectedPathAt(2027)).isCloseTo(m.projectedValue(), within(EPS));
      assertThat(m.projectedPathAt(2024)).isNull();
      assertThat(m.projectedPathAt(2028)).isNull();
    }

    @Test
    void trendOfExactExponentialDataMatchesTheCompoundProjection() {
      // ln(value) lies on a straight line of slope ln 1.1, so the fit carries 133.1 on at 10%
      // to 2027 = 161.051 with zero residuals: the interval collapses onto the value, and the
      // target 200 lies above it.
      assertThat(m.trend()).isNotNull();
      assertThat(m.trend().points()).isEqualTo(4);
      assertThat(m.trend().value()).isCloseTo(161.051, within(EPS));
      assertThat(m.trend().lower()).isCloseTo(161.051, within(EPS));
      assertThat(m.trend().upper()).isCloseTo(161.051, within(EPS));
      assertThat(m.trend().targetPosition()).isEqualTo(TrendProjection.TARGET_ABOVE_INTERVAL);
    }

    @Test
    void thresholdsComeFromTheCaller() {
      // The same growth_ratio 0.6725 is on_track once on_track is lowered to 0.5, and
      // limited_progress once acceleration_needed is raised to 0.7.
      GapInput input =
          new GapInput(
              Direction.INCREASE,
              2022,
              2027,
              200,
              List.of(yv(2022, 100), yv(2023, 110), yv(2024, 121), yv(2025, 133.1)));
      assertThat(GapCalculator.compute(input, new StatusThresholds(0.5, 0.3)).status())
          .isEqualTo(Status.ON_TRACK);
      assertThat(GapCalculator.compute(input, new StatusThresholds(0.9, 0.7)).status())
          .isEqualTo(Status.LIMITED_PROGRESS);
    }
  }

  @Nested
  class StatusBands {

    @Test
    void onTrackWhenGrowingAtTheRequiredRateThoughPaceIndexIsBelowOne() {
      // 2022 = 100, 2024 = 121, target 2027 = 161.051 (= 100 · 1.1^5).
      // cagr_actual = 1.21^(1/2) − 1 = 0.1; cagr_required = 1.61051^(1/5) − 1 = 0.1
      // growth_ratio = 0.1 / 0.1 = 1 ≥ 0.95 → on_track.
      // The linear view is harsher: progress_share = 21 / 61.051 = 0.343974709669,
      // time_share = 2 / 5 = 0.4, pace_index = 0.343974709669 / 0.4 = 0.859936774172 < 1,
      // since compound growth back-loads the absolute increase.
      GapMetrics m = increase(161.051, yv(2022, 100), yv(2024, 121));
      assertThat(m.growthRatio()).isCloseTo(1.0, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ON_TRACK);
      assertThat(m.progressShare()).isCloseTo(0.343974709669, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.859936774172, within(EPS));
    }

    @Test
    void growthRatioExactlyOnTrackThresholdIsOnTrack() {
      // Baseline 2025 = 100, latest 2026 = 195, target 2027 = 400. Chosen so that every step is
      // exact in binary floating point:
      // cagr_required = (400 / 100)^(1/2) − 1 = 2 − 1 = 1
      // cagr_actual = (195 / 100)^(1/1) − 1 = 1.95 − 1 = 0.95
      // growth_ratio = 0.95 / |1| = 0.95, exactly the on_track threshold → on_track.
      GapMetrics m =
          compute(Direction.INCREASE, 2025, 2027, 400, yv(2025, 100), yv(2026, 195));
      assertThat(m.cagrRequired()).isEqualTo(1.0);
      assertThat(m.growthRatio()).isEqualTo(0.95);
      assertThat(m.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void growthRatioJustBelowOnTrackThresholdNeedsAcceleration() {
      // As above with latest 194: cagr_actual = 0.94, growth_ratio = 0.94 / 1 = 0.94 < 0.95.
      GapMetrics m =
          compute(Direction.INCREASE, 2025, 2027, 400, yv(2025, 100), yv(2026, 194));
      assertThat(m.growthRatio()).isCloseTo(0.94, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
    }

    @Test
    void growthRatioExactlyAccelerationThresholdNeedsAcceleration() {
      // Baseline 2025 = 100, latest 2026 = 340, target 2027 = 2500, again exact in binary:
      // cagr_required = (2500 / 100)^(1/2) − 1 = 5 − 1 = 4
      // cagr_actual = 3.4 − 1 = 2.4
      // growth_ratio = 2.4 / 4 = 0.6, exactly the acceleration_needed threshold.
      GapMetrics m =
          compute(Direction.INCREASE, 2025, 2027, 2500, yv(2025, 100), yv(2026, 340));
      assertThat(m.cagrRequired()).isEqualTo(4.0);
      assertThat(m.growthRatio()).isEqualTo(0.6);
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
    }

    @Test
    void growthRatioJustBelowAccelerationThresholdIsLimitedProgress() {
      // As above with latest 336: cagr_actual = 2.36, growth_ratio = 2.36 / 4 = 0.59 < 0.60.
      GapMetrics m =
          compute(Direction.INCREASE, 2025, 2027, 2500, yv(2025, 100), yv(2026, 336));
      assertThat(m.growthRatio()).isCloseTo(0.59, within(EPS));
      assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
    }

    @Test
    void limitedProgressBetweenZeroAndAccelerationThreshold() {
      // 2022 = 100, 2025 = 103, target 2027 = 200.
      // cagr_actual = 1.03^(1/3) − 1 = 0.009901634050; cagr_required = 2^0.2 − 1 = 0.148698354997
      // growth_ratio = 0.009901634050 / 0.148698354997 = 0.066588726218 → limited_progress.
      GapMetrics m = increase(200, yv(2022, 100), yv(2025, 103));
      assertThat(m.growthRatio()).isCloseTo(0.066588726218, within(EPS));
      assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
    }

    @Test
    void noChangeIsGrowthRatioExactlyZeroAndLimitedProgress() {
      // 2022 = 100, 2025 = 100, target 200: cagr_actual = 1^(1/3) − 1 = 0, growth_ratio = 0 → the
      // lower edge of limited_progress. progress_share = 0 / 100 = 0, pace_index = 0 / 0.6 = 0.
      GapMetrics m = increase(200, yv(2022, 100), yv(2025, 100));
      assertThat(m.cagrActual()).isEqualTo(0.0);
      assertThat(m.growthRatio()).isEqualTo(0.0);
      assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
      assertThat(m.progressShare()).isEqualTo(0.0);
      assertThat(m.paceIndex()).isEqualTo(0.0);
    }

    @Test
    void decliningAgainstAnIncreaseTargetIsDeterioration() {
      // 2022 = 100, 2025 = 90, target 2027 = 120.
      // cagr_actual = 0.9^(1/3) − 1 = −0.034510615394; cagr_required = 1.2^0.2 − 1 = 0.037137289337
      // growth_ratio = −0.034510615394 / 0.037137289337 = −0.929271252986 < 0 → deterioration.
      // progress_share = −10 / 20 = −0.5.
      GapMetrics m = increase(120, yv(2022, 100), yv(2025, 90));
      assertThat(m.growthRatio()).isCloseTo(-0.929271252986, within(EPS));
      assertThat(m.progressShare()).isCloseTo(-0.5, within(EPS));
      assertThat(m.status()).isEqualTo(Status.DETERIORATION);
    }
  }

  @Nested
  class TargetAlreadyMetOrLost {

    @Test
    void targetMetAtLatest() {
      // 2022 = 100, 2025 = 210, target 200: gap = 200 − 210 = −10 ≤ 0 → target_achieved.
      // progress_share = 110 / 100 = 1.1; cagr_needed_from_latest = (200/210)^(1/2) − 1 < 0.
      GapMetrics m = increase(200, yv(2022, 100), yv(2025, 210));
      assertThat(m.gapToTarget()).isCloseTo(-10, within(EPS));
      assertThat(m.progressShare()).isCloseTo(1.1, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isNegative();
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
      assertThat(m.notAssessableReason()).isNull();
    }

    @Test
    void targetMetExactlyIsAchieved() {
      // gap = 200 − 200 = 0 ≤ 0 → target_achieved.
      GapMetrics m = increase(200, yv(2022, 100), yv(2025, 200));
      assertThat(m.gapToTarget()).isEqualTo(0.0);
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    }

    @Test
    void metAtBaselineAndStillMet() {
      // Target 100 was already exceeded in 2022 (110) and still is in 2025 (120):
      // gap = 100 − 120 = −20 → target_achieved.
      GapMetrics m = increase(100, yv(2022, 110), yv(2025, 120));
      assertThat(m.gapToTarget()).isCloseTo(-20, within(EPS));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    }

    @Test
    void metAtBaselineThenLostIsDeterioration() {
      // Target 100; 2022 = 105 (met), 2025 = 95 (lost). gap = 100 − 95 = 5 > 0.
      // cagr_actual = (95/105)^(1/3) − 1 = −0.032810806630
      // cagr_required = (100/105)^(1/5) − 1 = −0.009710577713 (negative: the target is below)
      // growth_ratio = −0.032810806630 / |−0.009710577713| = −3.378872771494 → deterioration.
      // The linear share reads oddly here, as defined: (95 − 105) / (100 − 105) = −10 / −5 = 2.
      GapMetrics m = increase(100, yv(2022, 105), yv(2025, 95));
      assertThat(m.gapToTarget()).isCloseTo(5, within(EPS));
      assertThat(m.cagrRequired()).isCloseTo(-0.009710577713, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(-3.378872771494, within(EPS));
      assertThat(m.progressShare()).isCloseTo(2.0, within(EPS));
      assertThat(m.status()).isEqualTo(Status.DETERIORATION);
    }

    @Test
    void targetEqualToBaselineAndNotMetIsDeterioration() {
      // Target 100 = baseline 2022 = 100; 2025 = 95. gap = 5 > 0.
      // cagr_required = 1^(1/5) − 1 = 0 → deterioration by rule (e); growth_ratio would divide
      // by 0 and progress_share would divide by 100 − 100 = 0, so both are null.
      GapMetrics m = increase(100, yv(2022, 100), yv(2025, 95));
      assertThat(m.cagrRequired()).isEqualTo(0.0);
      assertThat(m.growthRatio()).isNull();
      assertThat(m.progressShare()).isNull();
      assertThat(m.paceIndex()).isNull();
      assertThat(m.timeShare()).isCloseTo(0.6, within(EPS));
      assertThat(m.status()).isEqualTo(Status.DETERIORATION);
      // required(y) = 100 · (1 + 0)^(y − 2022) = 100 every year.
      assertThat(m.requiredPathAt(2025)).isEqualTo(100.0);
    }

    @Test
    void targetEqualToBaselineAndHeldIsAchieved() {
      // Target 100 = baseline; 2025 = 100: gap = 0 → target_achieved.
      GapMetrics m = increase(100, yv(2022, 100), yv(2025, 100));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    }
  }

  @Nested
  class LowerIsBetter {

    @Test
    void decreaseTargetMet() {
      // Energy per unit of output: 2022 = 1.0, 2025 = 0.8, target 0.85 (lower is better).
      // gap = −1 · (0.85 − 0.8) = −0.05 ≤ 0 → target_achieved.
      GapMetrics m = decrease(0.85, yv(2022, 1.0), yv(2025, 0.8));
      assertThat(m.gapToTarget()).isCloseTo(-0.05, within(EPS));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    }

    @Test
    void decreaseTargetNotMet() {
      // 2022 = 1.0, 2025 = 0.9, target 2027 = 0.8.
      // gap = −1 · (0.8 − 0.9) = 0.1
      // progress_share = (0.9 − 1.0) / (0.8 − 1.0) = −0.1 / −0.2 = 0.5; time_share = 0.6;
      // pace_index = 0.5 / 0.6 = 0.833333333333
      // cagr_actual = 0.9^(1/3) − 1 = −0.034510615394
      // cagr_required = 0.8^(1/5) − 1 = −0.043647500210
      // cagr_needed_from_latest = (0.8/0.9)^(1/2) − 1 = −0.057190958418
      // growth_ratio = −1 · −0.034510615394 / 0.043647500210 = 0.790666480975 → acceleration_needed
      // projected = 0.9 · 0.9^(2/3) = 0.9^(5/3) = 0.838952776608; projected_gap = −1 · (0.8 −
      // 0.838952776608) = 0.038952776608
      GapMetrics m = decrease(0.8, yv(2022, 1.0), yv(2025, 0.9));
      assertThat(m.gapToTarget()).isCloseTo(0.1, within(EPS));
      assertThat(m.progressShare()).isCloseTo(0.5, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.833333333333, within(EPS));
      assertThat(m.cagrActual()).isCloseTo(-0.034510615394, within(EPS));
      assertThat(m.cagrRequired()).isCloseTo(-0.043647500210, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isCloseTo(-0.057190958418, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(0.790666480975, within(EPS));
      assertThat(m.projectedValue()).isCloseTo(0.838952776608, within(EPS));
      assertThat(m.projectedGap()).isCloseTo(0.038952776608, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
    }

    @Test
    void decreaseIndicatorRisingIsDeterioration() {
      // 2022 = 1.0, 2025 = 1.1, target 0.8: cagr_actual > 0, so growth_ratio = −1 · (+) / | | < 0.
      GapMetrics m = decrease(0.8, yv(2022, 1.0), yv(2025, 1.1));
      assertThat(m.growthRatio()).isNegative();
      assertThat(m.status()).isEqualTo(Status.DETERIORATION);
    }

    @Test
    void decreaseIndicatorUnchangedHasPositiveZeroRatio() {
      // 2022 = 1.0, 2025 = 1.0, target 0.8: growth_ratio = −1 · 0 / 0.0436 = 0 → limited_progress.
      // Plain −1 · 0.0 is −0.0, which == 0.0 but prints as "-0.0" in the outputs; compare text.
      GapMetrics m = decrease(0.8, yv(2022, 1.0), yv(2025, 1.0));
      assertThat(String.valueOf(m.growthRatio())).isEqualTo("0.0");
      assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
    }

    @Test
    void decreaseTargetMetExactlyHasPositiveZeroGap() {
      // gap = −1 · (0.8 − 0.8) = 0, printed as 0.0 not −0.0.
      GapMetrics m = decrease(0.8, yv(2022, 1.0), yv(2025, 0.8));
      assertThat(String.valueOf(m.gapToTarget())).isEqualTo("0.0");
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    }
  }

  @Nested
  class TooLittleData {

    @Test
    void noData() {
      GapMetrics m = increase(200);
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("no_data");
      assertAllNullableMetricsNull(m);
      assertThat(m.targetYear()).isEqualTo(2027);
      assertThat(m.targetValue()).isEqualTo(200.0);
      assertThat(m.requiredPathAt(2024)).isNull();
      assertThat(m.projectedPathAt(2027)).isNull();
    }

    @Test
    void dataOnlyBeforeTheBaselineYear() {
      GapMetrics m = increase(200, yv(2019, 80), yv(2020, 85), yv(2021, 90));
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("no_baseline");
      assertAllNullableMetricsNull(m);
    }

    @Test
    void dataOnlyAfterTheTargetYear() {
      GapMetrics m = increase(200, yv(2028, 250));
      assertThat(m.notAssessableReason()).isEqualTo("no_baseline");
      assertAllNullableMetricsNull(m);
    }

    @Test
    void singleObservationNotMet() {
      // Only 2022 = 100, target 2027 = 200: gap = 100; progress_share = 0 / 100 = 0;
      // time_share = 0 / 5 = 0; pace_index undefined (÷ 0); cagr_actual undefined (no time);
      // cagr_required = cagr_needed_from_latest = 2^0.2 − 1 = 0.148698354997.
      GapMetrics m = increase(200, yv(2022, 100));
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("single_observation");
      assertThat(m.observations()).isEqualTo(1);
      assertThat(m.gapToTarget()).isCloseTo(100, within(EPS));
      assertThat(m.progressShare()).isEqualTo(0.0);
      assertThat(m.timeShare()).isEqualTo(0.0);
      assertThat(m.paceIndex()).isNull();
      assertThat(m.cagrActual()).isNull();
      assertThat(m.cagrRequired()).isCloseTo(0.148698354997, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isCloseTo(0.148698354997, within(EPS));
      assertThat(m.growthRatio()).isNull();
      assertThat(m.projectedValue()).isNull();
      assertThat(m.projectedGap()).isNull();
      assertThat(m.trend()).isNull();
    }

    @Test
    void singleObservationMet() {
      // Only 2022 = 250 against target 200: gap = −50 → target_achieved, rule (a) before (c).
      GapMetrics m = increase(200, yv(2022, 250));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
      assertThat(m.notAssessableReason()).isNull();
      assertThat(m.gapToTarget()).isCloseTo(-50, within(EPS));
    }

    @Test
    void firstDataInTheTargetYear() {
      // Plan baseline 2022 but the first value is 2027 = 150 < target 200: baseline_year =
      // latest_year = target_year = 2027, so no time can elapse; time_share is undefined (÷ 0).
      GapMetrics m = increase(200, yv(2027, 150));
      assertThat(m.baselineYear()).isEqualTo(2027);
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("target_year_not_after_baseline");
      assertThat(m.timeShare()).isNull();
      assertThat(m.projectedValue()).isEqualTo(150.0);
      assertThat(m.requiredPathAt(2027)).isEqualTo(150.0);
    }

    private void assertAllNullableMetricsNull(GapMetrics m) {
      assertThat(m.observations()).isZero();
      assertThat(m.trend()).isNull();
      assertThat(
              new Object[] {
                m.baselineYear(), m.baselineValue(), m.latestYear(), m.latestValue(),
                m.gapToTarget(), m.progressShare(), m.timeShare(), m.paceIndex(),
                m.cagrActual(), m.cagrRequired(), m.cagrNeededFromLatest(), m.growthRatio(),
                m.projectedValue(), m.projectedGap()
              })
          .containsOnlyNulls();
    }
  }

  @Nested
  class IrregularYears {

    @Test
    void firstDataAfterTheBaselineYearMovesTheBaseline() {
      // Plan baseline 2022 has no value; 2023 = 50, 2025 = 60.5, target 2027 = 100.
      // baseline_year = 2023; time_share = (2025 − 2023) / (2027 − 2023) = 2 / 4 = 0.5
      // progress_share = 10.5 / 50 = 0.21; pace_index = 0.21 / 0.5 = 0.42
      // cagr_actual = 1.21^(1/2) − 1 = 0.1; cagr_required = 2^(1/4) − 1 = 0.189207115003
      // growth_ratio = 0.1 / 0.189207115003 = 0.528521350788 → limited_progress
      // cagr_needed_from_latest = (100 / 60.5)^(1/2) − 1 = 0.285648693066
      GapMetrics m = increase(100, yv(2023, 50), yv(2025, 60.5));
      assertThat(m.baselineYear()).isEqualTo(2023);
      assertThat(m.baselineValue()).isEqualTo(50.0);
      assertThat(m.timeShare()).isCloseTo(0.5, within(EPS));
      assertThat(m.progressShare()).isCloseTo(0.21, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.42, within(EPS));
      assertThat(m.cagrActual()).isCloseTo(0.1, within(EPS));
      assertThat(m.cagrRequired()).isCloseTo(0.189207115003, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(0.528521350788, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isCloseTo(0.285648693066, within(EPS));
      assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
      // The required path starts from the moved baseline: 2022 is outside it; 2024 = 50 · 2^0.25.
      assertThat(m.requiredPathAt(2022)).isNull();
      assertThat(m.requiredPathAt(2023)).isEqualTo(50.0);
      assertThat(m.requiredPathAt(2024)).isCloseTo(50 * 1.189207115003, within(EPS));
    }

    @Test
    void gapsInTheYearsUseTheEndsOnly() {
      // 2021 (before the baseline), 2022 and 2025 only; 2028 after the target is ignored too.
      // The same ends as the worked example give the same metrics with 2 observations:
      // cagr_actual = 0.1, growth_ratio = 0.672502395887, projected = 161.051; no trend (< 4).
      GapMetrics m =
          increase(200, yv(2021, 95), yv(2022, 100), yv(2025, 133.1), yv(2028, 500));
      assertThat(m.observations()).isEqualTo(2);
      assertThat(m.baselineYear()).isEqualTo(2022);
      assertThat(m.latestYear()).isEqualTo(2025);
      assertThat(m.cagrActual()).isCloseTo(0.1, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(0.672502395887, within(EPS));
      assertThat(m.projectedValue()).isCloseTo(161.051, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
      assertThat(m.trend()).isNull();
    }

    @Test
    void latestYearIsTheTargetYear() {
      // 2022 = 100, 2027 = 190, target 2027 = 200; 2028 = 300 is after the target and ignored.
      // gap = 10; time_share = 5 / 5 = 1; progress_share = 90 / 100 = 0.9; pace = 0.9
      // cagr_actual = 1.9^0.2 − 1 = 0.136974488810; cagr_required = 0.148698354997
      // growth_ratio = 0.136974488810 / 0.148698354997 = 0.921156719003 → acceleration_needed
      // cagr_needed_from_latest: no year left → null; projected = latest = 190, projected_gap = 10
      GapMetrics m = increase(200, yv(2022, 100), yv(2027, 190), yv(2028, 300));
      assertThat(m.latestYear()).isEqualTo(2027);
      assertThat(m.timeShare()).isEqualTo(1.0);
      assertThat(m.paceIndex()).isCloseTo(0.9, within(EPS));
      assertThat(m.growthRatio()).isCloseTo(0.921156719003, within(EPS));
      assertThat(m.cagrNeededFromLatest()).isNull();
      assertThat(m.projectedValue()).isEqualTo(190.0);
      assertThat(m.projectedGap()).isCloseTo(10, within(EPS));
      assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
      assertThat(m.projectedPathAt(2027)).isEqualTo(190.0);
      assertThat(m.projectedPathAt(2026)).isNull();
    }
  }

  @Nested
  class NonPositiveValues {

    @Test
    void zeroBaselineKeepsTheLinearShares() {
      // A new industry: 2022 = 0, 2025 = 30, target 2027 = 100.
      // gap = 70; progress_share = 30 / 100 = 0.3; time_share = 0.6; pace_index = 0.5
      // cagr_actual, cagr_required: (x / 0) undefined → null; growth_ratio null; projected null.
      // cagr_needed_from_latest = (100 / 30)^(1/2) − 1 = 0.825741858351 (latest and target > 0).
      GapMetrics m = increase(100, yv(2022, 0), yv(2025, 30));
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("non_positive_values");
      assertThat(m.gapToTarget()).isCloseTo(70, within(EPS));
      assertThat(m.progressShare()).isCloseTo(0.3, within(EPS));
      assertThat(m.timeShare()).isCloseTo(0.6, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.5, within(EPS));
      assertThat(m.cagrActual()).isNull();
      assertThat(m.cagrRequired()).isNull();
      assertThat(m.cagrNeededFromLatest()).isCloseTo(0.825741858351, within(EPS));
      assertThat(m.growthRatio()).isNull();
      assertThat(m.projectedValue()).isNull();
      assertThat(m.projectedGap()).isNull();
      // Without cagr_required the required path is the straight line 0 → 100 over 5 years:
      // 2024 → 0 + 100 · 2 / 5 = 40; 2027 → 100.
      assertThat(m.requiredPathAt(2024)).isCloseTo(40, within(EPS));
      assertThat(m.requiredPathAt(2027)).isCloseTo(100, within(EPS));
      // Without cagr_actual the projected path is only the latest point.
      assertThat(m.projectedPathAt(2025)).isEqualTo(30.0);
      assertThat(m.projectedPathAt(2026)).isNull();
    }

    @Test
    void negativeProfitNotMet() {
      // Profit: 2022 = −50, 2025 = −20, target 2027 = 10.
      // gap = 10 − (−20) = 30; progress_share = (−20 + 50) / (10 + 50) = 30 / 60 = 0.5;
      // time_share = 0.6; pace_index = 0.5 / 0.6 = 0.833333333333; every cagr null (a ratio ≤ 0).
      GapMetrics m = increase(10, yv(2022, -50), yv(2025, -20));
      assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
      assertThat(m.notAssessableReason()).isEqualTo("non_positive_values");
      assertThat(m.gapToTarget()).isCloseTo(30, within(EPS));
      assertThat(m.progressShare()).isCloseTo(0.5, within(EPS));
      assertThat(m.paceIndex()).isCloseTo(0.833333333333, within(EPS));
      assertThat(m.cagrActual()).isNull();
      assertThat(m.cagrRequired()).isNull();
      assertThat(m.cagrNeededFromLatest()).isNull();
      // Straight required line −50 → 10: 2025 → −50 + 60 · 3 / 5 = −14.
      assertThat(m.requiredPathAt(2025)).isCloseTo(-14, within(EPS));
    }

    @Test
    void negativeProfitTurnedPositiveAndMet() {
      // 2022 = −50, 2025 = 15, target 10: gap = 10 − 15 = −5 → target_achieved despite signs.
      GapMetrics m = increase(10, yv(2022, -50), yv(2025, 15));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
      assertThat(m.gapToTarget()).isCloseTo(-5, within(EPS));
    }

    @Test
    void nonPositiveTargetWithPositiveData() {
      // Decrease toward 0 (e.g. zero incidents): 2022 = 10, 2025 = 4, target 0.
      // gap = −1 · (0 − 4) = 4 > 0; target ≤ 0 → non_positive_values; progress = −6 / −10 = 0.6.
      // cagr_actual = 0.4^(1/3) − 1 is still defined (baseline and latest > 0).
      GapMetrics m = decrease(0, yv(2022, 10), yv(2025, 4));
      assertThat(m.notAssessableReason()).isEqualTo("non_positive_values");
      assertThat(m.progressShare()).isCloseTo(0.6, within(EPS));
      assertThat(m.cagrActual()).isCloseTo(Math.cbrt(0.4) - 1, within(EPS));
      assertThat(m.cagrRequired()).isNull();
      assertThat(m.growthRatio()).isNull();
    }
  }

  @Nested
  class Trend {

    @Test
    void trendUsesOnlyTheWindow() {
      // 2020, 2021 are before the baseline and 2028 after the target: 3 points remain → no trend.
      GapMetrics m =
          increase(
              200,
              yv(2020, 1),
              yv(2021, 1000),
              yv(2022, 100),
              yv(2023, 110),
              yv(2024, 121),
              yv(2028, 1));
      assertThat(m.observations()).isEqualTo(3);
      assertThat(m.trend()).isNull();
    }

    @Test
    void trendIsGivenEvenWhenTheTargetIsMet() {
      // 100, 110, 121, 133.1 against target 120: met (gap −13.1), and the trend value
      // 161.051 (see WorkedExample) is above the target.
      GapMetrics m =
          increase(120, yv(2022, 100), yv(2023, 110), yv(2024, 121), yv(2025, 133.1));
      assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
      assertThat(m.trend()).isNotNull();
      assertThat(m.trend().value()).isCloseTo(161.051, within(EPS));
      assertThat(m.trend().targetPosition()).isEqualTo(TrendProjection.TARGET_BELOW_INTERVAL);
    }

    @Test
    void noTrendWithANonPositivePoint() {
      GapMetrics m = increase(200, yv(2022, 0), yv(2023, 110), yv(2024, 121), yv(2025, 133.1));
      assertThat(m.trend()).isNull();
    }
  }
}
