package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DirectionTest {

  @Test
  void signsAndCodes() {
    assertThat(Direction.INCREASE.sign()).isEqualTo(1);
    assertThat(Direction.DECREASE.sign()).isEqualTo(-1);
    assertThat(Direction.INCREASE.code()).isEqualTo("increase");
    assertThat(Direction.DECREASE.code()).isEqualTo("decrease");
  }

  @Test
  void parsesItsCodesIgnoringCaseAndBlanks() {
    assertThat(Direction.fromCode("increase")).isEqualTo(Direction.INCREASE);
    assertThat(Direction.fromCode("decrease")).isEqualTo(Direction.DECREASE);
    assertThat(Direction.fromCode(" Decrease ")).isEqualTo(Direction.DECREASE);
  }

  @Test
  void rejectsAnUnknownCodeNamingIt() {
    assertThatThrownBy(() -> Direction.fromCode("growth"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'growth'");
    assertThatThrownBy(() -> Direction.fromCode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'null'");
  }
}
