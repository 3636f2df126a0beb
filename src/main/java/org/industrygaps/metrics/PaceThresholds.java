package org.industrygaps.metrics;

import java.io.Serializable;

/**
 * pace_index cut-offs from {@code conf/settings.yaml} (时间进度 view): at least {@code ahead} is
 * ahead (快于预期), at least {@code onPace} is on_pace (基本符合预期), below is behind (滞后).
 */
public record PaceThresholds(double ahead, double onPace) implements Serializable {

  /**
   * @throws IllegalArgumentException unless 0 < onPace < ahead, since otherwise the on_pace band
   *     would be empty or take in no progress at all
   */
  public PaceThresholds {
    // Written as a negated conjunction so that NaN is rejected too.
    if (!(0 < onPace && onPace < ahead && Double.isFinite(ahead))) {
      throw new IllegalArgumentException(
          "pace thresholds need 0 < on_pace < ahead, got on_pace=" + onPace + ", ahead=" + ahead);
    }
  }
}
