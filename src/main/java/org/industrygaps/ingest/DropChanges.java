package org.industrygaps.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.industrygaps.warehouse.DropRecord;
import org.industrygaps.warehouse.FileRecord;

/**
 * How a drop in the inbox differs from what the warehouse ingested under its name, checked cheaply
 * (the rsync quick check): the file set and every file's size first; a file of the same size is
 * unchanged when its modification time is the one recorded at ingest; only a file of the same size
 * and another modification time (touched, copied again, or edited in place) is read, to compare its
 * sha256. A rerun therefore reads no byte of an unchanged drop.
 */
public final class DropChanges {
  private DropChanges() {}

  /**
   * The differences between {@code ingested} (the registry entry of the drop) and {@code drop} as
   * it is now, its data files and its drop.json, one line each; empty when the drop is unchanged.
   * {@code sha256} hashes a file given its path. A registry written before drop.json was recorded
   * compares the data files only.
   */
  public static List<String> of(
      DropRecord ingested, Drop drop, Function<String, String> sha256) {
    List<String> changes = new ArrayList<>(of(ingested.files(), drop.files(), sha256));
    if (ingested.descriptor() != null) {
      changes.addAll(of(ingested.descriptor(), drop.descriptor(), sha256));
    }
    return changes;
  }

  private static List<String> of(
      List<FileRecord> ingested, List<Drop.DropFile> files, Function<String, String> sha256) {
    Map<String, FileRecord> before = new TreeMap<>();
    ingested.forEach(f -> before.put(f.file(), f));
    Map<String, Drop.DropFile> now = new TreeMap<>();
    files.forEach(f -> now.put(f.name(), f));
    List<String> changes = new ArrayList<>();
    for (String name : before.keySet()) {
      if (!now.containsKey(name)) {
        changes.add(name + ": removed");
      }
    }
    for (Drop.DropFile f : now.values()) {
      FileRecord was = before.get(f.name());
      if (was == null) {
        changes.add(f.name() + ": added");
      } else if (was.bytes() != f.bytes()) {
        changes.add(f.name() + ": " + was.bytes() + " bytes when ingested, " + f.bytes() + " now");
      } else if (was.modifiedAt() == null || !Objects.equals(was.modifiedAt(), f.modifiedAt())) {
        String hash = sha256.apply(f.path());
        if (!hash.equals(was.sha256())) {
          changes.add(f.name() + ": content changed (sha256 " + abbreviate(was.sha256())
              + "… when ingested, " + abbreviate(hash) + "… now)");
        }
      }
    }
    return changes;
  }

  private static String abbreviate(String hash) {
    return hash == null ? "?" : hash.substring(0, Math.min(12, hash.length()));
  }
}
