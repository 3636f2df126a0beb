package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** The value in force for each key: a later drop revises what an earlier one reported. */
public final class LatestObservations {
  private LatestObservations() {}

  /** Observations (with {@code drop}) → one row per (industry, indicator, region, year). */
  public static Dataset<Row> of(Dataset<Row> observations) {
    return observations
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy("industry", "indicator", "region", "year")
                        .orderBy(col("drop").desc())))
        .where(col("_rank").equalTo(1))
        .select("industry", "indicator", "region", "year", "value", "unit", "drop", "series_break");
  }
}
