package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of the pace view (时间进度): pace_index = progress_share / time_share against
 * the cut-offs ahead 1.05 and on_pace 0.95. Each comment shows the arithmetic.
 */
class PaceStatusTest {
  private static final double EPS = 1e-12;
  private static final StatusThresholds STATUS = new StatusThresholds(0.95, 0.60);
  private static final PaceThresholds PACE = new PaceThresholds(1.05, 0.95);

  private static YearValue yv(int year, double value) {
    return new YearValue(year, value);
  }

  private static GapMetrics metrics(
      Direction direction, int targetYear, double target, YearValue... series) {
    return GapCalculator.compute(
        new GapInput(direction, 2022, targetYear, target, List.of(series)), STATUS);
  }

  private static PaceStatus pace(GapMetrics m) {
    return PaceStatus.of(m, PACE);
  }

  @Test
  void behindWhenLessOfTheWayIsCoveredThanOfTheTime() {
    // 2022 = 100 … 2025 = 133.1, target 2027 = 200:
    // progress_share = 33.1 / 100 = 0.331; time_share = 3 / 5 = 0.6; pace_index = 0.551666… < 0.95
    GapMetrics m =
        metrics(Direction.INCREASE, 2027, 200, yv(2022, 100), yv(2023, 110), yv(2024, 121),
            yv(2025, 133.1));
    assertThat(m.paceIndex()).isCloseTo(0.551666666667, within(1e-9));
    assertThat(pace(m)).isEqualTo(PaceStatus.BEHIND);
    assertThat(pace(m).code()).isEqualTo("behind");
    assertThat(pace(m).labelZh()).isEqualTo("滞后");
  }

  @Test
  void aheadWhenMoreOfTheWayIsCovered() {
    // 2022 = 100, 2024 = 150, target 2027 = 200:
    // progress_share = 50 / 100 = 0.5; time_share = 2 / 5 = 0.4; pace_index = 1.25 ≥ 1.05
    GapMetrics m = metrics(Direction.INCREASE, 2027, 200, yv(2022, 100), yv(2024, 150));
    assertThat(m.paceIndex()).isCloseTo(1.25, within(EPS));
    assertThat(pace(m)).isEqualTo(PaceStatus.AHEAD);
    assertThat(pace(m).labelZh()).isEqualTo("快于预期");
    // The same pace_index is on_pace once ahead is raised to 1.3.
    assertThat(PaceStatus.of(m, new PaceThresholds(1.3, 0.95))).isEqualTo(PaceStatus.ON_PACE);
  }

  @Test
  void theCutOffsBelongToTheUpperBand() {
    // Target year 2026, so time_share at 2024 = 2 / 4 = 0.5 (exact in binary):
    // latest 152.5: progress_share = 52.5 / 100 = 0.525, pace_index = 1.05 exactly → ahead
    // latest 147.5: progress_share = 0.475, pace_index = 0.95 exactly → on_pace
    // latest 147.4: progress_share = 0.474, pace_index = 0.948 → behind
    GapMetrics ahead = metrics(Direction.INCREASE, 2026, 200, yv(2022, 100), yv(2024, 152.5));
    GapMetrics onPace = metrics(Direction.INCREASE, 2026, 200, yv(2022, 100), yv(2024, 147.5));
    GapMetrics behind = metrics(Direction.INCREASE, 2026, 200, yv(2022, 100), yv(2024, 147.4));
    assertThat(ahead.paceIndex()).isEqualTo(1.05);
    assertThat(pace(ahead)).isEqualTo(PaceStatus.AHEAD);
    assertThat(onPace.paceIndex()).isEqualTo(0.95);
    assertThat(pace(onPace)).isEqualTo(PaceStatus.ON_PACE);
    assertThat(pace(onPace).labelZh()).isEqualTo("基本符合预期");
    assertThat(pace(behind)).isEqualTo(PaceStatus.BEHIND);
  }

  @Test
  void behindWhileTheGrowthRatioSaysOnTrack() {
    // 2022 = 100, 2024 = 121 toward 161.051 (= 100 · 1.1^5) in 2027: growth_ratio = 1 (on_track);
    // progress_share = 21 / 61.051 = 0.343974709669, time_share = 0.4,
    // pace_index = 0.859936774172 → behind: the linear view is harsher than compound growth.
    GapMetrics m = metrics(Direction.INCREASE, 2027, 161.051, yv(2022, 100), yv(2024, 121));
    assertThat(m.status()).isEqualTo(Status.ON_TRACK);
    assertThat(m.paceIndex()).isCloseTo(0.859936774172, within(1e-9));
    assertThat(pace(m)).isEqualTo(PaceStatus.BEHIND);
  }

