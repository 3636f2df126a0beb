package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** The value in force for each key: a later drop revises what an earlier one reported. */
public final class LatestObservations {
  private LatestObservations() {}

  /**
   * Observations (with {@code drop}, one of {@code drops}) → one row per (industry, indicator,
   * region, year) with the value of its latest drop (drops ordered by their ids), that drop,
   * series_break, and {@code drops}, how many drops reported it.
   *
   * <p>Only a year that more than one drop reports can hold a key reported twice: the other
   * years' observations are the latest values as they are (all of them after a first drop; all
   * but the revised and new years after a next drop). The rest are aggregated with the drops
   * ranked by a number first: an aggregation whose running values are all numbers is a hash
   * aggregation, where one keeping the latest drop's id (a string) must sort every observation.
   */
  public static Dataset<Row> of(Dataset<Row> observations, List<DropYears> drops) {
    Column ids =
        array(drops.stream().map(DropYears::drop).distinct().sorted().map(id -> lit(id))
                .toArray(Column[]::new))
            .cast(DataTypes.createArrayType(DataTypes.StringType));
    Column position = array_position(ids, col("drop"));
    Column rank =
        when(position.gt(0), position)
            .otherwise(raise_error(concat(lit("observations of a drop not in the registry: "),
                col("drop"))));
    Dataset<Row> ranked = observations.withColumn("_rank", rank);
    Optional<Set<Integer>> shared = yearsOfSeveralDrops(drops);
    if (shared.isEmpty()) {
      return latest(ranked, ids);
    }
    Column reportedTwice = col("year").isInCollection(shared.get());
    Dataset<Row> alone =
        columns(
            (shared.get().isEmpty() ? ranked : ranked.where(not(reportedTwice)))
                .withColumn("drops", lit(1L)),
            ids);
    return shared.get().isEmpty() ? alone : alone.union(latest(ranked.where(reportedTwice), ids));
  }

  /**
   * The years that more than one of {@code drops} reports; empty when a drop's years are not
   * known (then any year may be).
   */
  static Optional<Set<Integer>> yearsOfSeveralDrops(List<DropYears> drops) {
    Map<Integer, Integer> dropsOfYear = new HashMap<>();
    for (DropYears d : distinct(drops)) {
      if (d.rowsByYear().isEmpty()) {
        return Optional.empty();
      }
      d.rowsByYear().get().keySet().forEach(y -> dropsOfYear.merge(y, 1, Integer::sum));
    }
    Set<Integer> shared = new TreeSet<>();
    dropsOfYear.forEach((year, n) -> {
      if (n > 1) {
        shared.add(year);
      }
    });
    return Optional.of(shared);
  }

  /**
   * The share of the observations of {@code drops} whose latest values are aggregated (those in
   * years of several drops); 1 when a drop's years are not known.
   */
  public static double aggregatedShare(List<DropYears> drops) {
    Optional<Set<Integer>> shared = yearsOfSeveralDrops(drops);
    if (shared.isEmpty()) {
      return 1;
    }
    long all = 0;
    long aggregated = 0;
    for (DropYears d : distinct(drops)) {
      for (Map.Entry<Integer, Long> year : d.rowsByYear().get().entrySet()) {
        all += year.getValue();
        aggregated += shared.get().contains(year.getKey()) ? year.getValue() : 0;
      }
    }
    return all == 0 ? 0 : (double) aggregated / all;
  }

  /** Each drop once (the registry names each once; a caller may repeat one). */
  private static Collection<DropYears> distinct(List<DropYears> drops) {
    Map<String, DropYears> byId = new LinkedHashMap<>();
    drops.forEach(d -> byId.putIfAbsent(d.drop(), d));
    return byId.values();
  }

  private static Dataset<Row> latest(Dataset<Row> ranked, Column ids) {
    return columns(
        ranked
            .groupBy("industry", "indicator", "region", "year")
            .agg(
                max_by(col("value"), col("_rank")).as("value"),
                max_by(col("series_break"), col("_rank")).as("series_break"),
                max(col("_rank")).as("_rank"),
                count(lit(1)).as("drops")),
        ids);
  }

  /** The latest values' columns, the drop named by its rank among {@code ids}. */
  private static Dataset<Row> columns(Dataset<Row> ranked, Column ids) {
    return ranked.select(
        col("industry"),
        col("indicator"),
        col("region"),
        col("year"),
        col("value"),
        element_at(ids, col("_rank").cast(DataTypes.IntegerType)).as("drop"),
        col("series_break"),
        col("drops"));
  }
}
