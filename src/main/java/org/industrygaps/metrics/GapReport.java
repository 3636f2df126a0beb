package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Target;

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

  /** The column of {@link #ASSESSED} that marks the one row per city series carrying it. */
  public static final String CITY_SERIES = "city_series";

  /**
   * One assessed target: its gap report row ({@link #GAPS}), then what its trajectory is made of,
   * in primitive arrays (a few bytes per point in Spark's cache, where arrays of structs with a
   * source text per point took 670 MB at 10 million observations): the plan's baseline year, the
   * direction, the series' years and values in year order, its break years, and the (year, value)
   * of every target of the same series (milestones). {@value #CITY_SERIES}: the row carries its
   * series to the city contributions (see {@link #assess}); a city series without a target has a
   * row of its own, its target columns empty (see {@link #gaps}).
   */
  static final StructType ASSESSED =
      nullableAfterKey(GAPS)
          .add("direction", StringType)
          .add("plan_baseline_year", IntegerType)
          .add("point_years", DataTypes.createArrayType(IntegerType, false), false)
          .add("point_values", DataTypes.createArrayType(DoubleType, false), false)
          .add("break_years", DataTypes.createArrayType(IntegerType, false), false)
          .add("milestone_years", DataTypes.createArrayType(IntegerType, false), false)
          .add("milestone_values", DataTypes.createArrayType(DoubleType, false), false)
          .add(CITY_SERIES, BooleanType, false);

  private static final int TARGET_INDUSTRY = TARGETS.fieldIndex("industry");
  private static final int TARGET_INDICATOR = TARGETS.fieldIndex("indicator");
  private static final int TARGET_REGION = TARGETS.fieldIndex("region");
  private static final int TARGET_YEAR = TARGETS.fieldIndex("target_year");
  private static final int TARGET_BASELINE = TARGETS.fieldIndex("plan_baseline_year");
  private static final int TARGET_VALUE = TARGETS.fieldIndex("target_value");
  private static final int TARGET_SOURCE = TARGETS.fieldIndex("target_source");
  private static final int TARGET_STATUS = TARGETS.fieldIndex("target_status");
  private static final int TARGET_DIRECTION = TARGETS.fieldIndex("direction");
  private static final int TARGET_KIND = TARGETS.fieldIndex("target_kind");
  private static final int TARGET_SCOPE = TARGETS.fieldIndex("target_scope");
  /** The point's column in the rows co-grouped with the targets: after the three key columns. */
  private static final int POINT = 3;

  private static final int DIRECTION = ASSESSED.fieldIndex("direction");
  private static final int PLAN_BASELINE = ASSESSED.fieldIndex("plan_baseline_year");
  private static final int POINT_YEARS = ASSESSED.fieldIndex("point_years");
  private static final int POINT_VALUES = ASSESSED.fieldIndex("point_values");
  private static final int BREAK_YEARS = ASSESSED.fieldIndex("break_years");
  private static final int MILESTONE_YEARS = ASSESSED.fieldIndex("milestone_years");
  private static final int MILESTONE_VALUES = ASSESSED.fieldIndex("milestone_values");
  private static final int CITY_SERIES_FLAG = ASSESSED.fieldIndex(CITY_SERIES);

  /** The column of {@link #trajectoryPoints} that holds a target's years. */
  static final String TRAJECTORY_POINTS = "trajectory_points";

  /** One year of a target's trajectory: the columns of {@link #TRAJECTORY} from its year on. */
  static final StructType TRAJECTORY_POINT =
      new StructType()
          .add("year", IntegerType, false)
          .add("actual_value", DoubleType)
          .add("required_value", DoubleType)
          .add("projected_value", DoubleType)
          .add("milestone_value", DoubleType)
          .add("series_break", BooleanType, false);

  private static final StructType SERIES_KEY =
      new StructType().add("series_hash", LongType, false).add("industry", StringType)
          .add("indicator", StringType).add("region", StringType);

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
   * Targets assessed against their series: one row of {@link #ASSESSED} per target, its gap
   * metrics computed by {@link GapCalculator}. Compute once (cache) and feed the gap report
   * ({@link #gaps}, a projection), the trajectory ({@link #trajectory}) and the city
   * contributions ({@link CityContributions#series}): each city series of {@code cities} is
   * carried by one row, the first of its targets' or, without a target, a row of its own.
   *
   * <p>One co-grouping of the targets and the series by their key: a shuffle and a sort of the
   * series rows, each group then walked once and its targets assessed in the same pass.
   * Collecting every series' points with an aggregation sorted the series rows twice (an
   * aggregation of lists falls back to sorting past a few hundred keys) and joined the result with
   * the targets, a third sort. The city contributions read their series here rather than sort the
   * city rows again for a window over each series.
   */
  public static Dataset<Row> assess(
      Dataset<Row> targets, Dataset<Row> series, StatusThresholds thresholds,
      PaceThresholds pace, CityContributions.Scope cities) {
    Column seriesBreak =
        List.of(series.columns()).contains("series_break")
            ? coalesce(col("series_break"), lit(false)).as("series_break")
            : lit(false).as("series_break");
    Dataset<Row> points =
        series.select(
            col("industry"), col("indicator"), col("region"),
            struct(col("year"), col("value"), col("value_source"), col("cities_reporting"),
                seriesBreak).as("point"));
    // Led by a hash of the key: the sort compares 8-byte prefixes, which then differ between
    // series, instead of the industry's (the same for a whole task) and then every string.
    Column[] key = {
      xxhash64(col("industry"), col("indicator"), col("region")).as("series_hash"),
      col("industry"), col("indicator"), col("region")
    };
    return targets
        .groupBy(key)
        .as(Encoders.row(SERIES_KEY), Encoders.row(TARGETS))
        .cogroup(
            points.groupBy(key).as(Encoders.row(SERIES_KEY), Encoders.row(points.schema())),
            (CoGroupFunction<Row, Row, Row, Row>) (k, ofSeries, pointsOfSeries) ->
                assessSeries(k, ofSeries, pointsOfSeries, thresholds, pace, cities),
            Encoders.row(ASSESSED));
  }

  /**
   * The assessed rows of one series' targets; none for a series without a target, unless it is a
   * city series of {@code cities}: then one row with its points and no target.
   */
  private static Iterator<Row> assessSeries(
      Row key, Iterator<Row> targets, Iterator<Row> pointRows, StatusThresholds thresholds,
      PaceThresholds pace, CityContributions.Scope cities) {
    List<Row> ofSeries = new ArrayList<>();
    targets.forEachRemaining(ofSeries::add);
    boolean city = cities.covers(key.getString(2), key.getString(3));
    if (ofSeries.isEmpty() && !city) {
      return List.<Row>of().iterator();
    }
    List<Row> points = new ArrayList<>();
    pointRows.forEachRemaining(p -> points.add(p.getStruct(POINT)));
    points.sort(Comparator.comparingInt(p -> p.getInt(0)));
    int[] years = new int[points.size()];
    double[] values = new double[points.size()];
    List<YearValue> series = new ArrayList<>(points.size());
    List<Integer> breaks = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Row p = points.get(i);
      years[i] = p.getInt(0);
      values[i] = p.getDouble(1);
      series.add(new YearValue(years[i], values[i]));
      if (!p.isNullAt(4) && p.getBoolean(4)) {
        breaks.add(years[i]);
      }
    }
    int[] milestoneYears = new int[ofSeries.size()];
    double[] milestoneValues = new double[ofSeries.size()];
    for (int i = 0; i < ofSeries.size(); i++) {
      milestoneYears[i] = ofSeries.get(i).getInt(TARGET_YEAR);
      milestoneValues[i] = ofSeries.get(i).getDouble(TARGET_VALUE);
    }
    int[] breakYears = breaks.stream().mapToInt(Integer::intValue).toArray();
    if (ofSeries.isEmpty()) {
      Object[] only = new Object[ASSESSED.size()];
      only[ASSESSED.fieldIndex("industry")] = key.get(1);
      only[ASSESSED.fieldIndex("indicator")] = key.get(2);
      only[ASSESSED.fieldIndex("region")] = key.get(3);
      only[POINT_YEARS] = years;
      only[POINT_VALUES] = values;
      only[BREAK_YEARS] = breakYears;
      only[MILESTONE_YEARS] = milestoneYears;
      only[MILESTONE_VALUES] = milestoneValues;
      only[CITY_SERIES_FLAG] = true;
      return List.of(RowFactory.create(only)).iterator();
    }
    List<Row> rows = new ArrayList<>(ofSeries.size());
    for (Row t : ofSeries) {
      GapInput input =
          new GapInput(
              Direction.fromCode(t.getString(TARGET_DIRECTION)), t.getInt(TARGET_BASELINE),
              t.getInt(TARGET_YEAR), t.getDouble(TARGET_VALUE), series, breaks);
      GapMetrics m = GapCalculator.compute(input, thresholds);
      Row latestPoint = null;
      for (Row p : points) {
        if (m.latestYear() != null && p.getInt(0) == m.latestYear()) {
          latestPoint = p;
        }
      }
      Object[] all =
          Arrays.copyOf(gapValues(t, m, PaceStatus.of(m, pace), latestPoint), ASSESSED.size());
      all[DIRECTION] = t.getString(TARGET_DIRECTION);
      all[PLAN_BASELINE] = t.getInt(TARGET_BASELINE);
      all[POINT_YEARS] = years;
      all[POINT_VALUES] = values;
      all[BREAK_YEARS] = breakYears;
      all[MILESTONE_YEARS] = milestoneYears;
      all[MILESTONE_VALUES] = milestoneValues;
      all[CITY_SERIES_FLAG] = city && rows.isEmpty();
      rows.add(RowFactory.create(all));
    }
    return rows.iterator();
  }

  /**
   * Assessed targets → the gap report (one row per target): a projection, nothing computed. A
   * target's row has its target year; a city series' own row (see {@link #assess}) has none.
   */
  public static Dataset<Row> gaps(Dataset<Row> assessed) {
    return targetsOf(assessed).select(
        Arrays.stream(GAPS.fieldNames()).map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }

  /**
   * Assessed targets → the trajectory: one row per target and year from its first observation
   * (or the baseline year, whichever is earlier) to the target year; each industry in one
   * partition, sorted by industry, indicator, region, target year and year (the report's layout).
   * {@link #years} of {@link #trajectoryPoints}.
   */
  public static Dataset<Row> trajectory(Dataset<Row> assessed, StatusThresholds thresholds) {
    return years(trajectoryPoints(assessed, thresholds));
  }

  /**
   * Assessed targets → a row per target (industry, indicator, region, target_year, target_value)
   * with its trajectory's years in {@value #TRAJECTORY_POINTS}, in the report's layout. The
   * targets are laid out before their years are made: a thirtieth of the rows to shuffle and sort.
   * Columns added here (labels) are made once per target, not once per year: {@link #years} copies
   * them into each year's row as they are.
   */
  public static Dataset<Row> trajectoryPoints(Dataset<Row> assessed, StatusThresholds thresholds) {
    UserDefinedFunction points =
        udf((UDF1<Row, List<Row>>) target -> yearsOf(target, thresholds),
            DataTypes.createArrayType(TRAJECTORY_POINT, false));
    return targetsOf(assessed)
        .repartition(col("industry"))
        .sortWithinPartitions("industry", "indicator", "region", "target_year")
        .select(
            col("industry"), col("indicator"), col("region"), col("target_year"),
            col("target_value"),
            points.apply(struct(col("direction"), col("plan_baseline_year"), col("target_year"),
                    col("target_value"), col("point_years"), col("point_values"),
                    col("break_years"), col("milestone_years"), col("milestone_values")))
                .as(TRAJECTORY_POINTS));
  }

  /**
   * {@link #trajectoryPoints} (with any columns added) → a row per target and year: the target's
   * columns, then those of {@link #TRAJECTORY} after its key, in order. A narrow step: each
   * partition keeps its rows in their order.
   */
  public static Dataset<Row> years(Dataset<Row> perTarget) {
    List<Column> columns = new ArrayList<>();
    for (String name : perTarget.columns()) {
      if (!name.equals("target_value") && !name.equals(TRAJECTORY_POINTS)) {
        columns.add(col(name));
      }
    }
    for (String name : TRAJECTORY.fieldNames()) {
      if (TRAJECTORY.fieldIndex(name) >= TRAJECTORY.fieldIndex("year")) {
        columns.add(col(name));
      }
    }
    return perTarget
        .select(col("*"), inline(col(TRAJECTORY_POINTS)))
        .select(columns.toArray(Column[]::new));
  }

  /** The rows of {@code assessed} that are targets (not a city series' own row). */
  private static Dataset<Row> targetsOf(Dataset<Row> assessed) {
    return assessed.where(col("target_year").isNotNull());
  }

  /** {@code schema} with every column after the series key (industry, indicator, region) nullable. */
  private static StructType nullableAfterKey(StructType schema) {
    StructType out = new StructType();
    for (var f : schema.fields()) {
      boolean key = List.of("industry", "indicator", "region").contains(f.name());
      out = out.add(f.name(), f.dataType(), !key || f.nullable());
    }
    return out;
  }

  /** The values of a {@link #GAPS} row: target {@code t} of {@link #TARGETS} and its metrics. */
  private static Object[] gapValues(Row t, GapMetrics m, PaceStatus paceStatus, Row latestPoint) {
    TrendProjection trend = m.trend();
    TrendReading reading =
        trend == null ? null : TrendReading.of(trend, Direction.fromCode(t.getString(TARGET_DIRECTION)));
    return new Object[] {
      t.get(TARGET_INDUSTRY),
      t.get(TARGET_INDICATOR),
      t.get(TARGET_REGION),
      m.targetYear(),
      m.targetValue(),
      t.get(TARGET_SOURCE),
      t.get(TARGET_STATUS),
      t.get(TARGET_KIND),
      t.get(TARGET_SCOPE),
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
      latestPoint == null || latestPoint.isNullAt(3) ? null : latestPoint.getLong(3)
    };
  }

  /** The years of one target's trajectory (see {@link #TRAJECTORY_POINT}). */
  private static List<Row> yearsOf(Row target, StatusThresholds thresholds) {
    String direction = target.getString(0);
    int baseline = target.getInt(1);
    int targetYear = target.getInt(2);
    double targetValue = target.getDouble(3);
    List<Integer> years = target.getList(4);
    List<Double> values = target.getList(5);
    List<Integer> breaks = target.getList(6);
    List<Integer> milestoneYears = target.getList(7);
    List<Double> milestoneValues = target.getList(8);
    List<YearValue> series = new ArrayList<>(years.size());
    for (int i = 0; i < years.size(); i++) {
      series.add(new YearValue(years.get(i), values.get(i)));
    }
    GapMetrics m =
        GapCalculator.compute(
            new GapInput(Direction.fromCode(direction), baseline, targetYear, targetValue, series,
                breaks),
            thresholds);
    int first = years.isEmpty() ? baseline : Math.min(baseline, years.get(0));
    List<Row> out = new ArrayList<>(Math.max(0, targetYear - first + 1));
    for (int year = first; year <= targetYear; year++) {
      int at = years.indexOf(year);
      int milestone = milestoneYears.indexOf(year);
      out.add(
          RowFactory.create(
              year, at < 0 ? null : values.get(at), m.requiredPathAt(year),
              m.projectedPathAt(year), milestone < 0 ? null : milestoneValues.get(milestone),
              at >= 0 && breaks.contains(year)));
    }
    return out;
  }
}
