package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked example of a milestone and a goal on one series: Sichuan power-battery revenue
 * 2022 = 2230, 2023 = 2700, 2024 = 3100, 2025 = 3500 (亿元; the sample has the same ends), with an
 * (illustrative) 2025 milestone of 3600 and the 2027 goal of 5000. Each target is measured on its
 * own: same baseline, its own year and value.
 */
class MilestoneTest {
  private static final double EPS = 1e-9;
  private static final StatusThresholds STATUS = new StatusThresholds(0.95, 0.60);
  private static final PaceThresholds PACE = new PaceThresholds(1.05, 0.95);
  private static final List<YearValue> SERIES =
      List.of(
          new YearValue(2022, 2230), new YearValue(2023, 2700), new YearValue(2024, 3100),
          new YearValue(2025, 3500));

  private static GapMetrics target(int year, double value) {
    return GapCalculator.compute(
        new GapInput(Direction.INCREASE, 2022, year, value, SERIES), STATUS);
  }

  @Test
  void theMilestoneIsJudgedInItsOwnYear() {
    // gap = 3600 − 3500 = 100; time_share = (2025 − 2022) / (2025 − 2022) = 1
    // progress_share = (3500 − 2230) / (3600 − 2230) = 1270 / 1370 = 0.927007299270
    // pace_index = 0.927007299270 < 0.95 → behind
    // cagr_actual = (3500 / 2230)^(1/3) − 1 = 1.569506726457^(1/3) − 1 = 0.162129147105
    // cagr_required = (3600 / 2230)^(1/3) − 1 = 1.614349775785^(1/3) − 1 = 0.173093277140
    // growth_ratio = 0.162129147105 / 0.173093277140 = 0.936657678357 → acceleration_needed
    // no years left: cagr_needed_from_latest is empty; the projection is the observed 3500.
    GapMetrics m = target(2025, 3600);
    assertThat(m.gapToTarget()).isCloseTo(100, within(EPS));
    assertThat(m.timeShare()).isEqualTo(1.0);
    assertThat(m.progressShare()).isCloseTo(0.927007299270, within(EPS));
    assertThat(m.paceIndex()).isCloseTo(0.927007299270, within(EPS));
    assertThat(PaceStatus.of(m, PACE)).isEqualTo(PaceStatus.BEHIND);
    assertThat(m.cagrActual()).isCloseTo(0.162129147105, within(EPS));
    assertThat(m.cagrRequired()).isCloseTo(0.173093277140, within(EPS));
    assertThat(m.growthRatio()).isCloseTo(0.936657678357, within(EPS));
    assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
    assertThat(m.cagrNeededFromLatest()).isNull();
    assertThat(m.projectedValue()).isEqualTo(3500.0);
    assertThat(m.projectedMethod()).isEqualTo(GapMetrics.OBSERVED_IN_TARGET_YEAR);
  }

  @Test
  void theGoalOnTheSameSeriesIsJudgedToItsYear() {
    // gap = 5000 − 3500 = 1500; time_share = 3 / 5 = 0.6
    // progress_share = 1270 / 2770 = 0.458483754513; pace_index = 0.764139590854 → behind
    // cagr_required = (5000 / 2230)^(1/5) − 1 = 0.175257491620
    // growth_ratio = 0.162129147105 / 0.175257491620 = 0.925091107984 → acceleration_needed
    // projected = 3500 · 1.162129147105² = 4726.904540931
    GapMetrics m = target(2027, 5000);
    assertThat(m.gapToTarget()).isCloseTo(1500, within(EPS));
    assertThat(m.progressShare()).isCloseTo(0.458483754513, within(EPS));
    assertThat(m.paceIndex()).isCloseTo(0.764139590854, within(EPS));
    assertThat(m.cagrRequired()).isCloseTo(0.175257491620, within(EPS));
    assertThat(m.growthRatio()).isCloseTo(0.925091107984, within(EPS));
    assertThat(m.status()).isEqualTo(Status.ACCELERATION_NEEDED);
    assertThat(m.projectedValue()).isCloseTo(4726.904540931, within(1e-8));
    assertThat(m.projectedMethod()).isEqualTo(GapMetrics.COMPOUND_GROWTH);
  }

  @Test
  void theGoalsRequiredPathPassesBelowTheMilestone() {
    // The 2027 goal's required path in 2025: 2230 · (5000 / 2230)^(3/5) = 2230 · 1.623301106835
    // = 3619.961468243, just above the milestone 3600: meeting the milestone is not quite enough.
    assertThat(target(2027, 5000).requiredPathAt(2025))
        .isCloseTo(3619.961468243, within(1e-8))
        .isGreaterThan(3600);
  }
}
