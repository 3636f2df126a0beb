package org.industrygaps.metrics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One target and the observed series it is measured against.
 *
 * @param direction which way the indicator improves
 * @param baselineYear the plan's baseline year; data before it is ignored
 * @param targetYear the plan's target year; data after it is ignored
 * @param targetValue the value to reach by {@code targetYear}
 * @param series at most one value per year, in any order; stored sorted by year
 */
public record GapInput(
    Direction direction, int baselineYear, int targetYear, double targetValue, List<YearValue> series)
    implements Serializable {

  /**
   * Copies and sorts the series.
   *
   * @throws IllegalArgumentException on a duplicate year or a non-finite value or target
   */
  public GapInput {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(series, "series");
    if (!Double.isFinite(targetValue)) {
      throw new IllegalArgumentException("target value is not finite: " + targetValue);
    }
    List<YearValue> sorted = new ArrayList<>(series);
    sorted.forEach(point -> Objects.requireNonNull(point, "series point"));
    sorted.sort(Comparator.comparingInt(YearValue::year));
    for (int i = 0; i < sorted.size(); i++) {
      YearValue point = sorted.get(i);
      if (!Double.isFinite(point.value())) {
        throw new IllegalArgumentException(
            "value for " + point.year() + " is not finite: " + point.value());
      }
      if (i > 0 && sorted.get(i - 1).year() == point.year()) {
        throw new IllegalArgumentException("more than one value for " + point.year());
      }
    }
    series = List.copyOf(sorted);
  }
}
