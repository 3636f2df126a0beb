package org.industrygaps.metrics;

import java.io.Serializable;

/**
 * growth_ratio cut-offs from {@code conf/settings.yaml}: at least {@code onTrack} is on_track, at
 * least {@code accelerationNeeded} is acceleration_needed, at least 0 is limited_progress.
 */
public record StatusThresholds(double onTrack, double accelerationNeeded) implements Serializable {

  /**
   * @throws IllegalArgumentException unless 0 ≤ accelerationNeeded < onTrack, since otherwise a
   *     band would be empty or overlap limited_progress or deterioration
   */
  public StatusThresholds {
    // Written as a negated conjunction so that NaN is rejected too.
    if (!(0 <= accelerationNeeded && accelerationNeeded < onTrack)) {
      throw new IllegalArgumentException(
          "status thresholds need 0 <= acceleration_needed < on_track, got acceleration_needed="
              + accelerationNeeded
              + ", on_track="
              + onTrack);
    }
  }
}
