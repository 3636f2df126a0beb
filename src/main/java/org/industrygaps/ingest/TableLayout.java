package org.industrygaps.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.industrygaps.config.Names;

/**
 * How the records of one file (CSV lines or Parquet rows) become observations, decided from its
 * header and its {@link FileSpec}: in the long layout each record is one row; in the wide layout
 * (a yearbook table) each value cell of a record is one row, whose other fields come from the
 * value column's settings, the record's id columns (region …) and the file's defaults.
 */
final class TableLayout {
  /** The observation fields every row needs (value aside). */
  private static final List<DropColumn> KEY =
      List.of(DropColumn.YEAR, DropColumn.REGION, DropColumn.INDUSTRY, DropColumn.INDICATOR,
          DropColumn.UNIT);

  /** A value column of a wide table: its index, header and what it stands for. */
  private record ValueCell(int index, String header, DropDescriptor.Fixed fixed) {}

  /** The layout of a file, or the file problem that its header is. */
  record Result(TableLayout layout, RejectReason problem, String detail) {}

  private final FileSpec spec;
  private final Map<DropColumn, Integer> columns;
  private final List<ValueCell> values;
  private final int width;

  private TableLayout(
      FileSpec spec, Map<DropColumn, Integer> columns, List<ValueCell> values, int width) {
    this.spec = spec;
    this.columns = columns;
    this.values = values;
    this.width = width;
  }

  /**
   * The layout that {@code header} (the header line of a CSV file, or the column names of a
   * Parquet file, as {@code what} says) and {@code spec} describe.
   */
  static Result of(CsvRecord header, FileSpec spec, String what) {
    if (header.isMalformed()) {
      return problem(RejectReason.FILE_NO_HEADER,
          "no header: " + what + " cannot be split into fields (" + header.malformed()
              + "); found: " + header.raw());
    }
    List<String> fields = header.fields();
    boolean wide = spec.layout() == FileSpec.Layout.WIDE;
    List<ValueCell> values = new ArrayList<>();
    Map<DropColumn, Integer> columns = new EnumMap<>(DropColumn.class);
    Set<Integer> used = new LinkedHashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      DropDescriptor.Fixed v = wide ? spec.valueColumn(fields.get(i)) : null;
      if (v != null) {
        values.add(new ValueCell(i, fields.get(i).strip(), v));
        used.add(i);
      }
    }
    // drop.json's column mapping first, then the standard English and Chinese names.
    for (int i = 0; i < fields.size(); i++) {
      DropColumn c = spec.mapped(fields.get(i));
      if (c != null && !used.contains(i) && !columns.containsKey(c)) {
        columns.put(c, i);
        used.add(i);
      }
    }
    for (int i = 0; i < fields.size(); i++) {
      String name = Names.normalize(fields.get(i));
      for (DropColumn c : DropColumn.values()) {
        if (!used.contains(i) && !columns.containsKey(c)
            && c.headers().stream().anyMatch(h -> Names.normalize(h).equals(name))) {
          columns.put(c, i);
          used.add(i);
        }
      }
    }
    if (wide) {
      columns.remove(DropColumn.VALUE);
    }
    if (columns.isEmpty() && values.isEmpty()) {
      return problem(RejectReason.FILE_NO_HEADER,
          "no header: " + what + " names none of the columns year, region, industry, indicator,"
              + " value, unit (or 年份, 地区, 产业, 指标, 数值, 单位, or a name drop.json maps);"
              + " found: " + header.raw());
    }
    List<String> missing = new ArrayList<>();
    if (wide) {
      Set<String> found = values.stream().map(v -> Names.normalize(v.header())).collect(
          Collectors.toSet());
      spec.valueColumns().keySet().stream()
          .filter(h -> !found.contains(Names.normalize(h)))
          .sorted()
          .forEach(h -> missing.add("'" + h + "' (drop.json value_columns)"));
      for (DropColumn c : KEY) {
        List<String> without = values.stream()
            .filter(v -> v.fixed().get(c) == null && !columns.containsKey(c)
                && spec.defaults().get(c) == null)
            .map(ValueCell::header)
            .toList();
        if (!without.isEmpty()) {
          missing.add(c.code() + " (for value column " + String.join(", ", without) + ")");
        }
      }
    } else {
      Stream.of(DropColumn.values())
          .filter(c -> c.required() && !columns.containsKey(c) && spec.defaults().get(c) == null)
          .forEach(c -> missing.add(c.code()));
    }
    if (!missing.isEmpty()) {
      return problem(RejectReason.FILE_MISSING_COLUMNS,
          "missing required columns in " + what + ": " + String.join(", ", missing)
              + " (map them or give defaults in drop.json); found: " + header.raw());
    }
    return new Result(new TableLayout(spec, columns, values, fields.size()), null, null);
  }

  private static Result problem(RejectReason reason, String detail) {
    return new Result(null, reason, detail);
  }

  /** The rows of {@code record}: one in the long layout, one per value column in the wide. */
  List<IngestRow> rows(
      ObservationValidator validator, String drop, String file, CsvRecord record) {
    String malformed = record.isMalformed() ? record.malformed() : widthProblem(record.fields());
    if (values.isEmpty()) {
      return List.of(malformed != null
          ? IngestRow.rejected(drop, file, record.line(), record.raw(),
              RejectReason.MALFORMED_LINE, malformed)
          : validator.validate(drop, file, record.line(), record.raw(), cells(record, null)));
    }
    List<IngestRow> rows = new ArrayList<>(values.size());
    for (ValueCell v : values) {
      IngestRow row = malformed != null
          ? IngestRow.rejected(drop, file, record.line(), record.raw(),
              RejectReason.MALFORMED_LINE, malformed)
          : validator.validate(drop, file, record.line(), record.raw(), cells(record, v));
      rows.add(row.accepted()
          ? row
          : row.withDetail("column '" + v.header() + "': " + row.detail()));
    }
    return rows;
  }

  /** Why the fields do not line up with the header, or null. */
  private String widthProblem(List<String> fields) {
    if (fields.size() < width
        || !fields.subList(width, fields.size()).stream().allMatch(String::isBlank)) {
      return "expected " + width + " fields as in the header, found " + fields.size();
    }
    return null;
  }

  /** Every column's text for one row: from the value cell, its settings, the record, defaults. */
  private Map<DropColumn, String> cells(CsvRecord record, ValueCell value) {
    Map<DropColumn, String> cell = new EnumMap<>(DropColumn.class);
    for (DropColumn c : DropColumn.values()) {
      String text = null;
      if (value != null && c == DropColumn.VALUE) {
        text = record.fields().get(value.index()).strip();
      } else if (value != null && value.fixed().get(c) != null) {
        text = value.fixed().get(c);
      } else {
        Integer index = columns.get(c);
        text = index == null ? null : record.fields().get(index).strip();
        if (text == null || text.isEmpty()) {
          text = c == DropColumn.SOURCE ? spec.source() : spec.defaults().get(c);
        }
      }
      cell.put(c, text == null ? "" : text);
    }
    return cell;
  }
}
