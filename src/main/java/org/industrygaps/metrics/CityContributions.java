package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.industrygaps.config.PlanConfig;

/**
 * Each city's part in its province's additive series, per year: its value, its share of the
 * province value, its growth on the year before, and its contribution to the province's growth in
 * percentage points ((city_t − city_t−1) / province_t−1), which add up to the province's growth
 * when every city reports. Growth and contribution are empty in a year whose value starts a new
 * statistical basis (series_break).
 */
public final class CityContributions {
  private CityContributions() {}

  /**
   * Latest observations and province coverage → city contributions, each industry in one
   * partition, sorted by industry, indicator, region and year: the report's layout, made by the
   * one shuffle and sort that the window over each city's series needs anyway.
   */
  public static Dataset<Row> of(
      SparkSession spark, PlanConfig config, Dataset<Row> latest, Dataset<Row> coverage) {
    Dataset<Row> cities =
        latest
            .where(col("region").notEqual(config.province().code()))
            .join(functions.broadcast(ProvinceSeries.additiveIndicators(spark, config)), "indicator")
            .select(
                col("industry"), col("indicator"), col("region"), col("year"), col("value"),
                coalesce(col("series_break"), lit(false)).as("series_break"))
            .repartition(col("industry"));
    // The year before from the same city's series: a window over the city rows (one sort), not a
    // join of every city row with itself (two). A gap year leaves the previous value empty.
    WindowSpec citySeries =
        Window.partitionBy("industry", "indicator", "region").orderBy("year");
    Column previousValue =
        when(lag(col("year"), 1).over(citySeries).equalTo(col("year").minus(1)),
            lag(col("value"), 1).over(citySeries));
    // The province's value in each year and the year before, side by side: one broadcast table
    // (a row per industry, indicator and year), one look-up per city row.
    Dataset<Row> provinceValues =
        coverage.select(
            col("industry"), col("indicator"), col("year"), col("value").as("province_value"));
    Dataset<Row> province =
        provinceValues.join(
            provinceValues.select(
                col("industry"),
                col("indicator"),
                col("year").plus(1).as("year"),
                col("province_value").as("province_previous_value")),
            new String[] {"industry", "indicator", "year"},
            "full_outer");
    Column share =
        when(col("province_value").gt(0), col("value").divide(col("province_value")));
    // No growth across a city's series break: the two years are on different bases.
    Column growth =
        when(
            col("previous_value").gt(0).and(not(col("series_break"))),
            col("value").divide(col("previous_value")).minus(lit(1)));
    Column contribution =
        when(
            col("province_previous_value").gt(0).and(not(col("series_break"))),
            col("value").minus(col("previous_value")).divide(col("province_previous_value")));
    return cities
        .withColumn("previous_value", previousValue)
        // Broadcast: the city rows keep their order.
        .join(functions.broadcast(province), new String[] {"industry", "indicator", "year"}, "left")
        .select(
            col("industry"),
            col("indicator"),
            col("region"),
            col("year"),
            col("value"),
            col("province_value"),
            share.as("share_of_province"),
            col("previous_value"),
            growth.as("growth"),
            contribution.as("contribution_to_growth"),
            col("series_break"));
  }
}
