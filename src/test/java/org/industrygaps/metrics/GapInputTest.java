package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapInputTest {

  private static GapInput input(List<YearValue> series) {
    return new GapInput(Direction.INCREASE, 2022, 2027, 200, series);
  }

  @Test
  void sortsTheSeriesByYear() {
    GapInput input =
        input(List.of(new YearValue(2025, 3), new YearValue(2022, 1), new YearValue(2023, 2)));
    assertThat(input.series())
        .extracting(YearValue::year)
        .containsExactly(2022, 2023, 2025);
  }

  @Test
  void copiesTheSeriesAndKeepsItUnmodifiable() {
    List<YearValue> source = new ArrayList<>(List.of(new YearValue(2022, 1)));
    GapInput input = input(source);
    source.add(new YearValue(2023, 2));
    assertThat(input.series()).hasSize(1);
    assertThatThrownBy(() -> input.series().add(new YearValue(2024, 3)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsADuplicateYearNamingIt() {
    assertThatThrownBy(() -> input(List.of(new YearValue(2023, 1), new YearValue(2023, 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2023");
  }

  @Test
  void rejectsNonFiniteValues() {
    assertThatThrownBy(() -> input(List.of(new YearValue(2024, Double.NaN))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024");
    assertThatThrownBy(() -> input(List.of(new YearValue(2024, Double.POSITIVE_INFINITY))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new GapInput(Direction.INCREASE, 2022, 2027, Double.NaN, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsMissingParts() {
    assertThatThrownBy(() -> new GapInput(null, 2022, 2027, 200, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> input(null)).isInstanceOf(NullPointerException.class);
  }
}
