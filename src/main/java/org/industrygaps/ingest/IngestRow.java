package org.industrygaps.ingest;

import java.io.Serializable;

/**
 * What ingest made of one row of a drop file: an observation in the canonical unit, or a rejection
 * with its reason. Line 0 stands for the whole file (a file problem). {@code seriesBreak} is true
 * when the value starts a new statistical basis.
 */
public record IngestRow(
    String drop,
    String file,
    long line,
    String raw,
    Integer year,
    String region,
    String industry,
    String indicator,
    Double value,
    String unit,
    Double reportedValue,
    String reportedUnit,
    String source,
    String note,
    RejectReason reason,
    String detail,
    boolean seriesBreak)
    implements Serializable {

  /** A row without a series break. */
  public IngestRow(
      String drop, String file, long line, String raw, Integer year, String region,
      String industry, String indicator, Double value, String unit, Double reportedValue,
      String reportedUnit, String source, String note, RejectReason reason, String detail) {
    this(drop, file, line, raw, year, region, industry, indicator, value, unit, reportedValue,
        reportedUnit, source, note, reason, detail, false);
  }

  public boolean accepted() {
    return reason == null;
  }

  /** This row with another detail. */
  IngestRow withDetail(String text) {
    return new IngestRow(
        drop, file, line, raw, year, region, industry, indicator, value, unit, reportedValue,
        reportedUnit, source, note, reason, text);
  }

  static IngestRow rejected(
      String drop, String file, long line, String raw, RejectReason reason, String detail) {
    return new IngestRow(
        drop, file, line, raw, null, null, null, null, null, null, null, null, null, null, reason,
        detail);
  }
}
