package org.industrygaps.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Region;
import org.industrygaps.metrics.IndustryRollup;

/**
 * Adds the labels every report row carries after its codes: industry, indicator and region names
 * in Chinese and English, the canonical unit and the direction. One place, so that every report
 * has the same leading columns in the same order. A look-up in a few small maps per row: no join,
 * no extra Spark job.
 */
public final class ReportLabels implements Serializable {
  /** The leading columns of every report, in order. */
  public static final List<String> LEADING =
      List.of(
          "industry", "indicator", "region", "industry_name_zh", "industry_name_en",
          "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
          "direction");

  private final Map<String, String[]> industries = new HashMap<>();
  private final Map<String, String[]> indicators = new HashMap<>();
  private final Map<String, String[]> regions = new HashMap<>();
  private final Map<String, String> units = new HashMap<>();

  public ReportLabels(PlanConfig config) {
    for (Industry i : config.allIndustries()) {
      industries.put(i.code(), new String[] {i.nameZh(), i.nameEn()});
      for (Indicator ind : config.indicators()) {
        config
            .canonicalUnit(i.code(), ind.code())
            .ifPresent(u -> units.put(i.code() + "|" + ind.code(), u.unit()));
      }
    }
    for (Indicator i : config.indicators()) {
      indicators.put(i.code(), new String[] {i.nameZh(), i.nameEn(), i.direction()});
    }
    // Roll-up rows span all indicators: names, but no unit and no direction.
    indicators.putIfAbsent(
        IndustryRollup.ALL_INDICATORS, new String[] {"全部指标", "All indicators", null});
    for (Region r : config.allRegions()) {
      regions.put(r.code(), new String[] {r.nameZh(), r.nameEn()});
    }
  }

  /** {@code report} (with industry, indicator, region) → the same rows with the labels. */
  public Dataset<Row> apply(Dataset<Row> report) {
    StructType in = report.schema();
    List<StructField> fields = new ArrayList<>();
    for (String name : LEADING) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < in.fields().length; i++) {
      if (!LEADING.contains(in.fields()[i].name())) {
        fields.add(in.fields()[i]);
        rest.add(i);
      }
    }
    int industry = in.fieldIndex("industry");
    int indicator = in.fieldIndex("indicator");
    int region = in.fieldIndex("region");
    return report.map(
        (MapFunction<Row, Row>) row -> {
          Object[] values = new Object[LEADING.size() + rest.size()];
          String ind = row.getString(industry);
          String ic = row.getString(indicator);
          String reg = row.getString(region);
          String[] i = industries.getOrDefault(ind, new String[2]);
          String[] c = indicators.getOrDefault(ic, new String[3]);
          String[] r = regions.getOrDefault(reg, new String[2]);
          Object[] leading = {ind, ic, reg, i[0], i[1], c[0], c[1], r[0], r[1],
              units.get(ind + "|" + ic), c[2]};
          System.arraycopy(leading, 0, values, 0, leading.length);
          for (int k = 0; k < rest.size(); k++) {
            values[leading.length + k] = row.get(rest.get(k));
          }
          return RowFactory.create(values);
        },
        Encoders.row(DataTypes.createStructType(fields)));
  }
}
