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
 * @param breakYears years whose value starts a new statistical basis (a series break), in any
 *     order; stored sorted and without repeats. Growth is not measured across a break.
 */
public record GapInput(
    Direction direction,
    int baselineYear,
    int targetYear,
    double targetValue,
    List<YearValue> series,
    List<Integer> breakYears)
    implements Serializable {

  /** A series without breaks. */
  public GapInput(
      Direction direction, int baselineYear, int targetYear, double targetValue, List<YearValue> series) {
    this(direction, baselineYear, targetYear, targetValue, series, List.of());
  }

  /**
   * Copies and sorts the series and the break years.
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
    Objects.requireNonNull(breakYears, "breakYears");
    breakYears = breakYears.stream().map(y -> Objects.requireNonNull(y, "break year"))
        .distinct().sorted().toList();
  }
}
