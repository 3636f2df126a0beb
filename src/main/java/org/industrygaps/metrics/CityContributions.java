package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.PlanConfig;

/**
 * Each city's part in its province's additive series, per year: its value, its share of the
 * province value, its growth on the year before, and its contribution to the province's growth in
 * percentage points ((city_t − city_t−1) / province_t−1), which add up to the province's growth
 * when every city reports. Growth and contribution are empty in a year whose value starts a new
 * statistical basis (series_break).
 *
 * <p>Made from the assessed series ({@link GapReport#assess}), which hold each city series' years
 * in order: a row per series is laid out (shuffled and sorted) and then made into its years, where
 * a window over the city rows would shuffle and sort every year of every city again.
 */
public final class CityContributions {
  /** The column of {@link #series} that holds a city series' years. */
  static final String CITY_YEARS = "city_years";

  /** One year of a city series: its value, the value of the year before, its break flag. */
  static final StructType CITY_YEAR =
      new StructType()
          .add("year", DataTypes.IntegerType, false)
          .add("value", DataTypes.DoubleType, false)
          .add("previous_value", DataTypes.DoubleType)
          .add("series_break", DataTypes.BooleanType, false);

  private CityContributions() {}

  /**
   * The series that have city contributions: a city's (not the province's) series of an additive
   * indicator, whose values add up to the province's.
   */
  public record Scope(String province, Set<String> additiveIndicators) implements Serializable {
    public static Scope of(PlanConfig config) {
      return new Scope(
          config.province().code(),
          config.indicators().stream().filter(Indicator::additive).map(Indicator::code)
              .collect(Collectors.toUnmodifiableSet()));
    }

    /** Whether the series of {@code indicator} in {@code region} has city contributions. */
    public boolean covers(String indicator, String region) {
      return !province.equals(region) && additiveIndicators.contains(indicator);
    }
  }

  /**
   * Assessed series → a row per city series (industry, indicator, region, {@value #CITY_YEARS}),
   * each industry in one partition, sorted by industry, indicator and region: the report's
   * layout, made on a row per series. Columns added here (labels) are made once per series, not
   * once per year: {@link #years} copies them into each year's row as they are.
   */
  public static Dataset<Row> series(Dataset<Row> assessed) {
    UserDefinedFunction cityYears =
        udf((UDF1<Row, List<Row>>) s -> yearsOf(s.getList(0), s.getList(1), s.getList(2)),
            DataTypes.createArrayType(CITY_YEAR, false));
    return assessed
        .where(col(GapReport.CITY_SERIES))
        .repartition(col("industry"))
        .sortWithinPartitions("industry", "indicator", "region")
        .select(
            col("industry"), col("indicator"), col("region"),
            cityYears.apply(struct(col("point_years"), col("point_values"), col("break_years")))
                .as(CITY_YEARS));
  }

  /**
   * {@link #series} (with any columns added) and the province coverage → a row per city and year:
   * the series' columns, then year, value, province_value, share_of_province, previous_value,
   * growth, contribution_to_growth, series_break. The rows keep their order.
   */
  public static Dataset<Row> years(Dataset<Row> perSeries, Dataset<Row> coverage) {
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
    List<Column> columns = new ArrayList<>();
    for (String name : perSeries.columns()) {
      if (!name.equals(CITY_YEARS)) {
        columns.add(col(name));
      }
    }
    columns.addAll(
        List.of(col("year"), col("value"), col("province_value"), share.as("share_of_province"),
            col("previous_value"), growth.as("growth"), contribution.as("contribution_to_growth"),
            col("series_break")));
    return perSeries
        .select(col("*"), inline(col(CITY_YEARS)))
        // Broadcast: the city rows keep their order.
        .join(functions.broadcast(province), new String[] {"industry", "indicator", "year"}, "left")
        .select(columns.toArray(Column[]::new));
  }

  /**
   * The years of one city series ({@link #CITY_YEAR}), from its years and values in year order
   * and its break years: the value of the year before is empty when that year is missing.
   */
  static List<Row> yearsOf(List<Integer> years, List<Double> values, List<Integer> breaks) {
    List<Row> out = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      int year = years.get(i);
      Double previous = i > 0 && years.get(i - 1) == year - 1 ? values.get(i - 1) : null;
      out.add(RowFactory.create(year, values.get(i), previous, breaks.contains(year)));
    }
    return out;
  }
}
