package org.industrygaps.warehouse;

import java.util.List;

/**
 * The registry entry of an ingested drop; written last, it commits the drop to the warehouse.
 * {@code source} and {@code publicationDate} come from the drop's drop.json (null without one).
 */
public record DropRecord(
    String drop,
    String source,
    String publicationDate,
    String ingestedAt,
    String runId,
    List<FileRecord> files) {

  public long rowsRead() {
    return files.stream().mapToLong(FileRecord::rowsRead).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileRecord::rowsRejected).sum();
  }
}
