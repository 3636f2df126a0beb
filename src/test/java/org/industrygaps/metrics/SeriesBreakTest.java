package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worked examples of a series break: a value that starts a new statistical basis moves the
 * baseline to the break year, so growth is never measured across two bases. Every expected number
 * is worked out in the comment above its assertions (roots to 12 digits, from bc -l).
 */
class SeriesBreakTest {
  private static final double EPS = 1e-9;
  private static final StatusThresholds DEFAULT = new StatusThresholds(0.95, 0.60);

  private static YearValue yv(int year, double value) {
    return new YearValue(year, value);
  }

  private static GapMetrics compute(
      Direction direction, double target, List<Integer> breaks, YearValue... series) {
    return GapCalculator.compute(
        new GapInput(direction, 2022, 2027, target, List.of(series), breaks), DEFAULT);
  }

  // Sichuan baijiu revenue, as in the sample: 2022 = 3447.2 on the old basis; 2023 = 3020 starts
  // a new basis (series_break), 2024 = 3190, 2025 = 3380 on it; target 2027 = 5000.
  private static final YearValue[] BAIJIU = {
    yv(2022, 3447.2), yv(2023, 3020), yv(2024, 3190), yv(2025, 3380)
  };

  @Test
  void withoutTheBreakTheNewBasisLooksLikeADecline() {
    // Across the bases: cagr_actual = (3380 / 3447.2)^(1/3) − 1 = 0.980506…^(1/3) − 1
    //                               = −0.006540715065 < 0 → a false deterioration.
    GapMetrics m = compute(Direction.INCREASE, 5000, List.of(), BAIJIU);
    assertThat(m.cagrActual()).isCloseTo(-0.006540715065, within(EPS));
    assertThat(m.status()).isEqualTo(Status.DETERIORATION);
    assertThat(m.seriesBreakYear()).isNull();
    assertThat(m.baselineNote()).isNull();
  }

  @Test
  void theBreakMovesTheBaselineToTheBreakYear() {
    // baseline = 2023 / 3020, latest = 2025 / 3380, observations from 2023: 3
    // gap = 5000 − 3380 = 1620
    // progress_share = (3380 − 3020) / (5000 − 3020) = 360 / 1980 = 0.181818…
    // time_share = (2025 − 2023) / (2027 − 2023) = 2 / 4 = 0.5; pace_index = 0.363636…
    // cagr_actual = (3380 / 3020)^(1/2) − 1 = sqrt(1.119205298013) − 1 = 0.057924996403
    // cagr_required = (5000 / 3020)^(1/4) − 1 = 1.655629139073^(1/4) − 1 = 0.134333518696
    // cagr_needed_from_latest = (5000 / 3380)^(1/2) − 1 = 0.216260638526
    // growth_ratio = 0.057924996403 / 0.134333518696 = 0.431202852160 → limited_progress
    // projected = 3380 · 1.057924996403² = 3380 · (3380 / 3020) = 3782.913907285
    // projected_gap = 5000 − 3782.913907285 = 1217.086092715
    GapMetrics m = compute(Direction.INCREASE, 5000, List.of(2023), BAIJIU);
    assertThat(m.seriesBreakYear()).isEqualTo(2023);
    assertThat(m.baselineNote()).isEqualTo(GapMetrics.BASELINE_MOVED_TO_BREAK);
    assertThat(m.baselineYear()).isEqualTo(2023);
    assertThat(m.baselineValue()).isEqualTo(3020.0);
    assertThat(m.latestYear()).isEqualTo(2025);
    assertThat(m.observations()).isEqualTo(3);
    assertThat(m.gapToTarget()).isCloseTo(1620, within(EPS));
    assertThat(m.progressShare()).isCloseTo(360.0 / 1980, within(EPS));
    assertThat(m.timeShare()).isEqualTo(0.5);
    assertThat(m.paceIndex()).isCloseTo(0.363636363636, within(EPS));
    assertThat(m.cagrActual()).isCloseTo(0.057924996403, within(EPS));
    assertThat(m.cagrRequired()).isCloseTo(0.134333518696, within(EPS));
    assertThat(m.cagrNeededFromLatest()).isCloseTo(0.216260638526, within(EPS));
    assertThat(m.growthRatio()).isCloseTo(0.431202852160, within(EPS));
    assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
    assertThat(m.projectedValue()).isCloseTo(3782.913907285, within(1e-8));
    assertThat(m.projectedGap()).isCloseTo(1217.086092715, within(1e-8));
    // Three points since the break: too few for the trend (it needs 4).
    assertThat(m.trend()).isNull();
    // The required path starts at the break: none before 2023, 3020 in 2023.
    assertThat(m.requiredPathAt(2022)).isNull();
    assertThat(m.requiredPathAt(2023)).isEqualTo(3020.0);
  }