  @Test
  void aMilestoneMetBeforeItsYearIsAchievedEarly() {
    // Sichuan natural gas production, milestone 600 亿立方米 for 2025, data to 2024:
    // 2022 = 566, 2023 = 585, 2024 = 603 ≥ 600 → gap = 600 − 603 = −3 ≤ 0, latest 2024 < 2025.
    GapMetrics m =
        metrics(Direction.INCREASE, 2025, 600, yv(2022, 566), yv(2023, 585), yv(2024, 603));
    assertThat(m.gapToTarget()).isCloseTo(-3, within(EPS));
    assertThat(pace(m)).isEqualTo(PaceStatus.ACHIEVED_EARLY);
    assertThat(pace(m).labelZh()).isEqualTo("提前实现");
  }

  @Test
  void aTargetMetInItsTargetYearIsAchieved() {
    // The same with 2025 = 620: the latest year is the target year, so met on time, not early.
    GapMetrics m =
        metrics(Direction.INCREASE, 2025, 600, yv(2022, 566), yv(2023, 585), yv(2024, 603),
            yv(2025, 620));
    assertThat(pace(m)).isEqualTo(PaceStatus.ACHIEVED);
    assertThat(pace(m).labelZh()).isEqualTo("如期实现");
  }

  @Test
  void lowerIsBetterOnPace() {
    // decrease; 2022 = 100, 2024 = 80, target 2027 = 50:
    // progress_share = (80 − 100) / (50 − 100) = 0.4; time_share = 2 / 5 = 0.4; pace_index = 1
    GapMetrics m = metrics(Direction.DECREASE, 2027, 50, yv(2022, 100), yv(2024, 80));
    assertThat(m.paceIndex()).isCloseTo(1.0, within(EPS));
    assertThat(pace(m)).isEqualTo(PaceStatus.ON_PACE);
  }

  @Test
  void lowerIsBetterMovingTheWrongWayIsBehind() {
    // decrease; 2022 = 100, 2024 = 110, target 2027 = 50:
    // progress_share = 10 / −50 = −0.2; pace_index = −0.2 / 0.4 = −0.5 → behind
    GapMetrics m = metrics(Direction.DECREASE, 2027, 50, yv(2022, 100), yv(2024, 110));
    assertThat(m.paceIndex()).isCloseTo(-0.5, within(EPS));
    assertThat(pace(m)).isEqualTo(PaceStatus.BEHIND);
  }

  @Test
  void lowerIsBetterMetEarly() {
    // decrease; 2022 = 100, 2024 = 45 ≤ 50 → gap = −1 · (50 − 45) = −5 → achieved_early
    GapMetrics m = metrics(Direction.DECREASE, 2027, 50, yv(2022, 100), yv(2024, 45));
    assertThat(pace(m)).isEqualTo(PaceStatus.ACHIEVED_EARLY);
  }

  @Test
  void noTimeElapsedOrNoDataIsNotAssessable() {
    // A single observation: time_share = 0, pace_index undefined.
    GapMetrics single = metrics(Direction.INCREASE, 2027, 200, yv(2022, 100));
    assertThat(single.paceIndex()).isNull();
    assertThat(pace(single)).isEqualTo(PaceStatus.NOT_ASSESSABLE);
    assertThat(pace(single).labelZh()).isEqualTo("无法评估");
    assertThat(pace(metrics(Direction.INCREASE, 2027, 200))).isEqualTo(PaceStatus.NOT_ASSESSABLE);
    // A single observation that meets the target is still met (early).
    assertThat(pace(metrics(Direction.INCREASE, 2027, 200, yv(2024, 250))))
        .isEqualTo(PaceStatus.ACHIEVED_EARLY);
  }

  @Test
  void aSeriesBreakMovesTheStartOfTheClock() {
    // Baijiu with the 2023 break: progress_share = 360 / 1980, time_share = 2 / 4,
    // pace_index = 0.363636… → behind.
    GapMetrics m =
        GapCalculator.compute(
            new GapInput(Direction.INCREASE, 2022, 2027, 5000,
                List.of(yv(2022, 3447.2), yv(2023, 3020), yv(2024, 3190), yv(2025, 3380)),
                List.of(2023)),
            STATUS);
    assertThat(m.timeShare()).isEqualTo(0.5);
    assertThat(pace(m)).isEqualTo(PaceStatus.BEHIND);
  }

  @Test
  void thresholdsMustLeaveAnOnPaceBand() {
    assertThatThrownBy(() -> new PaceThresholds(0.95, 1.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pace thresholds need 0 < on_pace < ahead, got on_pace=1.05, ahead=0.95");
    assertThatThrownBy(() -> new PaceThresholds(1.05, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PaceThresholds(Double.NaN, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
