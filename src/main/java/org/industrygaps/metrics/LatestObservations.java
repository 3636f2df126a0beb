package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The value in force for each key: a later drop revises what an earlier one reported. */
public final class LatestObservations {
  private LatestObservations() {}

  /**
   * Observations (with {@code drop}) → one row per (industry, indicator, region, year) with the
   * value of its latest drop and {@code drops}, how many drops reported it: an aggregation, not a
   * sort of every observation.
   */
  public static Dataset<Row> of(Dataset<Row> observations) {
    return observations
        .groupBy("industry", "indicator", "region", "year")
        .agg(
            max_by(struct(col("value"), col("unit"), col("drop"), col("series_break")), col("drop"))
                .as("_latest"),
            count(lit(1)).as("drops"))
        .select(
            col("industry"),
            col("indicator"),
            col("region"),
            col("year"),
            col("_latest.value").as("value"),
            col("_latest.unit").as("unit"),
            col("_latest.drop").as("drop"),
            col("_latest.series_break").as("series_break"),
            col("drops"));
  }
}
