package org.industrygaps.config;

import java.io.Serializable;

/** {@code conf/settings.yaml}: thresholds and tunables. */
public record Settings(Thresholds statusThresholds, YearRange years, Double rejectLimitShare)
    implements Serializable {

  /** growth_ratio cut-offs between on_track, acceleration_needed and limited_progress. */
  public record Thresholds(Double onTrack, Double accelerationNeeded) implements Serializable {}

  /** Years a drop may report; a row outside is rejected. */
  public record YearRange(Integer min, Integer max) implements Serializable {}
}
