package org.industrygaps.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.storage.Storage;

/**
 * Writes a report set into one folder in the layout of PRODUCT.md: Parquet partitioned by
 * industry, one CSV per industry plus all industries, and the rejected rows.
 */
public final class ReportWriter {
  /** The most rows of a CSV report the driver holds at once (about 25 MB of rejected rows). */
  static final long CSV_ROWS_PER_PARTITION = 50_000;

  private final Storage storage;
  private final PlanConfig config;
  private ColumnDictionary.Headers csvHeaders = ColumnDictionary.Headers.EN;

  public ReportWriter(Storage storage, PlanConfig config) {
    this.storage = storage;
    this.config = config;
  }

  /** Writes the CSV header rows in {@code headers}' language (default the column names). */
  public ReportWriter csvHeaders(ColumnDictionary.Headers headers) {
    this.csvHeaders = headers;
    return this;
  }

  /** Writes {@code tables} under {@code dir}; returns what was written with row counts. */
  public List<OutputRecord> write(ReportTables tables, String dir) {
    List<OutputRecord> outputs = new ArrayList<>();
    for (Map.Entry<String, ReportTables.Table> e : tables.parquet().entrySet()) {
      rowsSparkContext(e.getValue().rows()).setJobDescription("report: " + e.getKey());
      Dataset<Row> rows = e.getValue().rows().persist(StorageLevel.MEMORY_AND_DISK());
      long count = rows.count();
      // One file per industry, rows in key order: what BI tools and readers expect.
      rows.repartition(col("industry"))
          .sortWithinPartitions(columns(e.getValue().key()))
          .write()
          .mode(SaveMode.ErrorIfExists)
          .partitionBy("industry")
          .parquet(dir + "/" + e.getKey());
      if (count == 0) {
        // Spark writes no file for an empty partitioned table: one file with the schema (and no
        // rows) lets readers open an empty report (DuckDB globs, BI tools, spark.read).
        rows.coalesce(1).write().mode(SaveMode.Append).parquet(dir + "/" + e.getKey());
      }
      outputs.add(new OutputRecord(e.getKey(), e.getKey() + "/", "parquet", count));
    }

    rowsSparkContext(tables.rejected().rows()).setJobDescription("report: CSV files");
    CsvReportWriter csv = new CsvReportWriter(storage);
    ReportTables.Table rollup = tables.parquet().get(ReportTables.ROLLUP);
    if (rollup != null) {
      long rows =
          labelled(csv, ReportTables.ROLLUP).write(sorted(rollup), dir + "/csv/rollup.csv");
      // Listed right after the roll-up's Parquet: the first table a reader sees.
      int at = 0;
      while (at < outputs.size() && !outputs.get(at).name().equals(ReportTables.ROLLUP)) {
        at++;
      }
      outputs.add(
          Math.min(at + 1, outputs.size()),
          new OutputRecord("csv_rollup", "csv/rollup.csv", "csv", rows));
    }
    Map<String, String> byIndustry = new LinkedHashMap<>();
    for (Industry i : config.allIndustries()) {
      byIndustry.put(i.code(), dir + "/csv/" + i.code() + ".csv");
    }
    String all = dir + "/csv/all_industries.csv";
    Map<String, Long> counts =
        labelled(csv, ReportTables.GAPS)
            .writeSplit(sorted(tables.parquet().get(ReportTables.GAPS)), "industry", byIndustry, all);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String relative = e.getKey().substring(dir.length() + 1);
      String name = relative.substring("csv/".length(), relative.length() - ".csv".length());
      outputs.add(new OutputRecord("csv_" + name, relative, "csv", e.getValue()));
    }
    long rejected =
        labelled(csv, "rejected_rows").write(sorted(tables.rejected()), dir + "/rejected_rows.csv");
    outputs.add(new OutputRecord("rejected_rows", "rejected_rows.csv", "csv", rejected));
    ReportTables.Table changes = tables.parquet().get(ChangesReport.NAME);
    if (changes != null) {
      long n = csv.write(sorted(changes), dir + "/csv/changes.csv");
      outputs.add(new OutputRecord("csv_changes", "csv/changes.csv", "csv", n));
    }
    return outputs;
  }

  private CsvReportWriter labelled(CsvReportWriter csv, String table) {
    return csv.withHeader(columns -> ColumnDictionary.header(table, columns, csvHeaders));
  }

  private static org.apache.spark.SparkContext rowsSparkContext(Dataset<Row> rows) {
    return rows.sparkSession().sparkContext();
  }

  /**
   * Rows in key order, in partitions of at most {@link #CSV_ROWS_PER_PARTITION} rows (a range
   * partitioning, sorted within): CsvReportWriter streams them to the driver one partition at a
   * time, so the driver holds that many rows at most however large the input (rejected rows grow
   * with it). A plain orderBy would make partitions of total / spark.sql.shuffle.partitions rows.
   */
  private static Dataset<Row> sorted(ReportTables.Table table) {
    return sorted(table.rows(), table.key(), CSV_ROWS_PER_PARTITION);
  }

  static Dataset<Row> sorted(Dataset<Row> rows, List<String> key, long rowsPerPartition) {
    long needed = (rows.count() + rowsPerPartition - 1) / rowsPerPartition;
    int partitions = (int) Math.max(1, Math.min(needed, 10_000));
    return rows.repartitionByRange(partitions, columns(key)).sortWithinPartitions(columns(key));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
