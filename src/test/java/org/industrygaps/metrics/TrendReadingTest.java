package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trend's interval read against the target, for each direction. */
class TrendReadingTest {

  @ParameterizedTest(name = "{0} target, {1} → {2}")
  @CsvSource({
    "increase, target_below_interval, likely_met",
    "increase, target_inside_interval, uncertain",
    "increase, target_above_interval, likely_missed",
    "decrease, target_above_interval, likely_met",
    "decrease, target_inside_interval, uncertain",
    "decrease, target_below_interval, likely_missed",
  })
  void readsThePositionForTheDirection(String direction, String position, String reading) {
    TrendProjection trend = new TrendProjection(100, 90, 110, position, 5);

    assertThat(TrendReading.of(trend, Direction.fromCode(direction)).code()).isEqualTo(reading);
  }

  @Test
  void chineseLabels() {
    assertThat(TrendReading.LIKELY_MET.labelZh()).isEqualTo("很可能实现");
    assertThat(TrendReading.UNCERTAIN.labelZh()).isEqualTo("不确定");
    assertThat(TrendReading.LIKELY_MISSED.labelZh()).isEqualTo("很可能未实现");
  }

  @Test
  void exactGrowthBeyondTheTargetIsLikelyMet() {
    // 100, 110, 121, 133.1 (10% a year, no residuals): the trend carries 133.1 on to 2027 as
    // 133.1 · 1.1² = 161.051 with an interval collapsed onto it. Target 150 < 161.051: the target
    // lies below the interval → likely_met; the calculator reports the method and points.
    GapMetrics m =
        GapCalculator.compute(
            new GapInput(Direction.INCREASE, 2022, 2027, 150,
                List.of(new YearValue(2022, 100), new YearValue(2023, 110),
                    new YearValue(2024, 121), new YearValue(2025, 133.1))),
            new StatusThresholds(0.95, 0.60));
    assertThat(m.trend().targetPosition()).isEqualTo(TrendProjection.TARGET_BELOW_INTERVAL);
    assertThat(TrendReading.of(m.trend(), Direction.INCREASE)).isEqualTo(TrendReading.LIKELY_MET);
    assertThat(TrendProjection.METHOD).isEqualTo("log_linear_ols_95pi");
    assertThat(m.projectedMethod()).isEqualTo(GapMetrics.COMPOUND_GROWTH);
  }

  @Test
  void projectedMethodNamesTheObservationInTheTargetYear() {
    // Latest year = target year: the "projection" is the observed value.
    GapMetrics m =
        GapCalculator.compute(
            new GapInput(Direction.INCREASE, 2022, 2024, 150,
                List.of(new YearValue(2022, 100), new YearValue(2024, 121))),
            new StatusThresholds(0.95, 0.60));
    assertThat(m.projectedValue()).isEqualTo(121.0);
    assertThat(m.projectedMethod()).isEqualTo("observed_in_target_year");
    // No projection, no method.
    GapMetrics none =
        GapCalculator.compute(
            new GapInput(Direction.INCREASE, 2022, 2027, 150, List.of(new YearValue(2022, 100))),
            new StatusThresholds(0.95, 0.60));
    assertThat(none.projectedMethod()).isNull();
  }
}
