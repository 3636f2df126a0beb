package org.industrygaps.metrics;

import java.io.Serializable;

/**
 * A log-linear trend carried to the target year, with its 95% prediction interval (UN Statistics
 * Division progress chart).
 *
 * @param value the trend value in the target year
 * @param lower lower end of the 95% prediction interval
 * @param upper upper end of the 95% prediction interval
 * @param targetPosition where the target lies: {@link #TARGET_BELOW_INTERVAL}, {@link
 *     #TARGET_INSIDE_INTERVAL} or {@link #TARGET_ABOVE_INTERVAL}
 * @param points number of points fitted
 */
public record TrendProjection(
    double value, double lower, double upper, String targetPosition, int points)
    implements Serializable {

  /** trend_method: ordinary least squares of ln(value) on year, 95% prediction interval. */
  public static final String METHOD = "log_linear_ols_95pi";

  /** The target is below the lower end of the interval. */
  public static final String TARGET_BELOW_INTERVAL = "target_below_interval";

  /** The target is within the interval, ends included. */
  public static final String TARGET_INSIDE_INTERVAL = "target_inside_interval";

  /** The target is above the upper end of the interval. */
  public static final String TARGET_ABOVE_INTERVAL = "target_above_interval";
}
