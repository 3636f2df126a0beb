package org.industrygaps.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.storage.Storage;

/**
 * Writes CSV files with stable names (Spark's writer names files part-0000…). The executors format
 * and write the lines in parallel, each partition into part files of its own (one per run of rows
 * with the same split value); the driver then joins the parts in the rows' order behind the BOM
 * and the header, and deletes them. No row passes through the driver.
 */
public final class CsvReportWriter {
  /** What a task wrote: one part file, the split value of its rows and where it goes. */
  private static final StructType PARTS =
      new StructType()
          .add("partition", DataTypes.IntegerType)
          .add("run", DataTypes.IntegerType)
          .add("split", DataTypes.StringType)
          .add("path", DataTypes.StringType)
          .add("lines", DataTypes.LongType);

  private static final int COPY_BUFFER = 1 << 20;

  private final Storage storage;
  private final UnaryOperator<String[]> header;

  public CsvReportWriter(Storage storage) {
    this(storage, UnaryOperator.identity());
  }

  private CsvReportWriter(Storage storage, UnaryOperator<String[]> header) {
    this.storage = storage;
    this.header = header;
  }

  /** The same writer with the header row {@code header} makes of the column names. */
  public CsvReportWriter withHeader(UnaryOperator<String[]> header) {
    return new CsvReportWriter(storage, header);
  }

  /** Writes {@code rows} to one CSV file; returns the row count. */
  public long write(Dataset<Row> rows, String path) {
    return writeSplit(rows, null, Map.of(), path).get(path);
  }

  /**
   * Writes {@code rows} (ordered: partition after partition, sorted within) to {@code allPath}
   * and each row also to the file of its value of {@code column} in {@code byValue} (every file of
   * {@code byValue} is written, with its header even when no row falls in it; the rows of one
   * value must be contiguous in each partition). Returns the row count of each path.
   */
  public Map<String, Long> writeSplit(
      Dataset<Row> rows, String column, Map<String, String> byValue, String allPath) {
    String[] columns = rows.columns();
    int index = column == null ? -1 : List.of(columns).indexOf(column);
    // Beside the file, hidden from readers that skip dot files; inside the run's staging folder,
    // so a run that dies here leaves them where the next run's recovery clears them.
    String partsDir = parent(allPath) + "/." + name(allPath) + ".parts";
    storage.delete(partsDir);
    List<Part> parts = writeParts(rows, index, partsDir);
    byte[] head = CsvFormat.line((Object[]) header.apply(columns.clone()));
    Map<String, Long> counts = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, String> file : byValue.entrySet()) {
        counts.put(file.getValue(), join(head, parts.stream()
            .filter(p -> file.getKey().equals(p.split())).toList(), file.getValue()));
      }
      counts.put(allPath, join(head, parts, allPath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV reports", e);
    }
    storage.delete(partsDir);
    return counts;
  }

  /** A part file written by a task, in the order the parts are joined. */
  private record Part(int partition, int run, String split, String path, long lines) {}

  /** The executors' step: every partition's rows formatted into part files under {@code dir}. */
  private List<Part> writeParts(Dataset<Row> rows, int index, String dir) {
    Storage files = storage;
    Dataset<Row> written =
        rows.mapPartitions(
            (MapPartitionsFunction<Row, Row>) it -> writePartition(it, index, files, dir).iterator(),
            Encoders.row(PARTS));
    List<Part> parts = new ArrayList<>();
    for (Row r : written.collectAsList()) {
      parts.add(new Part(r.getInt(0), r.getInt(1), r.getString(2), r.getString(3), r.getLong(4)));
    }
    parts.sort(Comparator.comparingInt(Part::partition).thenComparingInt(Part::run));
    return parts;
  }

  /**
   * Writes one partition's rows, a part file per run of rows with the same split value. The
   * attempt is in the name: a retried or speculative task never writes into another attempt's
   * file, and only the parts of the attempt whose result Spark keeps are joined.
   */
  private static List<Row> writePartition(
      Iterator<Row> rows, int index, Storage files, String dir) throws IOException {
    TaskContext task = TaskContext.get();
    List<Row> parts = new ArrayList<>();
    OutputStream out = null;
    String split = null;
    String path = null;
    long lines = 0;
    try {
      while (rows.hasNext()) {
        Row row = rows.next();
        String value = index >= 0 && !row.isNullAt(index) ? String.valueOf(row.get(index)) : null;
        if (out == null || !Objects.equals(value, split)) {
          if (out != null) {
            out.close();
            parts.add(RowFactory.create(task.partitionId(), parts.size(), split, path, lines));
          }
          split = value;
          path = String.format("%s/%05d-%05d-%d-%d.csv", dir, task.partitionId(), parts.size(),
              task.stageAttemptNumber(), task.attemptNumber());
          out = new BufferedOutputStream(files.create(path), 1 << 16);
          lines = 0;
        }
        Object[] cells = new Object[row.length()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = row.get(i);
        }
        out.write(CsvFormat.line(cells));
        lines++;
      }
      if (out != null) {
        out.close();
        out = null;
        parts.add(RowFactory.create(task.partitionId(), parts.size(), split, path, lines));
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
    return parts;
  }

  /** {@code path}: the BOM, {@code head} and {@code parts}' bytes in order; returns its rows. */
  private long join(byte[] head, List<Part> parts, String path) throws IOException {
    long lines = 0;
    byte[] buffer = new byte[COPY_BUFFER];
    try (OutputStream out = storage.create(path)) {
      out.write(CsvFormat.BOM);
      out.write(head);
      for (Part part : parts) {
        try (InputStream in = storage.open(part.path())) {
          for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
          }
        }
        lines += part.lines();
      }
    }
    return lines;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "." : path.substring(0, slash);
  }

  private static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
