package org.industrygaps.ingest;

import java.util.List;

/**
 * A data drop: a folder of the inbox whose name sorts in arrival order, its data files, and its
 * {@code drop.json} ({@code descriptor}: that one file, or none).
 */
public record Drop(String id, String path, List<DropFile> files, List<DropFile> descriptor) {

  /** A drop without drop.json. */
  public Drop(String id, String path, List<DropFile> files) {
    this(id, path, files, List.of());
  }

  /**
   * A data file of a drop: {@code name} is {@code <drop>/<file name>}, as reports show it;
   * {@code modifiedAt} its modification time (ISO-8601, null when unknown).
   */
  public record DropFile(String name, String path, long bytes, String modifiedAt) {
    public DropFile(String name, String path, long bytes) {
      this(name, path, bytes, null);
    }
  }
}
