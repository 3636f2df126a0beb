package org.industrygaps.ingest;

import java.util.List;

/**
 * One CSV record: its first physical line (1-based), its raw text, and its fields, or the reason it
 * could not be split into fields (then {@code fields} is empty).
 */
public record CsvRecord(long line, String raw, List<String> fields, String malformed) {
  public boolean isMalformed() {
    return malformed != null;
  }
}
