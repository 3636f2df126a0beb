package org.industrygaps.warehouse;

import java.util.List;

/** The registry entry of an ingested drop; written last, it commits the drop to the warehouse. */
public record DropRecord(String drop, String ingestedAt, String runId, List<FileRecord> files) {

  public long rowsRead() {
    return files.stream().mapToLong(FileRecord::rowsRead).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileRecord::rowsRejected).sum();
  }
}
