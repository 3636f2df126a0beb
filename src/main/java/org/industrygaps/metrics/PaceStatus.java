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
public enum PaceStatus {
  ACHIEVED_EARLY("achieved_early", "提前实现"),
  ACHIEVED("achieved", "如期实现"),
  AHEAD("ahead", "快于预期"),
  ON_PACE("on_pace", "基本符合预期"),
  BEHIND("behind", "滞后"),
  NOT_ASSESSABLE("not_assessable", "无法评估");

  private final String code;
  private final String labelZh;

  PaceStatus(String code, String labelZh) {
    this.code = code;
    this.labelZh = labelZh;
  }

  /** The code written to the outputs ({@code pace_status}). */
  public String code() {
    return code;
  }

  /** The Chinese label written to the outputs ({@code pace_status_zh}). */
  public String labelZh() {
    return labelZh;
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
