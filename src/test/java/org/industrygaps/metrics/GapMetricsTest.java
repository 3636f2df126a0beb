package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GapMetricsTest {

  private static GapMetrics withStatus(Status status, String reason) {
    return new GapMetrics(
        null, null, null, null, 0, 2027, 200, null, null, null, null, null, null, null, null, null,
        null, status, reason, null, null, null);
  }

  @Test
  void notAssessableNeedsAReason() {
    assertThatThrownBy(() -> withStatus(Status.NOT_ASSESSABLE, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherStatusesTakeNoReason() {
    assertThatThrownBy(() -> withStatus(Status.ON_TRACK, "no_data"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void statusIsRequired() {
    assertThatThrownBy(() -> withStatus(null, null)).isInstanceOf(NullPointerException.class);
  }
}
