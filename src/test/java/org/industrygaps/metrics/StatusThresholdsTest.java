package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatusThresholdsTest {

  @Test
  void acceptsTheEurostatDefaults() {
    StatusThresholds thresholds = new StatusThresholds(0.95, 0.60);
    assertThat(thresholds.onTrack()).isEqualTo(0.95);
    assertThat(thresholds.accelerationNeeded()).isEqualTo(0.60);
  }

  @Test
  void acceptsZeroAccelerationThreshold() {
    // limited_progress is then empty, which is a legitimate (if blunt) choice.
    assertThat(new StatusThresholds(0.5, 0).accelerationNeeded()).isZero();
  }

  @Test
  void rejectsEqualThresholds() {
    assertThatThrownBy(() -> new StatusThresholds(0.6, 0.6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceleration_needed=0.6");
  }

  @Test
  void rejectsSwappedThresholds() {
    assertThatThrownBy(() -> new StatusThresholds(0.6, 0.95))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNegativeAccelerationThreshold() {
    assertThatThrownBy(() -> new StatusThresholds(0.95, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNaN() {
    assertThatThrownBy(() -> new StatusThresholds(Double.NaN, 0.6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StatusThresholds(0.95, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
