package org.industrygaps.ingest;

import java.io.Serializable;
import java.util.Map;
import org.industrygaps.config.Names;

/**
 * How to read one data file of a drop, resolved from its drop's {@code drop.json} (drop-wide
 * settings, replaced by the file's own): the encoding ({@code auto}, {@code utf-8} or
 * {@code gb18030}), the layout, the line of the header, the header names mapped to columns, the
 * value columns of a wide table, the defaults and the source. Serializable: shipped with the task.
 */
public record FileSpec(
    String encoding,
    Layout layout,
    int headerLine,
    Map<String, DropColumn> columns,
    Map<String, DropDescriptor.Fixed> valueColumns,
    DropDescriptor.Fixed defaults,
    String source)
    implements Serializable {

  /** Long: one observation per row. Wide: one per value cell (a yearbook table). */
  public enum Layout {
    LONG,
    WIDE
  }

  public static final String AUTO = "auto";

  /** A file of a drop without {@code drop.json}: detected encoding, long layout, no defaults. */
  public static final FileSpec DEFAULT =
      new FileSpec(AUTO, Layout.LONG, 1, Map.of(), Map.of(), DropDescriptor.Fixed.NONE, null);

  public FileSpec {
    columns = Map.copyOf(columns);
    valueColumns = Map.copyOf(valueColumns);
  }

  /** The column that drop.json maps header {@code name} to, or null. */
  DropColumn mapped(String name) {
    return named(columns, name);
  }

  /** The value column that header {@code name} is, or null. */
  DropDescriptor.Fixed valueColumn(String name) {
    return named(valueColumns, name);
  }

  /** The entry of {@code byHeader} for header {@code name}, compared as names are; or null. */
  private static <T> T named(Map<String, T> byHeader, String name) {
    String n = Names.normalize(name);
    return byHeader.entrySet().stream()
        .filter(e -> Names.normalize(e.getKey()).equals(n))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
