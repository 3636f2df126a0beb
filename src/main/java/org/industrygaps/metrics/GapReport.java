package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Target;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The gap toward each target of the plan and its yearly trajectory: the targets joined with their
 * series, each computed by {@link GapCalculator} on the executors.
 */
public final class GapReport {
  /**
   * The targets. The key columns are nullable (though never null), like the series' columns read
   * from Parquet: the two are co-grouped by them, which needs the same types on both sides.
   */
  static final StructType TARGETS =
      new StructType()
          .add("industry", StringType)
          .add("indicator", StringType)
          .add("region", StringType)
          .add("target_year", IntegerType, false)
          .add("plan_baseline_year", IntegerType, false)
          .add("target_value", DoubleType, false)
          .add("target_source", StringType, false)
          .add("target_status", StringType, false)
          .add("direction", StringType, false)
          .add("target_kind", StringType, false)
          .add("target_scope", StringType, false);

  /** The gap report's own columns (labels come after codes, see ReportLabels). */
  public static final StructType GAPS =
      new StructType()
          .add("industry", StringType, false)
          .add("indicator", StringType, false)
          .add("region", StringType, false)
          .add("target_year", IntegerType, false)
          .add("target_value", DoubleType, false)
          .add("target_source", StringType)
          .add("target_status", StringType)
          .add("target_kind", StringType)
          .add("target_scope", StringType)
          .add("baseline_year", IntegerType)
          .add("baseline_value", DoubleType)
          .add("baseline_note", StringType)
          .add("series_break_year", IntegerType)
          .add("latest_year", IntegerType)
          .add("latest_value", DoubleType)
          .add("observations", IntegerType, false)
          .add("gap_to_target", DoubleType)
          .add("progress_share", DoubleType)
          .add("time_share", DoubleType)
          .add("pace_index", DoubleType)
          .add("cagr_actual", DoubleType)
          .add("cagr_required", DoubleType)
          .add("cagr_needed_from_latest", DoubleType)
          .add("growth_ratio", DoubleType)
          .add("projected_value", DoubleType)
          .add("projected_gap", DoubleType)
          .add("projected_method", StringType)
          .add("trend_projected_value", DoubleType)
          .add("trend_lower", DoubleType)
          .add("trend_upper", DoubleType)
          .add("trend_target_position", StringType)
          .add("trend_method", StringType)
          .add("trend_points", IntegerType)
          .add("trend_reading", StringType)
          .add("trend_reading_zh", StringType)
          .add("status", StringType, false)
          .add("status_zh", StringType, false)
          .add("pace_status", StringType, false)
          .add("pace_status_zh", StringType, false)
          .add("not_assessable_reason", StringType)
          .add("latest_value_source", StringType)
          .add("latest_cities_reporting", LongType);

  /**
   * The trajectory's own columns: per target and year, actual, required and projected value;
   * milestone_value is the value of the target of the same series (industry, indicator, region)
   * that falls due in that year (this target's own in its target year, a milestone or a later goal
   * of the same series in other years); series_break marks a year whose value starts a new
   * statistical basis.
   */
  public static final StructType TRAJECTORY =
      new StructType()
          .add("industry", StringType, false)
          .add("indicator", StringType, false)
          .add("region", StringType, false)
          .add("target_year", IntegerType, false)
          .add("year", IntegerType, false)
          .add("actual_value", DoubleType)
          .add("required_value", DoubleType)
          .add("projected_value", DoubleType)
          .add("target_value", DoubleType, false)
          .add("milestone_value", DoubleType)
          .add("series_break", BooleanType, false);

  private static final int TARGET_YEAR = TARGETS.fieldIndex("target_year");
  private static final int TARGET_VALUE = TARGETS.fieldIndex("target_value");
  /** The point's column in the rows co-grouped with the targets: after the three key columns. */
  private static final int POINT = 3;

  private static final StructType SERIES_KEY =
      new StructType().add("industry", StringType).add("indicator", StringType)
          .add("region", StringType);

  private static final StructType MILESTONE_FIELDS =
      new StructType().add("target_year", IntegerType, false).add("target_value", DoubleType, false);

  /** target_kind of a target due before the plan's target year. */
  public static final String MILESTONE = "milestone";
  /** target_kind of a target due in the plan's target year (or later). */
  public static final String GOAL = "goal";

  private GapReport() {}

