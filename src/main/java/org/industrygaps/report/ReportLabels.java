package org.industrygaps.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
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
 * has the same leading columns in the same order. Two look-ups per row in small maps, as Spark
 * expressions over the code columns: no join (a small job per table and look-up), no conversion
 * of whole rows.
 */
public final class ReportLabels implements Serializable {
  /** The leading columns of every report, in order. */
  public static final List<String> LEADING =
      List.of(
          "industry", "indicator", "region", "industry_name_zh", "industry_name_en",
          "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
          "direction");

  private static final StructType SERIES_LABELS =
      strings("industry_name_zh", "industry_name_en", "indicator_name_zh", "indicator_name_en",
          "unit", "direction");
  private static final StructType REGION_LABELS = strings("region_name_zh", "region_name_en");
  private static final String[] NONE = new String[3];

  private final Map<String, String[]> industries = new HashMap<>();
  private final Map<String, String[]> indicators = new HashMap<>();
  private final Map<String, Map<String, String>> units = new HashMap<>();
  private final Map<String, Row> regions = new HashMap<>();

  public ReportLabels(PlanConfig config) {
    for (Industry i : config.allIndustries()) {
      industries.put(i.code(), new String[] {i.nameZh(), i.nameEn()});
      for (Indicator ind : config.indicators()) {
        config
            .canonicalUnit(i.code(), ind.code())
            .ifPresent(u -> units.computeIfAbsent(i.code(), k -> new HashMap<>())
                .put(ind.code(), u.unit()));
      }
    }
    for (Indicator i : config.indicators()) {
      indicators.put(i.code(), new String[] {i.nameZh(), i.nameEn(), i.direction()});
    }
    // Roll-up rows span all indicators: names, but no unit and no direction.
    indicators.putIfAbsent(
        IndustryRollup.ALL_INDICATORS, new String[] {"全部指标", "All indicators", null});
    for (Region r : config.allRegions()) {
      regions.put(r.code(), RowFactory.create(r.nameZh(), r.nameEn()));
    }
  }

  /** {@code report} (with industry, indicator, region) → the same rows with the labels. */
  public Dataset<Row> apply(Dataset<Row> report) {
    Map<String, String[]> industryNames = industries;
    Map<String, String[]> indicatorNames = indicators;
    Map<String, Map<String, String>> unitOf = units;
    Map<String, Row> regionNames = regions;
    // Nondeterministic only so that the optimizer never copies a look-up into each of its fields.
    UserDefinedFunction seriesLabels =
        udf((UDF2<String, String, Row>) (industry, indicator) -> {
          String[] i = industryNames.getOrDefault(industry, NONE);
          String[] c = indicatorNames.getOrDefault(indicator, NONE);
          Map<String, String> u = unitOf.get(industry);
          return RowFactory.create(i[0], i[1], c[0], c[1], u == null ? null : u.get(indicator),
              c[2]);
        }, SERIES_LABELS).asNondeterministic();
    UserDefinedFunction regionLabels =
        udf((UDF1<String, Row>) regionNames::get, REGION_LABELS).asNondeterministic();

    List<Column> columns = new ArrayList<>();
    for (String name : LEADING) {
      columns.add(
          name.startsWith("region_")
              ? col("_region." + name).as(name)
              : SERIES_LABELS.getFieldIndex(name).isDefined()
                  ? col("_series." + name).as(name)
                  : col(name));
    }
    for (String name : report.columns()) {
      if (!LEADING.contains(name)) {
        columns.add(col(name));
      }
    }
    return report
        .withColumn("_series", seriesLabels.apply(col("industry"), col("indicator")))
        .withColumn("_region", regionLabels.apply(col("region")))
        .select(columns.toArray(Column[]::new));
  }

  private static StructType strings(String... names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.StringType, true);
    }
    return schema;
  }
}
