package org.industrygaps.warehouse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry entry of an ingested drop; written last, it commits the drop to the warehouse.
 * {@code source} and {@code publicationDate} come from the drop's drop.json (null without one).
 * {@code descriptor} is that drop.json as ingested (its size, time and sha256; empty without one,
 * null in registries written before it was recorded): how the files were read depends on it as
 * much as on the files.
 */
public record DropRecord(
    String drop,
    String source,
    String publicationDate,
    String ingestedAt,
    String runId,
    List<FileRecord> files,
    List<FileRecord> descriptor) {

  public long rowsRead() {
    return files.stream().mapToLong(FileRecord::rowsRead).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileRecord::rowsRejected).sum();
  }

  /**
   * The drop's accepted rows per year; empty when a file's were not recorded (older registries).
   */
  public Optional<Map<Integer, Long>> acceptedByYear() {
    Map<Integer, Long> years = new TreeMap<>();
    for (FileRecord f : files) {
      if (f.acceptedByYear() == null) {
        return Optional.empty();
      }
      f.acceptedByYear().forEach((year, rows) -> years.merge(year, rows, Long::sum));
    }
    return Optional.of(years);
  }
}
