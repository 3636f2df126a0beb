package org.industrygaps.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.Row;
import org.industrygaps.storage.Storage;

/**
 * Writes CSV files with stable names (Spark's writer names files part-0000…): rows stream from the
 * executors one partition at a time, so the driver never holds a whole report.
 */
public final class CsvReportWriter {
  /** A formatted line and the value it is split by. */
  private static final StructType LINES =
      new StructType()
          .add("split", DataTypes.StringType)
          .add("line", DataTypes.BinaryType);

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
   * Writes {@code rows} to {@code allPath} and each row also to the file of its value of
   * {@code column} in {@code byValue} (every file of {@code byValue} is written, with its header
   * even when no row falls in it). Returns the row count of each path.
   */
  public Map<String, Long> writeSplit(
      Dataset<Row> rows, String column, Map<String, String> byValue, String allPath) {
    Map<String, Long> counts = new LinkedHashMap<>();
    String[] header = rows.columns();
    Map<String, OutputStream> outs = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>(byValue.values());
    paths.add(allPath);
    try {
      for (String path : paths) {
        OutputStream out = storage.create(path);
        out.write(CsvFormat.BOM);
        out.write(CsvFormat.line((Object[]) this.header.apply(header.clone())));
        outs.put(path, out);
        counts.put(path, 0L);
      }
      int index = column == null ? -1 : List.of(header).indexOf(column);
      // Lines are formatted by the executors, in parallel and in the rows' order; the driver only
      // appends their bytes to the files.
      Dataset<Row> lines =
          rows.map(
              (MapFunction<Row, Row>) row -> {
                Object[] cells = new Object[row.length()];
                for (int i = 0; i < cells.length; i++) {
                  cells[i] = row.get(i);
                }
                return RowFactory.create(
                    index >= 0 ? String.valueOf(row.get(index)) : null, CsvFormat.line(cells));
              },
              Encoders.row(LINES));
      Iterator<Row> it = lines.toLocalIterator();
      while (it.hasNext()) {
        Row row = it.next();
        byte[] line = (byte[]) row.get(1);
        outs.get(allPath).write(line);
        counts.merge(allPath, 1L, Long::sum);
        if (index >= 0) {
          String own = byValue.get(row.getString(0));
          if (own != null) {
            outs.get(own).write(line);
            counts.merge(own, 1L, Long::sum);
          }
        }
      }
      for (OutputStream out : outs.values()) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CSV reports", e);
    }
    return counts;
  }
}
