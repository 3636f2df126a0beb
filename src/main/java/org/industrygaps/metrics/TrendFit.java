package org.industrygaps.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ordinary least squares of ln(value) on year, projected to the target year with a 95% prediction
 * interval, as in the UN Statistics Division's SDG progress chart.
 */
public final class TrendFit {

  /** Fewer points leave too few degrees of freedom for a meaningful interval. */
  static final int MIN_POINTS = 4;

  // Student t 0.975 quantiles for 1..30 degrees of freedom; the normal 1.960 beyond.
  private static final double[] T_975 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042
  };
  private static final double Z_975 = 1.960;

  private TrendFit() {}

  /**
   * Fits the points and projects them to {@code targetYear}.
   *
   * @param points one value per year, in any order
   * @return empty with fewer than {@value #MIN_POINTS} points, a value that is not positive and
   *     finite (no logarithm), or all points in one year
   */
  public static Optional<TrendProjection> project(
      List<YearValue> points, int targetYear, double targetValue) {
    Objects.requireNonNull(points, "points");
    int n = points.size();
    if (n < MIN_POINTS) {
      return Optional.empty();
    }
    double sumX = 0;
    double sumY = 0;
    for (YearValue point : points) {
      if (!(point.value() > 0 && Double.isFinite(point.value()))) {
        return Optional.empty();
      }
      sumX += point.year();
      sumY += StrictMath.log(point.value());
    }
    double meanX = sumX / n;
    double meanY = sumY / n;
    // Centred sums: years near 2000 would otherwise cancel catastrophically in Σx² − n·x̄².
    double sxx = 0;
    double sxy = 0;
    for (YearValue point : points) {
      double dx = point.year() - meanX;
      sxx += dx * dx;
      sxy += dx * (StrictMath.log(point.value()) - meanY);
    }
    if (sxx == 0) {
      return Optional.empty();
    }
    double slope = sxy / sxx;
    double ssr = 0;
    for (YearValue point : points) {
      double residual =
          StrictMath.log(point.value()) - (meanY + slope * (point.year() - meanX));
      ssr += residual * residual;
    }
    double dxTarget = targetYear - meanX;
    double lnPredicted = meanY + slope * dxTarget;
    double s = StrictMath.sqrt(ssr / (n - 2));
    double se = s * StrictMath.sqrt(1 + 1.0 / n + dxTarget * dxTarget / sxx);
    double halfWidth = tQuantile975(n - 2) * se;
    double lower = StrictMath.exp(lnPredicted - halfWidth);
    double upper = StrictMath.exp(lnPredicted + halfWidth);
    String position =
        targetValue < lower
            ? TrendProjection.TARGET_BELOW_INTERVAL
            : targetValue > upper
                ? TrendProjection.TARGET_ABOVE_INTERVAL
                : TrendProjection.TARGET_INSIDE_INTERVAL;
    return Optional.of(
        new TrendProjection(StrictMath.exp(lnPredicted), lower, upper, position, n));
  }

  /** The 0.975 quantile of Student's t with {@code df} degrees of freedom, from a table. */
  static double tQuantile975(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1: " + df);
    }
    return df <= T_975.length ? T_975[df - 1] : Z_975;
  }
}
