package org.industrygaps.ingest;

import java.util.Locale;

/**
 * Why a row of a drop was rejected (a row problem), or why a whole file was refused (a file
 * problem, which stops the job before anything is published).
 */
public enum RejectReason {
  MALFORMED_LINE,
  UNKNOWN_REGION,
  UNKNOWN_INDUSTRY,
  UNKNOWN_INDICATOR,
  INVALID_YEAR,
  YEAR_OUT_OF_RANGE,
  EMPTY_VALUE,
  NON_NUMERIC_VALUE,
  NEGATIVE_VALUE,
  UNIT_MISSING,
  UNIT_NOT_CONVERTIBLE,
  INVALID_SERIES_BREAK,
  DUPLICATE_ROW,
  CONFLICTING_DUPLICATE,
  FILE_EMPTY(true),
  FILE_NO_HEADER(true),
  FILE_MISSING_COLUMNS(true),
  FILE_UNDECODABLE(true),
  FILE_UNREADABLE(true);

  private final boolean wholeFile;

  RejectReason() {
    this(false);
  }

  RejectReason(boolean wholeFile) {
    this.wholeFile = wholeFile;
  }

  public boolean wholeFile() {
    return wholeFile;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
