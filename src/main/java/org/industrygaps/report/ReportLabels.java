package org.industrygaps.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
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
 * of whole rows. The labels are held as UTF-8 bytes, encoded once: a function returning Java
 * strings had each of them encoded again for every row (a tenth of the trajectory's write).
 */
public final class ReportLabels implements Serializable {
  /** The leading columns of every report, in order. */
  public static final List<String> LEADING =
      List.of(
          "industry", "indicator", "region", "industry_name_zh", "industry_name_en",
          "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
          "direction");

  private static final StructType SERIES_LABELS =
      utf8("industry_name_zh", "industry_name_en", "indicator_name_zh", "indicator_name_en",
          "unit", "direction");
  private static final StructType REGION_LABELS = utf8("region_name_zh", "region_name_en");
  private static final byte[][] NONE = new byte[3][];

  private final Map<String, byte[][]> industries = new HashMap<>();
  private final Map<String, byte[][]> indicators = new HashMap<>();
  private final Map<String, Map<String, byte[]>> units = new HashMap<>();
  private final Map<String, Row> regions = new HashMap<>();

  public ReportLabels(PlanConfig config) {
    for (Industry i : config.allIndustries()) {
      industries.put(i.code(), bytes(i.nameZh(), i.nameEn()));
      for (Indicator ind : config.indicators()) {
        config
            .canonicalUnit(i.code(), ind.code())
            .ifPresent(u -> units.computeIfAbsent(i.code(), k -> new HashMap<>())
                .put(ind.code(), bytes(u.unit())[0]));
      }
    }
    for (Indicator i : config.indicators()) {
      indicators.put(i.code(), bytes(i.nameZh(), i.nameEn(), i.direction()));
    }
    // Roll-up rows span all indicators: names, but no unit and no direction.
    indicators.putIfAbsent(
        IndustryRollup.ALL_INDICATORS, bytes("全部指标", "All indicators", null));
    for (Region r : config.allRegions()) {
      regions.put(r.code(), RowFactory.create((Object[]) bytes(r.nameZh(), r.nameEn())));
    }
  }

  /** {@code report} (with industry, indicator, region) → the same rows with the labels. */
  public Dataset<Row> apply(Dataset<Row> report) {
    Map<String, byte[][]> industryNames = industries;
    Map<String, byte[][]> indicatorNames = indicators;
    Map<String, Map<String, byte[]>> unitOf = units;
    Map<String, Row> regionNames = regions;
    // Nondeterministic only so that the optimizer never copies a look-up into each of its fields.
    UserDefinedFunction seriesLabels =
        udf((UDF2<String, String, Row>) (industry, indicator) -> {
          byte[][] i = industryNames.getOrDefault(industry, NONE);
          byte[][] c = indicatorNames.getOrDefault(indicator, NONE);
          Map<String, byte[]> u = unitOf.get(industry);
          return RowFactory.create(i[0], i[1], c[0], c[1], u == null ? null : u.get(indicator),
              c[2]);
        }, SERIES_LABELS).asNondeterministic();
    UserDefinedFunction regionLabels =
        udf((UDF1<String, Row>) regionNames::get, REGION_LABELS).asNondeterministic();

    List<Column> columns = new ArrayList<>();
    for (String name : LEADING) {
      columns.add(
          name.startsWith("region_")
              ? col("_region." + name).cast(DataTypes.StringType).as(name)
              : SERIES_LABELS.getFieldIndex(name).isDefined()
                  ? col("_series." + name).cast(DataTypes.StringType).as(name)
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

  /** A struct of labels as UTF-8 bytes, made strings (which wraps the bytes) where selected. */
  private static StructType utf8(String... names) {
    StructType schema = new StructType();
    for (String name : names) {
      schema = schema.add(name, DataTypes.BinaryType, true);
    }
    return schema;
  }

  private static byte[][] bytes(String... texts) {
    byte[][] out = new byte[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      out[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
