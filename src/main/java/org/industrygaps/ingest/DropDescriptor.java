package org.industrygaps.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * A drop's optional {@code drop.json}, as written: where the drop comes from, and how to read its
 * files (encoding, layout, column mapping, defaults), for all files and per file. Validated and
 * resolved per file by {@link DropDescriptorLoader} into a {@link FileSpec}. See docs/drops.md.
 */
public record DropDescriptor(
    String source,
    String publicationDate,
    String encoding,
    String layout,
    Integer headerLine,
    Map<String, String> columns,
    Map<String, Fixed> valueColumns,
    Fixed defaults,
    Map<String, FileEntry> files) {

  /** The drop-wide reading settings, as for a file. */
  FileEntry dropWide() {
    return new FileEntry(source, encoding, layout, headerLine, columns, valueColumns, defaults);
  }

  /** The reading settings of one file, each replacing the drop-wide one when given. */
  public record FileEntry(
      String source,
      String encoding,
      String layout,
      Integer headerLine,
      Map<String, String> columns,
      Map<String, Fixed> valueColumns,
      Fixed defaults) {}

  /**
   * Fixed values of the observation fields: the defaults of a file (used where a row has no such
   * column or an empty cell), or what a value column of a wide table stands for.
   */
  public record Fixed(Integer year, String region, String industry, String indicator, String unit)
      implements Serializable {

    /** The value of {@code column}, as text (null when not set or not fixable). */
    public String get(DropColumn column) {
      return switch (column) {
        case YEAR -> year == null ? null : year.toString();
        case REGION -> region;
        case INDUSTRY -> industry;
        case INDICATOR -> indicator;
        case UNIT -> unit;
        default -> null;
      };
    }

    /** {@code this}, with the fields {@code over} sets replaced. */
    Fixed overriddenBy(Fixed over) {
      if (over == null) {
        return this;
      }
      return new Fixed(
          over.year != null ? over.year : year,
          over.region != null ? over.region : region,
          over.industry != null ? over.industry : industry,
          over.indicator != null ? over.indicator : indicator,
          over.unit != null ? over.unit : unit);
    }

    static final Fixed NONE = new Fixed(null, null, null, null, null);
  }
}
