package org.industrygaps.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * {@code conf/settings.yaml}: thresholds and tunables. {@code keepRuns} and {@code
 * lockTimeoutMinutes} are optional (null: the defaults below).
 */
public record Settings(
    Thresholds statusThresholds,
    YearRange years,
    Double rejectLimitShare,
    PaceThresholds paceThresholds,
    Integer keepRuns,
    Integer lockTimeoutMinutes)
    implements Serializable {

  /** Run folders kept under reports/runs/ when settings.yaml does not say. */
  public static final int DEFAULT_KEEP_RUNS = 10;
  /** Age after which a run lock is stale when settings.yaml does not say (12 hours). */
  public static final int DEFAULT_LOCK_TIMEOUT_MINUTES = 720;

  /** growth_ratio cut-offs between on_track, acceleration_needed and limited_progress. */
  public record Thresholds(Double onTrack, Double accelerationNeeded) implements Serializable {}

  /** Years a drop may report; a row outside is rejected. */
  public record YearRange(Integer min, Integer max) implements Serializable {}

  /** pace_index cut-offs of the pace view (时间进度): ahead, on_pace, below is behind. */
  public record PaceThresholds(Double ahead, Double onPace) implements Serializable {}

  /** How many published runs retention keeps (keep_runs). */
  public int runsToKeep() {
    return keepRuns == null ? DEFAULT_KEEP_RUNS : keepRuns;
  }

  /** After how long a run lock is taken to be stale (lock_timeout_minutes). */
  public Duration lockTimeout() {
    return Duration.ofMinutes(
        lockTimeoutMinutes == null ? DEFAULT_LOCK_TIMEOUT_MINUTES : lockTimeoutMinutes);
  }
}
