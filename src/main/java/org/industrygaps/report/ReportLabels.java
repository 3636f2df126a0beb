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
 * has the same leading columns in the same order.
 */
public final class ReportLabels {
  /** The leading columns of every report, in order. */
  public static final List<String> LEADING =
      List.of(
          "industry", "indicator", "region", "industry_name_zh", "industry_name_en",
          "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
          "direction");

  private final Dataset<Row> industries;
  private final Dataset<Row> indicators;
  private final Dataset<Row> regions;
  private final Dataset<Row> units;

  public ReportLabels(SparkSession spark, PlanConfig config) {
    List<Row> industryRows = new ArrayList<>();
    List<Row> unitRows = new ArrayList<>();
    for (Industry i : config.allIndustries()) {
      industryRows.add(RowFactory.create(i.code(), i.nameZh(), i.nameEn()));
      for (Indicator ind : config.indicators()) {
        config
            .canonicalUnit(i.code(), ind.code())
            .ifPresent(u -> unitRows.add(RowFactory.create(i.code(), ind.code(), u.unit())));
      }
    }
    List<Row> indicatorRows = new ArrayList<>();
    for (Indicator i : config.indicators()) {
      indicatorRows.add(RowFactory.create(i.code(), i.nameZh(), i.nameEn(), i.direction()));
    }
    if (config.indicator(IndustryRollup.ALL_INDICATORS) == null) {
      // Roll-up rows span all indicators: names, but no unit and no direction.
      indicatorRows.add(
          RowFactory.create(IndustryRollup.ALL_INDICATORS, "全部指标", "All indicators", null));
    }
    List<Row> regionRows = new ArrayList<>();
    for (Region r : config.allRegions()) {
      regionRows.add(RowFactory.create(r.code(), r.nameZh(), r.nameEn()));
    }
    industries = spark.createDataFrame(industryRows, strings("industry", "industry_name_zh", "industry_name_en"));
    indicators = spark.createDataFrame(indicatorRows, strings("indicator", "indicator_name_zh", "indicator_name_en", "direction"));
    regions = spark.createDataFrame(regionRows, strings("region", "region_name_zh", "region_name_en"));
    units = spark.createDataFrame(unitRows, strings("industry", "indicator", "unit"));
  }

  private static StructType strings(String... names) {
    StructType schema = new StructType();
    for (String n : names) {
      schema = schema.add(n, DataTypes.StringType);
    }
    return schema;
  }

  /** {@code report} (with industry, indicator, region) → the same rows with the labels. */
  public Dataset<Row> apply(Dataset<Row> report) {
    List<Column> columns = new ArrayList<>();
    LEADING.forEach(c -> columns.add(col(c)));
    for (String c : report.columns()) {
      if (!LEADING.contains(c)) {
        columns.add(col(c));
      }
    }
    return report
        .join(broadcast(industries), new String[] {"industry"}, "left")
        .join(broadcast(indicators), new String[] {"indicator"}, "left")
        .join(broadcast(regions), new String[] {"region"}, "left")
        .join(broadcast(units), new String[] {"industry", "indicator"}, "left")
        .select(columns.toArray(Column[]::new));
  }
}
