package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;

/**
 * The roll-up table: one row per industry of the plan over its targets, and one plan-wide row
 * (industry {@code plan_wide}) over all targets, the plan-wide goals included. Each row has
 * indicator {@value #ALL_INDICATORS} and region the province; {@link RollupSummary} defines the
 * figures.
 */
public final class IndustryRollup {
  /** indicator of every roll-up row: the row is over all the group's indicators. */
  public static final String ALL_INDICATORS = "all";

  /** The roll-up's own columns (labels come after codes, see ReportLabels). */
  public static final StructType ROLLUP = schema();

  private IndustryRollup() {}

  private static StructType schema() {
    StructType s =
        new StructType()
            .add("industry", StringType, false)
            .add("indicator", StringType, false)
            .add("region", StringType, false)
            .add("targets", IntegerType, false)
            .add("targets_assessable", IntegerType, false);
    for (Status status : Status.values()) {
      s = s.add("targets_" + status.code(), IntegerType, false);
    }
    return s.add("worst_status", StringType)
        .add("worst_status_zh", StringType)
        .add("median_status", StringType)
        .add("median_status_zh", StringType)
        .add("on_track_share", DoubleType)
        .add("key_gap_indicator", StringType)
        .add("key_gap_region", StringType)
        .add("key_gap_target_year", IntegerType)
        .add("key_gap_target_value", DoubleType)
        .add("key_gap_projected_gap", DoubleType)
        .add("key_gap_relative", DoubleType)
        .add("key_gap_status", StringType);
  }

  /**
   * The gap report (with industry, indicator, region, target_year, target_value, projected_gap,
   * status) → the roll-up: a row for every industry of {@code config}, targets or not, and the
   * plan-wide row.
   */
  public static Dataset<Row> of(SparkSession spark, PlanConfig config, Dataset<Row> gaps) {
    String planWide = config.plan().planWide().code();
    Dataset<Row> targets =
        gaps.select("industry", "indicator", "region", "target_year", "target_value",
            "projected_gap", "status");
    // Per group a count per status and the most important gap (RollupSummary.IMPORTANCE: the
    // smallest of (−relative gap, indicator, region, target year); min_by skips the targets
    // without one): a few numbers whatever the number of targets, never a list of them.
    Column relative =
        when(col("projected_gap").isNotNull().and(col("target_value").notEqual(0.0)),
            col("projected_gap").divide(abs(col("target_value"))));
    List<Column> aggregates = new ArrayList<>();
    for (Status s : Status.values()) {
      aggregates.add(
          sum(when(col("status").equalTo(s.code()), 1).otherwise(0)).cast(IntegerType)
              .as("n_" + s.code()));
    }
    aggregates.add(
        min_by(
            struct("indicator", "region", "target_year", "target_value", "projected_gap",
                "status"),
            when(relative.isNotNull(),
                struct(relative.multiply(-1.0), col("indicator"), col("region"),
                    col("target_year"))))
            .as("key_gap"));
    Dataset<Row> groups =
        targets
            .where(col("industry").notEqual(planWide))
            .unionByName(targets.withColumn("industry", lit(planWide)))
            .groupBy("industry")
            .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new));
    List<Row> codes = new ArrayList<>();
    for (Industry i : config.allIndustries()) {
      codes.add(RowFactory.create(i.code()));
    }
    String province = config.province().code();
    return spark
        .createDataFrame(codes, new StructType().add("industry", StringType, false))
        .join(groups, new String[] {"industry"}, "left")
        .map((MapFunction<Row, Row>) row -> rollupRow(row, province), Encoders.row(ROLLUP));
  }

  static Row rollupRow(Row row, String province) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      int at = row.fieldIndex("n_" + s.code());
      counts.put(s, row.isNullAt(at) ? 0 : row.getInt(at));
    }
    int at = row.fieldIndex("key_gap");
    Row k = row.isNullAt(at) ? null : row.getStruct(at);
    RollupSummary r =
        RollupSummary.of(
            counts,
            k == null
                ? null
                : new RollupSummary.Target(
                    k.getAs("indicator"),
                    k.getAs("region"),
                    k.<Integer>getAs("target_year"),
                    k.<Double>getAs("target_value"),
                    k.getAs("projected_gap"),
                    Status.fromCode(k.getAs("status"))));
    List<Object> values = new ArrayList<>();
    values.add(row.getAs("industry"));
    values.add(ALL_INDICATORS);
    values.add(province);
    values.add(r.targets());
    values.add(r.assessable());
    for (Status status : Status.values()) {
      values.add(r.counts().get(status));
    }
    values.add(r.worst() == null ? null : r.worst().code());
    values.add(r.worst() == null ? null : r.worst().labelZh());
    values.add(r.median() == null ? null : r.median().code());
    values.add(r.median() == null ? null : r.median().labelZh());
    values.add(r.onTrackShare());
    RollupSummary.Target key = r.keyGap();
    values.add(key == null ? null : key.indicator());
    values.add(key == null ? null : key.region());
    values.add(key == null ? null : key.targetYear());
    values.add(key == null ? null : key.targetValue());
    values.add(key == null ? null : key.projectedGap());
    values.add(r.keyGapRelative());
    values.add(key == null ? null : key.status().code());
    return RowFactory.create(values.toArray());
  }
}
