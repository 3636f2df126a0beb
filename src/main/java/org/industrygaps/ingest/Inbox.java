package org.industrygaps.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.industrygaps.storage.Storage;

/** The drops waiting in the inbox folder, in arrival order (their names sort that way). */
public final class Inbox {
  /** The data files a drop may hold; anything else (drop.json, README) is not data. */
  static final Set<String> DATA_EXTENSIONS = Set.of("csv", "tsv", "parquet");

  private Inbox() {}

  public static List<Drop> list(Storage storage, String inbox) {
    if (!storage.exists(inbox)) {
      throw new InputException(inbox + ": the inbox folder does not exist");
    }
    List<Drop> drops = new ArrayList<>();
    for (FileStatus entry : storage.list(inbox)) {
      String id = entry.getPath().getName();
      if (!entry.isDirectory() || id.startsWith(".") || id.startsWith("_")) {
        continue;
      }
      List<Drop.DropFile> files = new ArrayList<>();
      List<Drop.DropFile> descriptor = new ArrayList<>();
      for (FileStatus f : storage.list(entry.getPath().toString())) {
        String name = f.getPath().getName();
        Drop.DropFile file = new Drop.DropFile(id + "/" + name, f.getPath().toString(), f.getLen(),
            java.time.Instant.ofEpochMilli(f.getModificationTime()).toString());
        if (f.isFile() && !name.startsWith(".") && DATA_EXTENSIONS.contains(extension(name))) {
          files.add(file);
        } else if (f.isFile() && name.equals(DropDescriptorLoader.FILE_NAME)) {
          descriptor.add(file);
        }
      }
      drops.add(
          new Drop(id, entry.getPath().toString(), List.copyOf(files), List.copyOf(descriptor)));
    }
    return drops;
  }

  /** Whether data file {@code name} is a Parquet file (else CSV or TSV text). */
  static boolean isParquet(String name) {
    return extension(name).equals("parquet");
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
