package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples of the roll-up of a group of targets. */
class RollupSummaryTest {

  private static RollupSummary.Target t(
      String indicator, String region, int year, double target, Double projectedGap, Status s) {
    return new RollupSummary.Target(indicator, region, year, target, projectedGap, s);
  }

  @Test
  void countsWorstMedianShareAndTheKeyGap() {
    // Five targets, four assessable. Worst first: deterioration, limited_progress, on_track,
    // target_achieved; n = 4, the lower median is index (4 − 1) / 2 = 1: limited_progress.
    // share on track = (on_track 1 + target_achieved 1) / 4 assessable = 0.5
    // relative gaps: revenue 1500 / 5000 = 0.3; production 30 / 130 = 0.230769…;
    // output_value −10 / 650 = −0.015…; profit 90 / 200 = 0.45; enterprises: no projection.
    // The largest: profit (0.45).
    RollupSummary r =
        RollupSummary.of(
            List.of(
                t("revenue", "510000", 2027, 5000, 1500.0, Status.ON_TRACK),
                t("production", "511500", 2024, 130, 30.0, Status.LIMITED_PROGRESS),
                t("output_value", "510400", 2026, 650, -10.0, Status.TARGET_ACHIEVED),
                t("profit", "510000", 2027, 200, 90.0, Status.DETERIORATION),
                t("enterprises", "510000", 2027, 100, null, Status.NOT_ASSESSABLE)));

    assertThat(r.targets()).isEqualTo(5);
    assertThat(r.assessable()).isEqualTo(4);
    assertThat(r.counts())
        .containsEntry(Status.TARGET_ACHIEVED, 1)
        .containsEntry(Status.ON_TRACK, 1)
        .containsEntry(Status.ACCELERATION_NEEDED, 0)
        .containsEntry(Status.LIMITED_PROGRESS, 1)
        .containsEntry(Status.DETERIORATION, 1)
        .containsEntry(Status.NOT_ASSESSABLE, 1);
    assertThat(r.worst()).isEqualTo(Status.DETERIORATION);
    assertThat(r.median()).isEqualTo(Status.LIMITED_PROGRESS);
    assertThat(r.onTrackShare()).isEqualTo(0.5);
    assertThat(r.keyGap().indicator()).isEqualTo("profit");
    assertThat(r.keyGapRelative()).isCloseTo(0.45, within(1e-12));
  }

  @Test
  void theMedianOfAnOddNumberIsTheMiddleOne() {
    // Worst first: limited_progress, acceleration_needed, on_track → index (3 − 1) / 2 = 1.
    RollupSummary r =
        RollupSummary.of(
            List.of(
                t("a", "510000", 2027, 10, 1.0, Status.ON_TRACK),
                t("b", "510000", 2027, 10, 2.0, Status.LIMITED_PROGRESS),
                t("c", "510000", 2027, 10, 3.0, Status.ACCELERATION_NEEDED)));
    assertThat(r.worst()).isEqualTo(Status.LIMITED_PROGRESS);
    assertThat(r.median()).isEqualTo(Status.ACCELERATION_NEEDED);
    // share = 1 / 3
    assertThat(r.onTrackShare()).isCloseTo(1.0 / 3, within(1e-12));
    // relative gaps 0.1, 0.2, 0.3: c
    assertThat(r.keyGap().indicator()).isEqualTo("c");
  }

  @Test
  void tiesGoToTheFirstByIndicatorRegionAndYear() {
    // Both 50 / 500 = 0.1 and 5 / 50 = 0.1: the first by indicator is output_value.
    RollupSummary r =
        RollupSummary.of(
            List.of(
                t("revenue", "510000", 2027, 500, 50.0, Status.ON_TRACK),
                t("output_value", "510400", 2026, 50, 5.0, Status.ON_TRACK)));
    assertThat(r.keyGap().indicator()).isEqualTo("output_value");
  }

  @Test
  void onlyNotAssessableTargetsLeaveTheFiguresEmptyButCounted() {
    RollupSummary r =
        RollupSummary.of(List.of(t("revenue", "510000", 2027, 3000, null, Status.NOT_ASSESSABLE)));
    assertThat(r.targets()).isEqualTo(1);
    assertThat(r.assessable()).isZero();
    assertThat(r.counts()).containsEntry(Status.NOT_ASSESSABLE, 1);
    assertThat(r.worst()).isNull();
    assertThat(r.median()).isNull();
    assertThat(r.onTrackShare()).isNull();
    assertThat(r.keyGap()).isNull();
    assertThat(r.keyGapRelative()).isNull();
  }

  @Test
  void anEmptyGroupIsAllZeros() {
    RollupSummary r = RollupSummary.of(List.of());
    assertThat(r.targets()).isZero();
    assertThat(r.counts().values()).containsOnly(0);
    assertThat(r.worst()).isNull();
  }

  @Test
  void aZeroTargetHasNoRelativeGap() {
    RollupSummary r =
        RollupSummary.of(List.of(t("profit", "510000", 2027, 0, 5.0, Status.DETERIORATION)));
    assertThat(r.keyGap()).isNull();
    // |target| keeps the sign of the gap for a negative target: −4 target, gap 2 → 0.5
    assertThat(t("profit", "510000", 2027, -4, 2.0, Status.DETERIORATION).relativeGap())
        .isEqualTo(0.5);
  }
}
