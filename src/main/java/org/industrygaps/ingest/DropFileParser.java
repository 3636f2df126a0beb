package org.industrygaps.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.industrygaps.config.Names;

/**
 * Reads one CSV file of a drop, streaming, into {@link IngestRow}s: one per record after the
 * header, or a single file-problem row (line 0) when the file as a whole cannot be read. Pure Java,
 * so it runs the same in a test and inside a Spark task.
 */
public final class DropFileParser implements java.io.Serializable {
  private final ObservationValidator validator;

  public DropFileParser(ObservationValidator validator) {
    this.validator = validator;
  }

  /** The rows of {@code file} (its path, as reports show it) of drop {@code drop}. */
  public Iterator<IngestRow> parse(String drop, String file, InputStream stream) {
    try {
      BufferedInputStream in = new BufferedInputStream(stream, TextEncoding.SNIFF_BYTES + 1);
      TextEncoding.Detected encoding = TextEncoding.detect(in);
      if (encoding == null) {
        return single(drop, file, RejectReason.FILE_UNDECODABLE,
            "the file is neither UTF-8 nor GB18030 text");
      }
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  TextEncoding.skipBom(in, encoding), TextEncoding.strict(encoding.charset())),
              1 << 16);
      char delimiter = file.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
      CsvRecordReader records = new CsvRecordReader(reader, delimiter);
      if (!records.hasNext()) {
        return single(drop, file, RejectReason.FILE_EMPTY, "the file has no header and no rows");
      }
      CsvRecord header = records.next();
      Map<DropColumn, Integer> columns = columns(header);
      List<DropColumn> missing =
          List.of(DropColumn.values()).stream()
              .filter(c -> c.required() && !columns.containsKey(c))
              .toList();
      if (header.isMalformed() || !missing.isEmpty()) {
        return single(drop, file, RejectReason.FILE_NO_HEADER,
            "line " + header.line() + " is not a header with the columns year, region, industry,"
                + " indicator, value, unit (or 年份, 地区, 产业, 指标, 数值, 单位); missing: "
                + missing.stream().map(DropColumn::code).collect(Collectors.joining(", "))
                + "; found: " + header.raw());
      }
      return new Rows(drop, file, records, columns, header.fields().size());
    } catch (IOException | UncheckedIOException e) {
      return single(drop, file, problem(e), message(e));
    }
  }

  /** Maps header cells to columns: first cell that names a column wins. */
  static Map<DropColumn, Integer> columns(CsvRecord header) {
    Map<DropColumn, Integer> columns = new EnumMap<>(DropColumn.class);
    List<String> fields = header.fields();
    for (int i = 0; i < fields.size(); i++) {
      String name = Names.normalize(fields.get(i));
      for (DropColumn c : DropColumn.values()) {
        if (!columns.containsKey(c)
            && c.headers().stream().anyMatch(h -> Names.normalize(h).equals(name))) {
          columns.put(c, i);
        }
      }
    }
    return columns;
  }

  private static RejectReason problem(Exception e) {
    return TextEncoding.isDecodingError(e)
        ? RejectReason.FILE_UNDECODABLE
        : RejectReason.FILE_UNREADABLE;
  }

  private static String message(Exception e) {
    String m = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
    return TextEncoding.isDecodingError(e)
        ? "bytes that are not valid text in the file's encoding at " + m
        : "cannot be read: " + m;
  }

  private static Iterator<IngestRow> single(
      String drop, String file, RejectReason reason, String detail) {
    return List.of(IngestRow.rejected(drop, file, 0, null, reason, detail)).iterator();
  }

  /** The data rows; a decoding error mid-file ends them with a file-problem row. */
  private final class Rows implements Iterator<IngestRow> {
    private final String drop;
    private final String file;
    private final CsvRecordReader records;
    private final Map<DropColumn, Integer> columns;
    private final int width;
    private boolean failed;
    private UncheckedIOException error;

    Rows(String drop, String file, CsvRecordReader records, Map<DropColumn, Integer> columns,
        int width) {
      this.drop = drop;
      this.file = file;
      this.records = records;
      this.columns = columns;
      this.width = width;
    }

    @Override
    public boolean hasNext() {
      if (failed) {
        return false;
      }
      try {
        return records.hasNext();
      } catch (UncheckedIOException e) {
        error = e; // next() reports it
        return true;
      }
    }

    @Override
    public IngestRow next() {
      if (failed) {
        throw new NoSuchElementException();
      }
      try {
        if (error != null) {
          throw error;
        }
        return validator.validate(drop, file, records.next(), columns, width);
      } catch (UncheckedIOException e) {
        failed = true;
        return IngestRow.rejected(drop, file, 0, null, problem(e), message(e));
      }
    }
  }
}
