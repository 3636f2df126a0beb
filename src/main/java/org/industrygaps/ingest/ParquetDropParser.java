package org.industrygaps.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads one Parquet file of a drop (the canonical long format, or what drop.json maps) into
 * {@link IngestRow}s, with the same layout and validation as a CSV file: row {@code n} of the file
 * (1-based, over all row groups) is line {@code n}, and its raw content is the row rendered as a
 * CSV line. Cells become text first (a year may be an integer or a string, a value a double, a
 * decimal or a string). A file that is not Parquet, or whose columns are nested, is a file problem.
 * Pure Java: runs in a test and in a Spark task alike, streaming one row group at a time.
 */
public final class ParquetDropParser implements Serializable {
  private final ObservationValidator validator;

  public ParquetDropParser(ObservationValidator validator) {
    this.validator = validator;
  }

  /** The rows of Parquet file {@code file} ({@code <drop>/<name>}) of drop {@code drop}. */
  public Iterator<IngestRow> parse(String drop, String file, FileSpec spec, InputFile input) {
    ParquetFileReader reader;
    try {
      if (input.getLength() == 0) {
        return DropFileParser.single(drop, file, RejectReason.FILE_EMPTY, "the file is empty");
      }
      if (!hasMagic(input)) {
        return DropFileParser.single(drop, file, RejectReason.FILE_UNREADABLE,
            "not a Parquet file: it does not start and end with the bytes PAR1");
      }
      reader = ParquetFileReader.open(input);
    } catch (IOException | RuntimeException e) {
      return DropFileParser.single(
          drop, file, RejectReason.FILE_UNREADABLE, "not a readable Parquet file: " + message(e));
    }
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    String unsupported =
        schema.getFields().stream()
            .filter(t -> !t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)
                || t.asPrimitiveType().getPrimitiveTypeName()
                    == PrimitiveType.PrimitiveTypeName.INT96)
            .map(t -> t.getName() + " (" + t + ")")
            .collect(Collectors.joining(", "));
    List<String> names = schema.getFields().stream().map(Type::getName).toList();
    TableLayout.Result layout =
        unsupported.isEmpty()
            ? TableLayout.of(new CsvRecord(0, csv(names), names, null), spec, "the Parquet schema")
            : new TableLayout.Result(null, RejectReason.FILE_UNREADABLE,
                "columns a drop cannot hold (nested, repeated or INT96): " + unsupported);
    if (layout.problem() != null) {
      close(reader);
      return DropFileParser.single(drop, file, layout.problem(), layout.detail());
    }
    return new Rows(drop, file, reader, schema, layout.layout());
  }

  /** Whether {@code input} starts and ends with Parquet's magic bytes. */
  private static boolean hasMagic(InputFile input) throws IOException {
    long length = input.getLength();
    if (length < 12) {
      return false;
    }
    byte[] head = new byte[4];
    byte[] tail = new byte[4];
    try (SeekableInputStream in = input.newStream()) {
      in.readFully(head);
      in.seek(length - 4);
      in.readFully(tail);
    }
    byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
    return Arrays.equals(head, magic) && Arrays.equals(tail, magic);
  }

  private static String message(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
    }
    return sb.toString();
  }

  /** Closes {@code reader}; what it read is complete, so a failing close changes nothing. */
  private static void close(ParquetFileReader reader) {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing to do: the rows are read
    }
  }

  /** The text of field {@code i} of {@code row} ("" when null). */
  static String text(Group row, int i) {
    if (row.getFieldRepetitionCount(i) == 0) {
      return "";
    }
    PrimitiveType type = row.getType().getType(i).asPrimitiveType();
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      BigInteger unscaled = switch (type.getPrimitiveTypeName()) {
        case INT32 -> BigInteger.valueOf(row.getInteger(i, 0));
        case INT64 -> BigInteger.valueOf(row.getLong(i, 0));
        default -> new BigInteger(row.getBinary(i, 0).getBytes());
      };
      return new BigDecimal(unscaled, d.getScale()).toPlainString();
    }
    return switch (type.getPrimitiveTypeName()) {
      case INT32 -> Integer.toString(row.getInteger(i, 0));
      case INT64 -> Long.toString(row.getLong(i, 0));
      case FLOAT -> number(Float.toString(row.getFloat(i, 0)));
      case DOUBLE -> number(Double.toString(row.getDouble(i, 0)));
      case BOOLEAN -> Boolean.toString(row.getBoolean(i, 0));
      default -> row.getBinary(i, 0).toStringUsingUTF8();
    };
  }

  /** A float as plain decimal text (2024.0 → 2024, 1.0E8 → 100000000); NaN stays "NaN". */
  private static String number(String javaText) {
    try {
      return new BigDecimal(javaText).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return javaText;
    }
  }

  /** {@code cells} as one CSV line (RFC 4180 quoting). */
  static String csv(List<String> cells) {
    return cells.stream()
        .map(c -> c.indexOf(',') < 0 && c.indexOf('"') < 0 && c.indexOf('\n') < 0
            && c.indexOf('\r') < 0 ? c : '"' + c.replace("\"", "\"\"") + '"')
        .collect(Collectors.joining(","));
  }

  /** The rows, one row group at a time; a read error ends them with a file-problem row. */
  private final class Rows extends RowBuffer {
    private final String drop;
    private final String file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final TableLayout layout;
    private RecordReader<Group> group;
    private long leftInGroup;
    private long row;

    Rows(String drop, String file, ParquetFileReader reader, MessageType schema,
        TableLayout layout) {
      this.drop = drop;
      this.file = file;
      this.reader = reader;
      this.schema = schema;
      this.layout = layout;
    }

    @Override
    protected boolean fill(Deque<IngestRow> rows) {
      List<String> fields;
      try {
        fields = read();
      } catch (IOException | RuntimeException e) {
        close(reader);
        rows.add(IngestRow.rejected(drop, file, 0, null, RejectReason.FILE_UNREADABLE,
            "cannot be read after row " + row + ": " + message(e)));
        return false;
      }
      if (fields == null) {
        close(reader);
        return false;
      }
      CsvRecord record = new CsvRecord(row, csv(fields), fields, null);
      rows.addAll(layout.rows(validator, drop, file, record));
      return true;
    }

    /** The cells of the next row, or null after the last. */
    private List<String> read() throws IOException {
      while (leftInGroup == 0) {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          return null;
        }
        leftInGroup = pages.getRowCount();
        group = new ColumnIOFactory().getColumnIO(schema)
            .getRecordReader(pages, new GroupRecordConverter(schema));
      }
      Group g = group.read();
      leftInGroup--;
      row++;
      List<String> fields = new ArrayList<>(schema.getFieldCount());
      for (int i = 0; i < schema.getFieldCount(); i++) {
        fields.add(text(g, i));
      }
      return fields;
    }
  }
}