  @Test
  void lowerIsBetterAcrossABreak() {
    // decrease; 2022 = 50, 2023 = 48 (old basis); 2024 = 60 starts a new basis, 2025 = 57;
    // target 2027 = 40. Across the bases 50 → 57 would read as deterioration.
    // From the break: baseline 2024 = 60, latest 2025 = 57, observations 2
    // gap = −1 · (40 − 57) = 17
    // progress_share = (57 − 60) / (40 − 60) = 0.15; time_share = 1 / 3; pace_index = 0.45
    // cagr_actual = 57 / 60 − 1 = −0.05
    // cagr_required = (40 / 60)^(1/3) − 1 = 0.873580464736 − 1 = −0.126419535264
    // growth_ratio = −1 · −0.05 / 0.126419535264 = 0.395508493966 → limited_progress
    // projected = 57 · 0.95² = 51.4425; projected_gap = −1 · (40 − 51.4425) = 11.4425
    YearValue[] series = {yv(2022, 50), yv(2023, 48), yv(2024, 60), yv(2025, 57)};
    assertThat(compute(Direction.DECREASE, 40, List.of(), series).status())
        .isEqualTo(Status.DETERIORATION);

    GapMetrics m = compute(Direction.DECREASE, 40, List.of(2024), series);
    assertThat(m.baselineYear()).isEqualTo(2024);
    assertThat(m.observations()).isEqualTo(2);
    assertThat(m.gapToTarget()).isCloseTo(17, within(EPS));
    assertThat(m.progressShare()).isCloseTo(0.15, within(EPS));
    assertThat(m.paceIndex()).isCloseTo(0.45, within(EPS));
    assertThat(m.cagrActual()).isCloseTo(-0.05, within(EPS));
    assertThat(m.cagrRequired()).isCloseTo(-0.126419535264, within(EPS));
    assertThat(m.growthRatio()).isCloseTo(0.395508493966, within(EPS));
    assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
    assertThat(m.projectedValue()).isCloseTo(51.4425, within(EPS));
    assertThat(m.projectedGap()).isCloseTo(11.4425, within(EPS));
  }

  @Test
  void aBreakInTheLatestYearLeavesASingleObservation() {
    // 2025 starts a new basis and is the latest: nothing on the new basis to compare with.
    // gap = 5000 − 3380 = 1620 still shows; growth cannot be judged.
    GapMetrics m =
        compute(Direction.INCREASE, 5000, List.of(2025), yv(2022, 3447.2), yv(2024, 3880),
            yv(2025, 3380));
    assertThat(m.baselineYear()).isEqualTo(2025);
    assertThat(m.observations()).isEqualTo(1);
    assertThat(m.gapToTarget()).isCloseTo(1620, within(EPS));
    assertThat(m.cagrActual()).isNull();
    assertThat(m.status()).isEqualTo(Status.NOT_ASSESSABLE);
    assertThat(m.notAssessableReason()).isEqualTo(GapMetrics.SINGLE_OBSERVATION);
    assertThat(m.seriesBreakYear()).isEqualTo(2025);
  }

  @Test
  void aBreakInTheLatestYearDoesNotHideAMetTarget() {
    // The latest value 5100 meets 5000 whatever its basis: target_achieved.
    GapMetrics m =
        compute(Direction.INCREASE, 5000, List.of(2025), yv(2022, 3447.2), yv(2025, 5100));
    assertThat(m.status()).isEqualTo(Status.TARGET_ACHIEVED);
    assertThat(m.observations()).isEqualTo(1);
  }

  @Test
  void breaksOutsideTheWindowOrAtItsStartChangeNothing() {
    // 2020 is before the plan's baseline, 2022 is the baseline itself (already the first point),
    // 2029 is after the target year: none moves the baseline.
    YearValue[] series = {yv(2020, 90), yv(2022, 100), yv(2023, 110), yv(2024, 121)};
    GapMetrics plain = compute(Direction.INCREASE, 200, List.of(), series);
    GapMetrics breaks = compute(Direction.INCREASE, 200, List.of(2020, 2022, 2029), series);
    assertThat(breaks).isEqualTo(plain);
    assertThat(breaks.baselineYear()).isEqualTo(2022);
    assertThat(breaks.seriesBreakYear()).isNull();
    assertThat(breaks.baselineNote()).isNull();
  }

