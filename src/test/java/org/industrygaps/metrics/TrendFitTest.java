package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Log-linear trend worked by hand. The noisy series are given as e^y so that the sums on the log
 * scale are plain decimals; x is the year minus 2022.
 */
class TrendFitTest {

  private static final double EPS = 1e-9;

  private static YearValue yv(int year, double value) {
    return new YearValue(year, value);
  }

  // ln values 1.0, 1.2, 1.3, 1.6 at x = 0, 1, 2, 3.
  private static final List<YearValue> NOISY_FOUR =
      List.of(
          yv(2022, Math.exp(1.0)),
          yv(2023, Math.exp(1.2)),
          yv(2024, Math.exp(1.3)),
          yv(2025, Math.exp(1.6)));

  @Test
  void exactExponentialCollapsesTheInterval() {
    // 50 · 1.2^x for x = 0..4: ln is exactly linear, residuals 0, so s = 0 and
    // lower = value = upper = 50 · 1.2^5 = 124.416 in 2027.
    List<YearValue> points =
        List.of(
            yv(2022, 50), yv(2023, 60), yv(2024, 72), yv(2025, 86.4), yv(2026, 103.68));
    TrendProjection trend = TrendFit.project(points, 2027, 200).orElseThrow();
    assertThat(trend.value()).isCloseTo(124.416, within(EPS));
    assertThat(trend.lower()).isCloseTo(124.416, within(EPS));
    assertThat(trend.upper()).isCloseTo(124.416, within(EPS));
    assertThat(trend.points()).isEqualTo(5);
    assertThat(trend.targetPosition()).isEqualTo("target_above_interval");
    assertThat(TrendFit.project(points, 2027, 100).orElseThrow().targetPosition())
        .isEqualTo("target_below_interval");
  }

  @Test
  void noisyFourPointsByHand() {
    // x̄ = (0+1+2+3)/4 = 1.5; ȳ = (1.0+1.2+1.3+1.6)/4 = 5.1/4 = 1.275
    // Sxx = 2.25 + 0.25 + 0.25 + 2.25 = 5
    // Sxy = (−1.5)(−0.275) + (−0.5)(−0.075) + (0.5)(0.025) + (1.5)(0.325)
    //     = 0.4125 + 0.0375 + 0.0125 + 0.4875 = 0.95;  b = 0.95 / 5 = 0.19
    // fitted = 1.275 + 0.19 (x − 1.5) = 0.99, 1.18, 1.37, 1.56
    // residuals = 0.01, 0.02, −0.07, 0.04; SSR = 0.0001 + 0.0004 + 0.0049 + 0.0016 = 0.007
    // s² = 0.007 / (4 − 2) = 0.0035
    // 2027: x = 5, x − x̄ = 3.5; ln ŷ = 1.275 + 0.19 · 3.5 = 1.94; value = e^1.94 = 6.958750970637
    // se² = 0.0035 · (1 + 1/4 + 3.5²/5) = 0.0035 · (1 + 0.25 + 2.45) = 0.0035 · 3.7 = 0.01295
    // se = 0.113798066767; half-width = t(0.975, 2) · se = 4.303 · 0.113798066767 = 0.489673081300
    // lower = e^(1.94 − 0.489673081300) = 4.264508434860
    // upper = e^(1.94 + 0.489673081300) = 11.355169255969
    TrendProjection trend = TrendFit.project(NOISY_FOUR, 2027, 7).orElseThrow();
    assertThat(trend.value()).isCloseTo(6.958750970637, within(EPS));
    assertThat(trend.lower()).isCloseTo(4.264508434860, within(EPS));
    assertThat(trend.upper()).isCloseTo(11.355169255969, within(EPS));
    assertThat(trend.points()).isEqualTo(4);
    assertThat(trend.targetPosition()).isEqualTo("target_inside_interval");
  }

  @Test
  void targetPositionAgainstTheNoisyInterval() {
    // Interval 4.2645 .. 11.3552 from noisyFourPointsByHand.
    assertThat(TrendFit.project(NOISY_FOUR, 2027, 12).orElseThrow().targetPosition())
        .isEqualTo(TrendProjection.TARGET_ABOVE_INTERVAL);
    assertThat(TrendFit.project(NOISY_FOUR, 2027, 4).orElseThrow().targetPosition())
        .isEqualTo(TrendProjection.TARGET_BELOW_INTERVAL);
  }

