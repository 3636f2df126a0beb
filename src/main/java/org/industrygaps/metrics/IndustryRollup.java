package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
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
        gaps.select(
            col("industry"),
            struct("indicator", "region", "target_year", "target_value", "projected_gap", "status")
                .as("target"));
    Dataset<Row> groups =
        targets
            .where(col("industry").notEqual(planWide))
            .unionByName(targets.withColumn("industry", lit(planWide)))
            .groupBy("industry")
            .agg(collect_list("target").as("targets"));
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
    List<RollupSummary.Target> group = new ArrayList<>();
    List<Row> targets =
        row.isNullAt(row.fieldIndex("targets")) ? List.of() : row.getList(row.fieldIndex("targets"));
    for (Row t : targets) {
      group.add(
          new RollupSummary.Target(
              t.getAs("indicator"),
              t.getAs("region"),
              t.<Integer>getAs("target_year"),
              t.<Double>getAs("target_value"),
              t.getAs("projected_gap"),
              Status.fromCode(t.getAs("status"))));
    }
    RollupSummary r = RollupSummary.of(group);
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