  @Test
  void aBreakAfterTheLatestYearChangesNothing() {
    // Data up to 2024, a break declared for 2026 (no value yet): the window ends before it.
    YearValue[] series = {yv(2022, 100), yv(2024, 121)};
    assertThat(compute(Direction.INCREASE, 200, List.of(2026), series))
        .isEqualTo(compute(Direction.INCREASE, 200, List.of(), series));
  }

  @Test
  void theLastOfTwoBreaksCounts() {
    // Breaks in 2023 and 2025: measured from 2025 on.
    // baseline 2025 = 80, latest 2026 = 88: cagr_actual = 88 / 80 − 1 = 0.1;
    // cagr_required = (200 / 80)^(1/2) − 1 = sqrt(2.5) − 1 = 0.581138830084;
    // growth_ratio = 0.1 / 0.581138830084 = 0.172075922005 → limited_progress
    GapMetrics m =
        compute(Direction.INCREASE, 200, List.of(2025, 2023), yv(2022, 100), yv(2023, 60),
            yv(2024, 66), yv(2025, 80), yv(2026, 88));
    assertThat(m.seriesBreakYear()).isEqualTo(2025);
    assertThat(m.baselineYear()).isEqualTo(2025);
    assertThat(m.observations()).isEqualTo(2);
    assertThat(m.cagrActual()).isCloseTo(0.1, within(EPS));
    assertThat(m.growthRatio()).isCloseTo(0.172075922005, within(EPS));
    assertThat(m.status()).isEqualTo(Status.LIMITED_PROGRESS);
  }

  @Test
  void aBreakYearWithoutAValueStartsAtTheNextYearWithData() {
    // Break declared for 2023, which has no value: the new basis starts with 2024 = 121.
    // baseline 2024 = 121, latest 2025 = 133.1: cagr_actual = 1.1 − 1 = 0.1
    GapMetrics m =
        compute(Direction.INCREASE, 200, List.of(2023), yv(2022, 100), yv(2024, 121),
            yv(2025, 133.1));
    assertThat(m.baselineYear()).isEqualTo(2024);
    assertThat(m.seriesBreakYear()).isEqualTo(2023);
    assertThat(m.cagrActual()).isCloseTo(0.1, within(EPS));
  }

  @Test
  void theTrendIsFittedOnTheNewBasisOnly() {
    // 2019–2021 on an old basis (ten times larger), a break in 2022, then 10% a year on the new
    // one: 100, 110, 121, 133.1. The fit sees only the last four points, which lie exactly on
    // ln 100 + (y − 2022) · ln 1.1, so the trend carries 133.1 on at 10% to 2027: 161.051.
    GapMetrics m =
        GapCalculator.compute(
            new GapInput(
                Direction.INCREASE, 2019, 2027, 200,
                List.of(yv(2019, 900), yv(2020, 950), yv(2021, 1000), yv(2022, 100),
                    yv(2023, 110), yv(2024, 121), yv(2025, 133.1)),
                List.of(2022)),
            DEFAULT);
    assertThat(m.baselineYear()).isEqualTo(2022);
    assertThat(m.observations()).isEqualTo(4);
    assertThat(m.trend().points()).isEqualTo(4);
    assertThat(m.trend().value()).isCloseTo(161.051, within(EPS));
  }

  @Test
  void firstDataAfterThePlansBaselineIsNoted() {
    // No value in 2022: the baseline is the first later year with data, and the report says so.
    GapMetrics m = compute(Direction.INCREASE, 200, List.of(), yv(2023, 110), yv(2024, 121));
    assertThat(m.baselineYear()).isEqualTo(2023);
    assertThat(m.baselineNote()).isEqualTo(GapMetrics.BASELINE_MOVED_TO_FIRST_DATA);
    assertThat(m.seriesBreakYear()).isNull();
  }

  @Test
  void breakYearsAreStoredSortedWithoutRepeats() {
    GapInput input =
        new GapInput(Direction.INCREASE, 2022, 2027, 200, List.of(), List.of(2025, 2023, 2025));
    assertThat(input.breakYears()).containsExactly(2023, 2025);
    assertThat(new GapInput(Direction.INCREASE, 2022, 2027, 200, List.of()).breakYears()).isEmpty();
  }
}
