package org.industrygaps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.industrygaps.metrics.DropYears;
import org.industrygaps.metrics.LatestObservations;
import org.industrygaps.warehouse.Warehouse;

/** Small curated-observation datasets for tests, built fluently: one line per observation. */
public final class Observations {
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Map<Integer, Long>> years = new LinkedHashMap<>();
  private String drop = "2024-01-01-drop";

  public static Observations inDrop(String drop) {
    Observations o = new Observations();
    o.drop = drop;
    return o;
  }

  /** The following observations belong to {@code drop}. */
  public Observations drop(String drop) {
    this.drop = drop;
    return this;
  }

  public Observations add(String industry, String indicator, String region, int year, double value) {
    return add(industry, indicator, region, year, value, false);
  }

  /** An observation whose value starts a new statistical basis (series_break = true). */
  public Observations addBreak(
      String industry, String indicator, String region, int year, double value) {
    return add(industry, indicator, region, year, value, true);
  }

  private Observations add(
      String industry, String indicator, String region, int year, double value, boolean brk) {
    rows.add(
        RowFactory.create(
            year, region, industry, indicator, value, "亿元", value, "亿元", null, null,
            drop + "/f.csv", (long) rows.size() + 2, brk, drop));
    years.computeIfAbsent(drop, d -> new TreeMap<>()).merge(year, 1L, Long::sum);
    return this;
  }

  /** The drops of the observations added, in the order they were named, with their years. */
  public List<DropYears> drops() {
    List<DropYears> drops = new ArrayList<>();
    years.forEach((drop, of) -> drops.add(new DropYears(drop, Optional.of(Map.copyOf(of)))));
    return drops;
  }

  /** The latest values of these observations ({@link LatestObservations}). */
  public Dataset<Row> latest() {
    return LatestObservations.of(toDataset(), drops());
  }

  public Dataset<Row> toDataset() {
    return TestSpark.session().createDataFrame(rows, Warehouse.OBSERVATIONS);
  }
}
