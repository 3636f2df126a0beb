package org.industrygaps.config;

import java.io.Serializable;

/** {@code conf/settings.yaml}: thresholds and tunables. */
public record Settings(
    Thresholds statusThresholds, YearRange years, Double rejectLimitShare, PaceThresholds paceThresholds)
    implements Serializable {

  /** growth_ratio cut-offs between on_track, acceleration_needed and limited_progress. */
  public record Thresholds(Double onTrack, Double accelerationNeeded) implements Serializable {}

  /** Years a drop may report; a row outside is rejected. */
  public record YearRange(Integer min, Integer max) implements Serializable {}

  /** pace_index cut-offs of the pace view (时间进度): ahead, on_pace, below is behind. */
  public record PaceThresholds(Double ahead, Double onPace) implements Serializable {}
}
