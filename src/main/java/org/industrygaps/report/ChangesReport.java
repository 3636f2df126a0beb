package org.industrygaps.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.storage.Storage;

/**
 * The {@code changes} report: every target whose status, latest value (or latest year) or
 * projected gap differs from the previous published run (the gap report in {@code latest/} before
 * this run publishes), so an analyst sees at once what a new drop moved. {@code change_kind} is
 * {@code new} (no such target in the previous run; on a first run every target), {@code removed}
 * (a target the plan no longer has) or {@code changed}; three flags say what changed. Values are
 * compared exactly: the same drops and configuration give the same numbers, so an unchanged target
 * never appears.
 */
public final class ChangesReport {
  public static final String NAME = "changes";
  public static final List<String> KEY = List.of("industry", "indicator", "region", "target_year");

  /** The columns of a gap report the comparison reads. */
  static final StructType COMPARED =
      new StructType()
          .add("industry", DataTypes.StringType)
          .add("indicator", DataTypes.StringType)
          .add("region", DataTypes.StringType)
          .add("target_year", DataTypes.IntegerType)
          .add("status", DataTypes.StringType)
          .add("latest_year", DataTypes.IntegerType)
          .add("latest_value", DataTypes.DoubleType)
          .add("projected_gap", DataTypes.DoubleType);

  private ChangesReport() {}

  /** The gap report of the run in {@code latestDir}, or no rows before the first publish. */
  public static Dataset<Row> previousGaps(SparkSession spark, Storage storage, String latestDir) {
    String gaps = latestDir + "/" + ReportTables.GAPS;
    if (storage.listFiles(gaps, ".parquet").isEmpty()) {
      return spark.createDataFrame(List.of(), COMPARED);
    }
    return spark.read().schema(COMPARED).option("basePath", gaps).parquet(gaps);
  }

  /**
   * The changes between the {@code previous} and {@code current} gap reports: the key, change_kind,
   * status_changed, latest_value_changed, projected_gap_changed, old/new status, latest_year,
   * latest_value and projected_gap, and previous_run_id.
   */
  public static Dataset<Row> of(Dataset<Row> previous, Dataset<Row> current, String previousRunId) {
    Dataset<Row> old = side(previous, "old_");
    Dataset<Row> now = side(current, "new_");
    Column wasThere = col("old_status").isNotNull();
    Column isThere = col("new_status").isNotNull();
    Column status = differs("status");
    Column value = differs("latest_value").or(differs("latest_year"));
    Column gap = differs("projected_gap");
    Column kind =
        when(not(wasThere), lit("new"))
            .when(not(isThere), lit("removed"))
            .when(status.or(value).or(gap), lit("changed"));
    List<Column> columns = new ArrayList<>();
    KEY.forEach(k -> columns.add(col(k)));
    columns.add(kind.as("change_kind"));
    columns.add(status.as("status_changed"));
    columns.add(value.as("latest_value_changed"));
    columns.add(gap.as("projected_gap_changed"));
    for (String c : List.of("status", "latest_year", "latest_value", "projected_gap")) {
      columns.add(col("old_" + c));
      columns.add(col("new_" + c));
    }
    columns.add(lit(previousRunId).cast(DataTypes.StringType).as("previous_run_id"));
    return now.join(old, KEY.toArray(String[]::new), "full_outer")
        .select(columns.toArray(Column[]::new))
        .where(col("change_kind").isNotNull());
  }

  /** The report table: the changes with the labels every report row carries. */
  public static ReportTables.Table table(
      ReportLabels labels, Dataset<Row> previous, Dataset<Row> current, String previousRunId) {
    return new ReportTables.Table(labels.apply(of(previous, current, previousRunId)), KEY);
  }

  private static Dataset<Row> side(Dataset<Row> gaps, String prefix) {
    List<Column> columns = new ArrayList<>();
    KEY.forEach(k -> columns.add(col(k)));
    for (String c : List.of("status", "latest_year", "latest_value", "projected_gap")) {
      columns.add(col(c).as(prefix + c));
    }
    return gaps.select(columns.toArray(Column[]::new));
  }

  private static Column differs(String column) {
    return not(col("old_" + column).eqNullSafe(col("new_" + column)));
  }
}