  /**
   * The targets of {@code config} as a dataset of {@link #TARGETS}. The rows are made by the
   * executors, from slices of a few thousand targets: a plan with a target per county (a million)
   * would otherwise be copied into rows on the driver and into a few tasks of tens of megabytes.
   */
  public static Dataset<Row> targets(SparkSession spark, PlanConfig config) {
    List<Target> targets = config.targets();
    int slices =
        Math.max(spark.sparkContext().defaultParallelism(), (targets.size() + 19_999) / 20_000);
    String planWide = config.plan().planWide().code();
    String province = config.province().code();
    int targetYear = config.plan().targetYear();
    Map<String, String> directions = new HashMap<>();
    config.indicators().forEach(i -> directions.put(i.code(), i.direction()));
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(targets, slices)
            .map(t -> RowFactory.create(
                t.industry(), t.indicator(), t.region(), t.year(), t.baselineYear(), t.value(),
                t.source(), t.status(), directions.get(t.indicator()),
                t.year() < targetYear ? MILESTONE : GOAL,
                t.industry().equals(planWide)
                    ? "plan_wide"
                    : t.region().equals(province) ? "province" : "city"));
    return spark.createDataFrame(rows, TARGETS);
  }

  /**
   * Targets joined with their series: one row per target with its {@code points}, an array of
   * (year, value, value_source, cities_reporting, series_break), and the {@code milestones} of its
   * series, an array of (target_year, target_value) of every target of the same industry,
   * indicator and region. Compute once and feed both outputs.
   *
   * <p>One co-grouping of the targets and the series by their key: a shuffle and a sort of the
   * series rows, each group then walked once. Collecting every series' points with an aggregation
   * sorted the series rows twice (an aggregation of lists falls back to sorting past a few
   * hundred keys) and joined the result with the targets, a third sort.
   */
  public static Dataset<Row> withSeries(Dataset<Row> targets, Dataset<Row> series) {
    Column seriesBreak =
        List.of(series.columns()).contains("series_break")
            ? coalesce(col("series_break"), lit(false)).as("series_break")
            : lit(false).as("series_break");
    Dataset<Row> points =
        series.select(
            col("industry"), col("indicator"), col("region"),
            struct(col("year"), col("value"), col("value_source"), col("cities_reporting"),
                seriesBreak).as("point"));
    StructType point = (StructType) points.schema().apply("point").dataType();
    StructType out =
        TARGETS
            .add("points", DataTypes.createArrayType(point))
            .add("milestones", DataTypes.createArrayType(MILESTONE_FIELDS));
    Column[] key = {col("industry"), col("indicator"), col("region")};
    return targets
        .groupBy(key)
        .as(Encoders.row(SERIES_KEY), Encoders.row(TARGETS))
        .cogroup(
            points.groupBy(key).as(Encoders.row(SERIES_KEY), Encoders.row(points.schema())),
            (CoGroupFunction<Row, Row, Row, Row>) (k, ofSeries, pointsOfSeries) ->
                targetsWithSeries(ofSeries, pointsOfSeries, out),
            Encoders.row(out));
  }

  /**
   * The rows of one series' targets, each with the series' points and milestones. Rows carry
   * their schema: the next step reads them by column name, and Spark may hand them over as they
   * are, not serialized.
   */
  private static Iterator<Row> targetsWithSeries(
      Iterator<Row> targets, Iterator<Row> points, StructType schema) {
    List<Row> ofSeries = new ArrayList<>();
    targets.forEachRemaining(ofSeries::add);
    if (ofSeries.isEmpty()) {
      return List.<Row>of().iterator(); // a series without a target
    }
    List<Row> pointList = new ArrayList<>();
    points.forEachRemaining(p -> pointList.add(p.getStruct(POINT)));
    List<Row> milestones = new ArrayList<>();
    for (Row t : ofSeries) {
      milestones.add(RowFactory.create(t.get(TARGET_YEAR), t.get(TARGET_VALUE)));
    }
    List<Row> rows = new ArrayList<>(ofSeries.size());
    for (Row t : ofSeries) {
      Object[] values = new Object[TARGETS.size() + 2];
      for (int i = 0; i < TARGETS.size(); i++) {
        values[i] = t.get(i);
      }
      values[TARGETS.size()] = pointList.isEmpty() ? null : CollectionConverters.asScala(pointList);
      values[TARGETS.size() + 1] = CollectionConverters.asScala(milestones);
      rows.add(new GenericRowWithSchema(values, schema));
    }
    return rows.iterator();
  }

  /** Targets with series → the gap report (one row per target). */
  public static Dataset<Row> gaps(
      Dataset<Row> targetsWithSeries, StatusThresholds thresholds, PaceThresholds pace) {
    return targetsWithSeries.map(
        (MapFunction<Row, Row>) row -> gapRow(row, thresholds, pace), Encoders.row(GAPS));
  }

