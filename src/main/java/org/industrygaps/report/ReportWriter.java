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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.storage.Storage;

/**
 * Writes a report set into one folder in the layout of PRODUCT.md: Parquet partitioned by
 * industry, one CSV per industry plus all industries, and the rejected rows.
 */
public final class ReportWriter {
  /** The most rows of a CSV report one task sorts and writes (about 25 MB of rejected rows). */
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

  /**
   * What {@link #write} made: the outputs with their row counts, and the report tables as written
   * (read back from the Parquet files, in the same column order).
   */
  public record Written(List<OutputRecord> outputs, ReportTables tables) {}

  /**
   * Writes {@code tables} under {@code dir}. Each Parquet table is computed once, by its write;
   * its row count is read from the footers of the files written (no count before the write), and
   * everything made after it (the CSV files, the summary page, the database) reads those files
   * rather than computing or caching the table again.
   */
  public Written write(ReportTables tables, String dir) {
    List<OutputRecord> outputs = new ArrayList<>();
    Map<String, ReportTables.Table> written = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<String, ReportTables.Table> e : tables.parquet().entrySet()) {
      Dataset<Row> rows = e.getValue().rows();
      SparkSession spark = rows.sparkSession();
      spark.sparkContext().setJobDescription("report: " + e.getKey());
      String path = dir + "/" + e.getKey();
      // One file per industry, rows in key order: what BI tools and readers expect.
      Dataset<Row> laidOut =
          e.getValue().inWriteOrder()
              ? rows
              : rows.repartition(col("industry")).sortWithinPartitions(columns(e.getValue().key()));
      laidOut
          .write()
          .options(plainDoubles(rows.schema()))
          .mode(SaveMode.ErrorIfExists)
          .partitionBy("industry")
          .parquet(path);
      long count = FooterCheck.footerRows(storage, path);
      if (count == 0) {
        // Spark writes no file for an empty partitioned table: one file with the schema (and no
        // rows) lets readers open an empty report (DuckDB globs, BI tools, spark.read).
        spark.createDataFrame(List.of(), rows.schema()).coalesce(1).write()
            .mode(SaveMode.Append).parquet(path);
      }
      outputs.add(new OutputRecord(e.getKey(), e.getKey() + "/", "parquet", count));
      counts.put(e.getKey(), count);
      written.put(e.getKey(), new ReportTables.Table(
          readBack(spark, path, rows.schema()), e.getValue().key()));
    }
    // Everything below reads the files just written: the cache the tables were computed from is
    // freed now, not after the summary page. At 50 million observations it filled Spark's storage
    // memory, and the summary's Parquet reads (whole row groups on the heap) ran out of a 1 GiB heap.
    tables.release();
    ReportTables read = new ReportTables(written, tables.rejected(), List.of());

    tables.rejected().rows().sparkSession().sparkContext().setJobDescription("report: CSV files");
    CsvReportWriter csv = new CsvReportWriter(storage);
    ReportTables.Table rollup = written.get(ReportTables.ROLLUP);
    if (rollup != null) {
      long rows =
          labelled(csv, ReportTables.ROLLUP)
              .write(sorted(rollup, counts.get(ReportTables.ROLLUP)), dir + "/csv/rollup.csv");
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
    Map<String, Long> csvCounts =
        labelled(csv, ReportTables.GAPS)
            .writeSplit(sorted(written.get(ReportTables.GAPS), counts.get(ReportTables.GAPS)),
                "industry", byIndustry, all);
    for (Map.Entry<String, Long> e : csvCounts.entrySet()) {
      String relative = e.getKey().substring(dir.length() + 1);
      String name = relative.substring("csv/".length(), relative.length() - ".csv".length());
      outputs.add(new OutputRecord("csv_" + name, relative, "csv", e.getValue()));
    }
    ReportTables.Table rejectedRows = tables.rejected();
    long rejected =
        labelled(csv, "rejected_rows")
            .write(sorted(rejectedRows, rejectedRows.rows().count()), dir + "/rejected_rows.csv");
    outputs.add(new OutputRecord("rejected_rows", "rejected_rows.csv", "csv", rejected));
    ReportTables.Table changes = written.get(ChangesReport.NAME);
    if (changes != null) {
      long n =
          csv.write(sorted(changes, counts.get(ChangesReport.NAME)), dir + "/csv/changes.csv");
      outputs.add(new OutputRecord("csv_changes", "csv/changes.csv", "csv", n));
    }
    return new Written(outputs, read);
  }

  /**
   * Parquet writer options that store the double columns of {@code schema} plain, without a
   * dictionary: their values (paths, shares, growth) are nearly all distinct, so the dictionary
   * only cost a hash look-up per value until it overflowed, in every row group. Rewriting the
   * trajectory of 10 million observations took 13.2–14.1 s instead of 17.5–17.7 s, 4 % larger;
   * labels and codes keep their dictionaries (docs/performance.md, fourteenth round).
   */
  private static Map<String, String> plainDoubles(StructType schema) {
    Map<String, String> options = new LinkedHashMap<>();
    for (StructField field : schema.fields()) {
      if (field.dataType().equals(DataTypes.DoubleType)) {
        options.put("parquet.enable.dictionary#" + field.name(), "false");
      }
    }
    return options;
  }

  /** The table written at {@code path}, with the columns of {@code schema} in their order. */
  private static Dataset<Row> readBack(SparkSession spark, String path, StructType schema) {
    return spark.read().schema(schema).parquet(path).select(columns(List.of(schema.fieldNames())));
  }

  private CsvReportWriter labelled(CsvReportWriter csv, String table) {
    return csv.withHeader(columns -> ColumnDictionary.header(table, columns, csvHeaders));
  }

  /**
   * Rows in key order, in partitions of at most {@link #CSV_ROWS_PER_PARTITION} rows (a range
   * partitioning, sorted within): CsvReportWriter's tasks write them in parallel, each holding that
   * many rows at most however large the input (rejected rows grow with it). A plain orderBy would
   * make partitions of total / spark.sql.shuffle.partitions rows.
   */
  private static Dataset<Row> sorted(ReportTables.Table table, long count) {
    return sorted(table.rows(), table.key(), count, CSV_ROWS_PER_PARTITION);
  }

  /** {@code rows} ({@code count} of them) in key order, in partitions of a bounded size. */
  static Dataset<Row> sorted(Dataset<Row> rows, List<String> key, long count, long rowsPerPartition) {
    long needed = (count + rowsPerPartition - 1) / rowsPerPartition;
    if (needed <= 1) {
      // One partition: no range sampling (a job of its own), one task sorts the few rows.
      return rows.coalesce(1).sortWithinPartitions(columns(key));
    }
    int partitions = (int) Math.min(needed, 10_000);
    return rows.repartitionByRange(partitions, columns(key)).sortWithinPartitions(columns(key));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
