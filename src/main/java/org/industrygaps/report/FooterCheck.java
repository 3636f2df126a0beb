package org.industrygaps.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.industrygaps.storage.Storage;

/**
 * The check before publishing: the row counts in the footers of the Parquet files written under a
 * staged run folder match the counts the manifest lists for its outputs (taken from the same
 * footers when the files were written: this catches a file lost, truncated or replaced since),
 * every CSV output exists, and a CSV made from a Parquet table has as many rows as the table (the
 * CSV rows were counted as they were streamed out of the files: this catches an incomplete CSV).
 * Footers only (parquet-hadoop through Hadoop's FileSystem), no Spark job: a few kilobytes read per
 * file.
 */
public final class FooterCheck {
  /** Staged outputs that disagree with the manifest. Exit status 1; nothing is published. */
  public static final class MismatchException extends RuntimeException {
    public MismatchException(String message) {
      super(message);
    }
  }

  /** The CSV outputs that hold every row of a Parquet table (by output name). */
  private static final Map<String, String> CSV_OF_TABLE =
      Map.of(
          "csv_all_industries", ReportTables.GAPS,
          "csv_rollup", ReportTables.ROLLUP,
          "csv_changes", ChangesReport.NAME);

  private FooterCheck() {}

  /** Verifies the outputs of {@code dir}; throws {@link MismatchException} listing every problem. */
  public static void verify(Storage storage, String dir, List<OutputRecord> outputs) {
    List<String> problems = new ArrayList<>();
    for (OutputRecord output : outputs) {
      String path = dir + "/" + output.path();
      if ("parquet".equals(output.format())) {
        long rows;
        try {
          rows = footerRows(storage, path);
        } catch (UncheckedIOException e) {
          problems.add(output.path() + ": " + e.getMessage() + " (" + e.getCause().getMessage() + ")");
          continue;
        }
        if (rows != output.rows()) {
          problems.add(output.path() + ": " + rows + " rows in the Parquet footers, "
              + output.rows() + " in the manifest");
        }
      } else if (!storage.exists(path)) {
        problems.add(output.path() + ": missing");
      }
    }
    Map<String, Long> rows = new HashMap<>();
    outputs.forEach(o -> rows.put(o.name(), o.rows()));
    CSV_OF_TABLE.forEach((csv, table) -> {
      if (rows.containsKey(csv) && rows.containsKey(table)
          && !rows.get(csv).equals(rows.get(table))) {
        problems.add(csv + ": " + rows.get(csv) + " rows, " + rows.get(table) + " in " + table);
      }
    });
    if (!problems.isEmpty()) {
      throw new MismatchException(
          "the staged reports do not match their manifest, nothing was published:\n  "
              + String.join("\n  ", problems));
    }
  }

  /** Rows in the footers of every Parquet file under {@code path}. */
  public static long footerRows(Storage storage, String path) {
    long rows = 0;
    // Options from the loaded configuration: ParquetFileReader.open(file) alone makes a new Hadoop
    // Configuration per file, parsing its XML defaults each time (most of the check's time).
    ParquetReadOptions options = HadoopReadOptions.builder(storage.hadoop()).build();
    for (FileStatus f : storage.listFiles(path, ".parquet")) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromStatus(f, storage.hadoop()), options)) {
        rows += reader.getRecordCount();
      } catch (IOException | RuntimeException e) { // parquet-hadoop throws both
        throw new UncheckedIOException("cannot read the Parquet footer of " + f.getPath(),
            e instanceof IOException io ? io : new IOException(e.getMessage(), e));
      }
    }
    return rows;
  }
}
