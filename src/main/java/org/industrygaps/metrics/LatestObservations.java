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
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;

import java.util.Collection;
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
   * <p>The drops are ranked by a number first: an aggregation whose running values are all
   * numbers is a hash aggregation, where one keeping the latest drop's id (a string) must sort
   * every observation by its key.
   */
  public static Dataset<Row> of(Dataset<Row> observations, Collection<String> drops) {
    Column ids =
        array(drops.stream().distinct().sorted().map(id -> lit(id))
                .toArray(Column[]::new))
            .cast(DataTypes.createArrayType(DataTypes.StringType));
    Column position = array_position(ids, col("drop"));
    Column rank =
        when(position.gt(0), position)
            .otherwise(raise_error(concat(lit("observations of a drop not in the registry: "),
                col("drop"))));
    return observations
        .withColumn("_rank", rank)
        .groupBy("industry", "indicator", "region", "year")
        .agg(
            max_by(col("value"), col("_rank")).as("value"),
            max_by(col("series_break"), col("_rank")).as("series_break"),
            max(col("_rank")).as("_rank"),
            count(lit(1)).as("drops"))
        .select(
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
