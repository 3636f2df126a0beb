package org.industrygaps.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads one CSV file of a drop, streaming, into {@link IngestRow}s: one per record after the
 * header (one per value cell in a wide table), or a single file-problem row (line 0) when the file
 * as a whole cannot be read. Pure Java, so it runs the same in a test and inside a Spark task.
 */
public final class DropFileParser implements java.io.Serializable {
  private final ObservationValidator validator;

  public DropFileParser(ObservationValidator validator) {
    this.validator = validator;
  }

  /** The rows of {@code file} ({@code <drop>/<name>}) of drop {@code drop}, read with defaults. */
  public Iterator<IngestRow> parse(String drop, String file, InputStream stream) {
    return parse(drop, file, FileSpec.DEFAULT, stream);
  }

  /** The rows of {@code file} of drop {@code drop}, read as {@code spec} says. */
  public Iterator<IngestRow> parse(String drop, String file, FileSpec spec, InputStream stream) {
    try {
      BufferedInputStream in = new BufferedInputStream(stream, TextEncoding.SNIFF_BYTES + 1);
      TextEncoding.Detected encoding;
      if (FileSpec.AUTO.equals(spec.encoding())) {
        encoding = TextEncoding.detect(in);
        if (encoding == null) {
          return single(drop, file, RejectReason.FILE_UNDECODABLE,
              "the file is neither UTF-8 nor GB18030 text" + TextEncoding.hint(in));
        }
      } else {
        encoding = TextEncoding.declared(in, Charset.forName(spec.encoding()));
        if (encoding == null) {
          return single(drop, file, RejectReason.FILE_UNDECODABLE,
              "drop.json declares the encoding " + spec.encoding() + " but the file starts with"
                  + " a UTF-8 byte order mark");
        }
      }
      BufferedReader reader =
          new BufferedReader(
              new StrictTextReader(TextEncoding.skipBom(in, encoding), encoding.charset()),
              1 << 16);
      char delimiter = file.toLowerCase(Locale.ROOT).endsWith(".tsv") ? '\t' : ',';
      CsvRecordReader records = new CsvRecordReader(reader, delimiter);
      if (!records.hasNext()) {
        return single(drop, file, RejectReason.FILE_EMPTY, "the file has no header and no rows");
      }
      CsvRecord header = records.next();
      while (header.line() < spec.headerLine() && records.hasNext()) {
        header = records.next(); // title lines above a yearbook table's header
      }
      if (header.line() < spec.headerLine()) {
        return single(drop, file, RejectReason.FILE_NO_HEADER,
            "no header: the file ends before line " + spec.headerLine()
                + " (drop.json header_line)");
      }
      TableLayout.Result layout = TableLayout.of(header, spec, "line " + header.line());
      if (layout.problem() != null) {
        return single(drop, file, layout.problem(), layout.detail());
      }
      return new Rows(drop, file, records, layout.layout());
    } catch (IOException | UncheckedIOException e) {
      return single(drop, file, problem(e), message(e));
    }
  }

  private static RejectReason problem(Exception e) {
    return TextEncoding.isDecodingError(e)
        ? RejectReason.FILE_UNDECODABLE
        : RejectReason.FILE_UNREADABLE;
  }

  private static String message(Exception e) {
    String m = e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage();
    return TextEncoding.isDecodingError(e) ? m : "cannot be read: " + m;
  }

  static Iterator<IngestRow> single(String drop, String file, RejectReason reason, String detail) {
    return List.of(IngestRow.rejected(drop, file, 0, null, reason, detail)).iterator();
  }

  /** The data rows; a decoding error mid-file ends them with a file-problem row. */
  private final class Rows extends RowBuffer {
    private final String drop;
    private final String file;
    private final CsvRecordReader records;
    private final TableLayout layout;

    Rows(String drop, String file, CsvRecordReader records, TableLayout layout) {
      this.drop = drop;
      this.file = file;
      this.records = records;
      this.layout = layout;
    }

    @Override
    protected boolean fill(Deque<IngestRow> rows) {
      try {
        if (!records.hasNext()) {
          return false;
        }
        rows.addAll(layout.rows(validator, drop, file, records.next()));
        return true;
      } catch (UncheckedIOException e) {
        rows.add(IngestRow.rejected(drop, file, 0, null, problem(e), message(e)));
        return false;
      }
    }
  }
}
