package org.industrygaps.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Region;
import org.industrygaps.metrics.IndustryRollup;

/**
 * Adds the labels every report row carries after its codes: industry, indicator and region names
 * in Chinese and English, the canonical unit and the direction. One place, so that every report
 * has the same leading columns in the same order. The names are small tables joined by broadcast
 * (a hash look-up per row in generated code, the rows never leave Spark's internal format); a
 * code no table knows keeps its row, with empty labels.
 */
public final class ReportLabels {
  /** The leading columns of every report, in order. */
  public static final List<String> LEADING =
      List.of(
          "industry", "indicator", "region", "industry_name_zh", "industry_name_en",
          "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
          "direction");

  private final List<Row> industries = new ArrayList<>();
  private final List<Row> indicators = new ArrayList<>();
  private final List<Row> regions = new ArrayList<>();
  private final List<Row> units = new ArrayList<>();

  public ReportLabels(PlanConfig config) {
    for (Industry i : config.allIndustries()) {
      industries.add(RowFactory.create(i.code(), i.nameZh(), i.nameEn()));
      for (Indicator ind : config.indicators()) {
        config
            .canonicalUnit(i.code(), ind.code())
            .ifPresent(u -> units.add(RowFactory.create(i.code(), ind.code(), u.unit())));
      }
    }
    for (Indicator i : config.indicators()) {
      indicators.add(RowFactory.create(i.code(), i.nameZh(), i.nameEn(), i.direction()));
    }
    // Roll-up rows span all indicators: names, but no unit and no direction.
    if (config.indicator(IndustryRollup.ALL_INDICATORS) == null) {
      indicators.add(
          RowFactory.create(IndustryRollup.ALL_INDICATORS, "全部指标", "All indicators", null));
    }
    for (Region r : config.allRegions()) {
      regions.add(RowFactory.create(r.code(), r.nameZh(), r.nameEn()));
    }
  }

  /** {@code report} (with industry, indicator, region) → the same rows with the labels. */
  public Dataset<Row> apply(Dataset<Row> report) {
    SparkSession spark = report.sparkSession();
    List<Column> columns = new ArrayList<>();
    LEADING.forEach(name -> columns.add(col(name)));
    for (String name : report.columns()) {
      if (!LEADING.contains(name)) {
        columns.add(report.col(name));
      }
    }
    return report
        .join(broadcast(table(spark, industries, "industry", "industry_name_zh",
            "industry_name_en")), new String[] {"industry"}, "left")
        .join(broadcast(table(spark, indicators, "indicator", "indicator_name_zh",
            "indicator_name_en", "direction")), new String[] {"indicator"}, "left")
        .join(broadcast(table(spark, regions, "region", "region_name_zh", "region_name_en")),
            new String[] {"region"}, "left")
        .join(broadcast(table(spark, units, "industry", "indicator", "unit")),
            new String[] {"industry", "indicator"}, "left")
        .select(columns.toArray(Column[]::new));
  }

  private static Dataset<Row> table(SparkSession spark, List<Row> rows, String... names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    return spark.createDataFrame(rows, schema);
  }
}