  /**
   * Targets with series → the trajectory: one row per target and year from its first observation
   * (or the baseline year, whichever is earlier) to the target year; each industry in one
   * partition, sorted by industry, indicator, region, target year and year (the report's layout).
   * The targets are laid out before their years are made: a thirtieth of the rows to shuffle and
   * sort.
   */
  public static Dataset<Row> trajectory(
      Dataset<Row> targetsWithSeries, StatusThresholds thresholds) {
    return targetsWithSeries
        .repartition(col("industry"))
        .sortWithinPartitions("industry", "indicator", "region", "target_year")
        .flatMap(
            (FlatMapFunction<Row, Row>) row -> trajectoryRows(row, thresholds),
            Encoders.row(TRAJECTORY));
  }

  private static GapInput input(Row row) {
    List<YearValue> series = new ArrayList<>();
    List<Integer> breaks = new ArrayList<>();
    for (Row p : points(row)) {
      series.add(new YearValue(p.getInt(0), p.getDouble(1)));
      if (isBreak(p)) {
        breaks.add(p.getInt(0));
      }
    }
    return new GapInput(
        Direction.fromCode(row.getAs("direction")),
        row.<Integer>getAs("plan_baseline_year"),
        row.<Integer>getAs("target_year"),
        row.<Double>getAs("target_value"),
        series,
        breaks);
  }

  private static boolean isBreak(Row point) {
    return !point.isNullAt(4) && point.getBoolean(4);
  }

  private static List<Row> points(Row row) {
    List<Row> points = row.isNullAt(row.fieldIndex("points")) ? List.of() : row.getList(row.fieldIndex("points"));
    List<Row> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingInt(p -> p.getInt(0)));
    return sorted;
  }

  static Row gapRow(Row row, StatusThresholds thresholds, PaceThresholds pace) {
    GapInput input = input(row);
    GapMetrics m = GapCalculator.compute(input, thresholds);
    PaceStatus paceStatus = PaceStatus.of(m, pace);
    Row latestPoint = null;
    for (Row p : points(row)) {
      if (m.latestYear() != null && p.getInt(0) == m.latestYear()) {
        latestPoint = p;
      }
    }
    TrendProjection trend = m.trend();
    TrendReading reading = trend == null ? null : TrendReading.of(trend, input.direction());
    return RowFactory.create(
        row.getAs("industry"),
        row.getAs("indicator"),
        row.getAs("region"),
        m.targetYear(),
        m.targetValue(),
        row.getAs("target_source"),
        row.getAs("target_status"),
        row.getAs("target_kind"),
        row.getAs("target_scope"),
        m.baselineYear(),
        m.baselineValue(),
        m.baselineNote(),
        m.seriesBreakYear(),
        m.latestYear(),
        m.latestValue(),
        m.observations(),
        m.gapToTarget(),
        m.progressShare(),
        m.timeShare(),
        m.paceIndex(),
        m.cagrActual(),
        m.cagrRequired(),
        m.cagrNeededFromLatest(),
        m.growthRatio(),
        m.projectedValue(),
        m.projectedGap(),
        m.projectedMethod(),
        trend == null ? null : trend.value(),
        trend == null ? null : trend.lower(),
        trend == null ? null : trend.upper(),
        trend == null ? null : trend.targetPosition(),
        trend == null ? null : TrendProjection.METHOD,
        trend == null ? null : trend.points(),
        reading == null ? null : reading.code(),
        reading == null ? null : reading.labelZh(),
        m.status().code(),
        m.status().labelZh(),
        paceStatus.code(),
        paceStatus.labelZh(),
        m.notAssessableReason(),
        latestPoint == null ? null : latestPoint.getString(2),
        latestPoint == null || latestPoint.isNullAt(3) ? null : latestPoint.getLong(3));
  }

  static Iterator<Row> trajectoryRows(Row row, StatusThresholds thresholds) {
    GapMetrics m = GapCalculator.compute(input(row), thresholds);
    List<Row> points = points(row);
    int targetYear = m.targetYear();
    int first = row.<Integer>getAs("plan_baseline_year");
    if (!points.isEmpty()) {
      first = Math.min(first, points.get(0).getInt(0));
    }
    List<Row> milestones =
        row.isNullAt(row.fieldIndex("milestones"))
            ? List.of()
            : row.getList(row.fieldIndex("milestones"));
    List<Row> out = new ArrayList<>();
    for (int year = first; year <= targetYear; year++) {
      Double actual = null;
      boolean seriesBreak = false;
      for (Row p : points) {
        if (p.getInt(0) == year) {
          actual = p.getDouble(1);
          seriesBreak = isBreak(p);
        }
      }
      Double milestone = null;
      for (Row t : milestones) {
        if (t.getInt(0) == year) {
          milestone = t.getDouble(1);
        }
      }
      out.add(
          RowFactory.create(
              row.getAs("industry"), row.getAs("indicator"), row.getAs("region"), targetYear, year,
              actual, m.requiredPathAt(year), m.projectedPathAt(year), m.targetValue(), milestone,
              seriesBreak));
    }
    return out.iterator();
  }
}
