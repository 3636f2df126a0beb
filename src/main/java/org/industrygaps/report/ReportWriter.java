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
  private final Storage storage;
  private final PlanConfig config;

  public ReportWriter(Storage storage, PlanConfig config) {
    this.storage = storage;
    this.config = config;
  }

  /** Writes {@code tables} under {@code dir}; returns what was written with row counts. */
  public List<OutputRecord> write(ReportTables tables, String dir) {
    List<OutputRecord> outputs = new ArrayList<>();
    for (Map.Entry<String, ReportTables.Table> e : tables.parquet().entrySet()) {
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
      org.industrygaps.cli.Progress.info("  wrote " + e.getKey() + ": " + count + " rows");
    }

    CsvReportWriter csv = new CsvReportWriter(storage);
    Map<String, String> byIndustry = new LinkedHashMap<>();
    for (Industry i : config.allIndustries()) {
      byIndustry.put(i.code(), dir + "/csv/" + i.code() + ".csv");
    }
    String all = dir + "/csv/all_industries.csv";
    Map<String, Long> counts =
        csv.writeSplit(sorted(tables.parquet().get(ReportTables.GAPS)), "industry", byIndustry, all);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String relative = e.getKey().substring(dir.length() + 1);
      String name = relative.substring("csv/".length(), relative.length() - ".csv".length());
      outputs.add(new OutputRecord("csv_" + name, relative, "csv", e.getValue()));
    }
    long rejected = csv.write(sorted(tables.rejected()), dir + "/rejected_rows.csv");
    outputs.add(new OutputRecord("rejected_rows", "rejected_rows.csv", "csv", rejected));
    ReportTables.Table changes = tables.parquet().get(ChangesReport.NAME);
    if (changes != null) {
      long n = csv.write(sorted(changes), dir + "/csv/changes.csv");
      outputs.add(new OutputRecord("csv_changes", "csv/changes.csv", "csv", n));
    }
    tables.parquet().values().forEach(t -> t.rows().unpersist());
    return outputs;
  }

  private static Dataset<Row> sorted(ReportTables.Table table) {
    return table.rows().orderBy(columns(table.key()));
  }

  private static Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }
}
