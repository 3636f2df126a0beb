package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.PlanConfig;

/**
 * The yearly series of every (industry, indicator, region). A city's series is what it reported.
 * The province's is its reported value where a drop gives one, else (for additive indicators) the
 * sum of its cities, with the coverage: how many of the cities reported.
 */
public final class ProvinceSeries {
  /** value_source of a value a drop reported. */
  public static final String REPORTED = "reported";
  /** value_source of a province value added up from its cities. */
  public static final String SUM_OF_CITIES = "sum_of_cities";

  private ProvinceSeries() {}

  /**
   * Latest observations → the coverage of each province value: industry, indicator, region, year,
   * value, value_source, province_reported, cities_reporting, cities_total, coverage_share,
   * cities_sum_value, series_break (the reported value's flag; for a sum, true when any city's
   * value in the sum starts a new basis).
   */
  public static Dataset<Row> coverage(SparkSession spark, PlanConfig config, Dataset<Row> latest) {
    String province = config.province().code();
    int citiesTotal = config.cities().size();
    Dataset<Row> additive = additiveIndicators(spark, config);
    Dataset<Row> cities =
        latest
            .where(col("region").notEqual(province))
            .join(functions.broadcast(additive), "indicator")
            .groupBy("industry", "indicator", "year")
            .agg(
                exactSum(col("value")).as("cities_sum_value"),
                count(lit(1)).as("cities_reporting"),
                max(coalesce(col("series_break"), lit(false))).as("cities_break"));
    Dataset<Row> reported =
        latest
            .where(col("region").equalTo(province))
            .select(
                col("industry"),
                col("indicator"),
                col("year"),
                col("value").as("reported"),
                coalesce(col("series_break"), lit(false)).as("reported_break"));
    return reported
        .join(cities, new String[] {"industry", "indicator", "year"}, "full_outer")
        .select(
            col("industry"),
            col("indicator"),
            lit(province).as("region"),
            col("year"),
            coalesce(col("reported"), col("cities_sum_value")).as("value"),
            when(col("reported").isNotNull(), lit(REPORTED))
                .otherwise(lit(SUM_OF_CITIES))
                .as("value_source"),
            col("reported").isNotNull().as("province_reported"),
            coalesce(col("cities_reporting"), lit(0L)).as("cities_reporting"),
            lit(citiesTotal).as("cities_total"),
            coalesce(col("cities_reporting"), lit(0L)).divide(lit((double) citiesTotal))
                .as("coverage_share"),
            col("cities_sum_value"),
            when(col("reported").isNotNull(), col("reported_break"))
                .otherwise(col("cities_break"))
                .as("series_break"));
  }

  /**
   * Latest observations and the province coverage → every series: industry, indicator, region,
   * year, value, value_source, cities_reporting (null for a city), series_break.
   */
  public static Dataset<Row> series(PlanConfig config, Dataset<Row> latest, Dataset<Row> coverage) {
    Dataset<Row> cities =
        latest
            .where(col("region").notEqual(config.province().code()))
            .select(
                col("industry"),
                col("indicator"),
                col("region"),
                col("year"),
                col("value"),
                lit(REPORTED).as("value_source"),
                lit(null).cast(DataTypes.LongType).as("cities_reporting"),
                coalesce(col("series_break"), lit(false)).as("series_break"));
    return coverage
        .select("industry", "indicator", "region", "year", "value", "value_source",
            "cities_reporting", "series_break")
        .unionByName(cities);
  }

  /**
   * Province sums are exact: the city values as decimals with {@value #SUM_SCALE} decimal places
   * (a double reads as its shortest decimal form, the figure the drop gave once units are
   * converted), added up as decimals and rounded once to a double. A double sum depends on the
   * order of its terms, and Spark's order on how the rows are partitioned (one drop per run or all
   * at once, file splits); a decimal sum is the same whatever the order, and a plain hash
   * aggregation. A yuan in 亿元 is 1e-8; {@value #SUM_SCALE} places keep cents of 元 too.
   */
  static final int SUM_SCALE = 10;

  private static final DecimalType EXACT = DataTypes.createDecimalType(38, SUM_SCALE);

  /**
   * The exact sum of {@code value} over a group (nulls skipped). A group with a value of 1e28 or
   * more, which no decimal of that scale holds, or whose sum overflows one, falls back to the
   * double sum: the same figure up to rounding, its last digits then depending on the order.
   */
  static Column exactSum(Column value) {
    Column exact = value.try_cast(EXACT);
    Column allFit = functions.count_if(value.isNotNull().and(exact.isNull())).equalTo(0);
    return coalesce(
        when(allFit, functions.try_sum(exact).cast(DataTypes.DoubleType)), functions.sum(value));
  }

  static Dataset<Row> additiveIndicators(SparkSession spark, PlanConfig config) {
    List<Row> rows =
        config.indicators().stream()
            .filter(Indicator::additive)
            .map(i -> RowFactory.create(i.code()))
            .toList();
    return spark.createDataFrame(rows, new StructType().add("indicator", DataTypes.StringType));
  }
}
