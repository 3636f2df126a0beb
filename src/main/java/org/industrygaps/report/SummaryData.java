package org.industrygaps.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Target;

/**
 * What summary.html shows, collected from the report tables already computed: small collects of
 * tables that have one row per target, target × year or city × year (never raw observations).
 *
 * @param gaps every row of the gap report
 * @param trajectory every row of the trajectory
 * @param cities city contributions of the targeted indicators in their latest year, by value
 * @param coverage coverage rows of the targeted indicators
 * @param revisions at most {@value #REVISIONS_SHOWN} revisions, in key order
 * @param rejected the first {@value #REJECTED_SHOWN} rejected rows, in key order
 */
public record SummaryData(
    List<Rec> gaps,
    List<Rec> trajectory,
    List<Rec> cities,
    List<Rec> coverage,
    List<Rec> revisions,
    List<Rec> rejected) {

  static final int REVISIONS_SHOWN = 200;
  static final int REJECTED_SHOWN = 20;
  /** City targets shown per industry: a plan with a target per county still gives a page. */
  static final int CITY_TARGETS_SHOWN = 20;
  /** Cities shown per industry and indicator (the largest in the latest year). */
  static final int CITIES_SHOWN = 15;

  /** One row of a report table by column name. */
  public record Rec(Map<String, Object> values) {
    public static Rec of(Object... namesAndValues) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < namesAndValues.length; i += 2) {
        m.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
      return new Rec(Collections.unmodifiableMap(m));
    }

    static Rec of(Row row) {
      Map<String, Object> m = new LinkedHashMap<>();
      String[] names = row.schema().fieldNames();
      for (int i = 0; i < names.length; i++) {
        m.put(names[i], row.isNullAt(i) ? null : row.get(i));
      }
      return new Rec(Collections.unmodifiableMap(m));
    }

    public String s(String name) {
      Object v = values.get(name);
      return v == null ? null : v.toString();
    }

    public Double d(String name) {
      Object v = values.get(name);
      return v == null ? null : ((Number) v).doubleValue();
    }

    public Integer i(String name) {
      Object v = values.get(name);
      return v == null ? null : ((Number) v).intValue();
    }

    public Long l(String name) {
      Object v = values.get(name);
      return v == null ? null : ((Number) v).longValue();
    }

    public Boolean b(String name) {
      return (Boolean) values.get(name);
    }
  }

  /**
   * Collects the page's data from {@code tables}: small, bounded collects (the rows are few, so
   * they are ordered here rather than by Spark).
   */
  public static SummaryData collect(ReportTables tables, PlanConfig config) {
    Set<String> targeted = new HashSet<>();
    for (Target t : config.targets()) {
      targeted.add(t.indicator());
    }
    Column targetedIndicator = col("indicator").isin(targeted.toArray());
    // Bounded whatever the input: the province's and plan-wide targets, a few city targets per
    // industry, their trajectories, and the largest cities in the latest year.
    String province = config.province().code();
    Dataset<Row> gaps = table(tables, ReportTables.GAPS);
    String[] gapKey = {"industry", "indicator", "region", "target_year"};
    // The city targets shown ranked by their keys alone (a sort of every gap row with its forty
    // columns spilled at 10 million observations), then their rows found by those keys.
    Dataset<Row> shownCityKeys =
        gaps.where(col("region").notEqual(province))
            .select(gapKey[0], gapKey[1], gapKey[2], gapKey[3])
            .withColumn("_n", row_number().over(Window.partitionBy("industry")
                .orderBy("indicator", "region", "target_year")))
            .where(col("_n").leq(CITY_TARGETS_SHOWN))
            .drop("_n");
    Dataset<Row> shownGaps =
        gaps.where(col("region").equalTo(province))
            .unionByName(gaps.join(broadcast(shownCityKeys), gapKey, "left_semi"));
    List<Rec> gapRows = recs(shownGaps);
    // The trajectory of the gaps shown, found by their keys: the rows collected above as a local
    // table (the gaps shown were computed a second time for the semi-join, a Spark job of 1.7 s
    // at 10 million observations).
    StructType keySchema =
        new StructType().add("industry", DataTypes.StringType).add("indicator", DataTypes.StringType)
            .add("region", DataTypes.StringType).add("target_year", DataTypes.IntegerType);
    List<Row> keys = new ArrayList<>();
    for (Rec g : gapRows) {
      keys.add(RowFactory.create(g.s("industry"), g.s("indicator"), g.s("region"), g.i("target_year")));
    }
    Dataset<Row> shownKeys = gaps.sparkSession().createDataFrame(keys, keySchema);
    Dataset<Row> cityRows = table(tables, "city_contributions").where(targetedIndicator);
    WindowSpec series = Window.partitionBy("industry", "indicator");
    // The latest year of each series first, then the ranking of that year's rows alone: the city
    // table has a row per city and year. The year is the coverage's (a row per province value):
    // the last in which any city reported, without a pass over the city table.
    Dataset<Row> latestYears =
        table(tables, "coverage")
            .where(targetedIndicator.and(col("cities_reporting").gt(0)))
            .groupBy("industry", "indicator")
            .agg(max("year").as("year"));
    Dataset<Row> latestCityRows =
        cityRows
            .join(broadcast(latestYears), new String[] {"industry", "indicator", "year"},
                "left_semi")
            .withColumn("_rank", row_number().over(series.orderBy(col("value").desc_nulls_last())))
            .where(col("_rank").leq(CITIES_SHOWN))
            .drop("_rank");
    List<Rec> latestCities = new ArrayList<>(recs(latestCityRows));
    latestCities.sort(
        Comparator.comparing((Rec r) -> r.s("industry") + "/" + r.s("indicator"))
            .thenComparing(r -> r.d("value"), Comparator.nullsLast(Comparator.reverseOrder())));
    ReportTables.Table rejected = tables.rejected();
    return new SummaryData(
        sorted(gapRows, "industry", "indicator", "region", "target_year"),
        sorted(
            recs(table(tables, "trajectory")
                .join(broadcast(shownKeys), gapKey, "left_semi")
                .select("industry", "indicator", "region",
                "target_year", "year", "actual_value", "required_value", "projected_value",
                "target_value")),
            "industry", "indicator", "region", "target_year", "year"),
        List.copyOf(latestCities),
        sorted(recs(table(tables, "coverage").where(targetedIndicator)),
            "industry", "indicator", "year"),
        sorted(recs(table(tables, "revisions").limit(REVISIONS_SHOWN)),
            "industry", "indicator", "region", "year", "new_drop"),
        sorted(recs(rejected.rows().orderBy(key(rejected)).limit(REJECTED_SHOWN)),
            "drop", "file", "line"));
  }

  private static Dataset<Row> table(ReportTables tables, String name) {
    return tables.parquet().get(name).rows();
  }

  private static Column[] key(ReportTables.Table table) {
    return table.key().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Rec> sorted(List<Rec> rows, String... key) {
    Comparator<Rec> order = null;
    for (String k : key) {
      Comparator<Rec> c =
          Comparator.comparing(
              (Rec r) -> (Comparable) r.values().get(k),
              Comparator.nullsLast(Comparator.naturalOrder()));
      order = order == null ? c : order.thenComparing(c);
    }
    List<Rec> out = new ArrayList<>(rows);
    out.sort(order);
    return List.copyOf(out);
  }

  private static List<Rec> recs(Dataset<Row> rows) {
    List<Rec> out = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      out.add(Rec.of(r));
    }
    return List.copyOf(out);
  }
}
