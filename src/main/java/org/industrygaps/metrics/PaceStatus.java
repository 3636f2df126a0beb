package org.industrygaps.metrics;

import java.util.Objects;

/**
 * The pace view of one target (时间进度: 时间过半、任务过半): the share of the way covered
 * (progress_share) against the share of the time elapsed (time_share), read from their ratio
 * pace_index with the cut-offs of {@link PaceThresholds}. It is shown beside the growth-ratio
 * {@link Status}; the two differ where growth compounds (pace_index is linear).
 *
 * <p>Rules, first match wins: gap ≤ 0 is achieved_early (met before the target year) or achieved
 * (met in the target year); no pace_index (no data, a single observation, a target equal to its
 * baseline, no time elapsed) is not_assessable; then pace_index ≥ ahead is ahead, ≥ on_pace is
 * on_pace, otherwise behind.
 */
public enum PaceStatus implements Labelled {
  ACHIEVED_EARLY,
  ACHIEVED,
  AHEAD,
  ON_PACE,
  BEHIND,
  NOT_ASSESSABLE;

  @Override
  public String labelZh() {
    return switch (this) {
      case ACHIEVED_EARLY -> "提前实现";
      case ACHIEVED -> "如期实现";
      case AHEAD -> "快于预期";
      case ON_PACE -> "基本符合预期";
      case BEHIND -> "滞后";
      case NOT_ASSESSABLE -> "无法评估";
    };
  }

  /** The pace status of computed metrics. */
  public static PaceStatus of(GapMetrics m, PaceThresholds thresholds) {
    Objects.requireNonNull(m, "metrics");
    Objects.requireNonNull(thresholds, "thresholds");
    if (m.gapToTarget() != null && m.gapToTarget() <= 0) {
      return m.latestYear() < m.targetYear() ? ACHIEVED_EARLY : ACHIEVED;
    }
    Double pace = m.paceIndex();
    if (pace == null) {
      return NOT_ASSESSABLE;
    }
    if (pace >= thresholds.ahead()) {
      return AHEAD;
    }
    return pace >= thresholds.onPace() ? ON_PACE : BEHIND;
  }
}