  @Test
  void orderOfThePointsDoesNotMatter() {
    List<YearValue> shuffled =
        List.of(NOISY_FOUR.get(2), NOISY_FOUR.get(0), NOISY_FOUR.get(3), NOISY_FOUR.get(1));
    assertThat(TrendFit.project(shuffled, 2027, 7).orElseThrow().value())
        .isCloseTo(6.958750970637, within(EPS));
  }

  @Test
  void noisyFivePointsByHandUseThreeDegreesOfFreedom() {
    // ln values 2.0, 2.1, 2.3, 2.2, 2.4 at x = 0..4.
    // x̄ = 2; ȳ = 11.0 / 5 = 2.2; Sxx = 4 + 1 + 0 + 1 + 4 = 10
    // Sxy = (−2)(−0.2) + (−1)(−0.1) + 0(0.1) + 1(0) + 2(0.2) = 0.4 + 0.1 + 0.4 = 0.9; b = 0.09
    // fitted = 2.2 + 0.09 (x − 2) = 2.02, 2.11, 2.20, 2.29, 2.38
    // residuals = −0.02, −0.01, 0.10, −0.09, 0.02
    // SSR = 0.0004 + 0.0001 + 0.01 + 0.0081 + 0.0004 = 0.019; s² = 0.019 / 3
    // 2027: x − x̄ = 3; ln ŷ = 2.2 + 0.27 = 2.47; value = e^2.47 = 11.822446851646
    // se² = (0.019 / 3) · (1 + 1/5 + 9/10) = (0.019 / 3) · 2.1 = 0.0133; se = 0.115325625947
    // half-width = t(0.975, 3) · se = 3.182 · 0.115325625947 = 0.366966141762
    // lower = e^(2.47 − 0.366966141762) = 8.190982534383
    // upper = e^(2.47 + 0.366966141762) = 17.063917420565
    List<YearValue> points =
        List.of(
            yv(2022, Math.exp(2.0)),
            yv(2023, Math.exp(2.1)),
            yv(2024, Math.exp(2.3)),
            yv(2025, Math.exp(2.2)),
            yv(2026, Math.exp(2.4)));
    TrendProjection trend = TrendFit.project(points, 2027, 10).orElseThrow();
    assertThat(trend.value()).isCloseTo(11.822446851646, within(EPS));
    assertThat(trend.lower()).isCloseTo(8.190982534383, within(EPS));
    assertThat(trend.upper()).isCloseTo(17.063917420565, within(EPS));
    assertThat(trend.targetPosition()).isEqualTo(TrendProjection.TARGET_INSIDE_INTERVAL);
  }

  @Test
  void fewerThanFourPointsGiveNoTrend() {
    assertThat(TrendFit.project(NOISY_FOUR.subList(0, 3), 2027, 7)).isEmpty();
    assertThat(TrendFit.project(List.of(), 2027, 7)).isEmpty();
  }

  @Test
  void aNonPositivePointGivesNoTrend() {
    assertThat(
            TrendFit.project(
                List.of(yv(2022, 1), yv(2023, 0), yv(2024, 2), yv(2025, 3)), 2027, 7))
        .isEmpty();
    assertThat(
            TrendFit.project(
                List.of(yv(2022, 1), yv(2023, 2), yv(2024, -2), yv(2025, 3)), 2027, 7))
        .isEmpty();
  }

  @Test
  void pointsAllInOneYearGiveNoTrend() {
    // Sxx = 0: no slope can be fitted.
    Optional<TrendProjection> trend =
        TrendFit.project(
            List.of(yv(2025, 1), yv(2025, 2), yv(2025, 3), yv(2025, 4)), 2027, 7);
    assertThat(trend).isEmpty();
  }

  @Test
  void studentTQuantiles() {
    assertThat(TrendFit.tQuantile975(1)).isEqualTo(12.706);
    assertThat(TrendFit.tQuantile975(2)).isEqualTo(4.303);
    assertThat(TrendFit.tQuantile975(3)).isEqualTo(3.182);
    assertThat(TrendFit.tQuantile975(10)).isEqualTo(2.228);
    assertThat(TrendFit.tQuantile975(30)).isEqualTo(2.042);
    assertThat(TrendFit.tQuantile975(31)).isEqualTo(1.960);
    assertThat(TrendFit.tQuantile975(1000)).isEqualTo(1.960);
    assertThatThrownBy(() -> TrendFit.tQuantile975(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
