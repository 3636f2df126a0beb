package org.industrygaps.metrics;

import java.util.Objects;

/**
 * The probability-like reading of a trend's 95% prediction interval against the target, for the
 * indicator's direction: likely_met when the whole interval is on the good side of the target,
 * likely_missed when it is all on the bad side, uncertain when the target lies inside.
 */
public enum TrendReading implements Labelled {
  LIKELY_MET,
  UNCERTAIN,
  LIKELY_MISSED;

  @Override
  public String labelZh() {
    return switch (this) {
      case LIKELY_MET -> "很可能实现";
      case UNCERTAIN -> "不确定";
      case LIKELY_MISSED -> "很可能未实现";
    };
  }

  /**
   * Reads a trend: for an increase target, a target below the interval is likely met and one above
   * it likely missed; for a decrease target the other way round.
   */
  public static TrendReading of(TrendProjection trend, Direction direction) {
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(direction, "direction");
    String position = trend.targetPosition();
    if (TrendProjection.TARGET_INSIDE_INTERVAL.equals(position)) {
      return UNCERTAIN;
    }
    boolean below = TrendProjection.TARGET_BELOW_INTERVAL.equals(position);
    return below == (direction == Direction.INCREASE) ? LIKELY_MET : LIKELY_MISSED;
  }
}
