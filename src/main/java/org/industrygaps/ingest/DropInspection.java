package org.industrygaps.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.storage.Storage;
import org.industrygaps.warehouse.DropRecord;
import org.industrygaps.warehouse.FileRecord;

/**
 * Drops read and checked, not yet stored: every row accepted or rejected with a reason, the counts
 * per file, and the problems that must stop the job (a file that cannot be read at all, a drop
 * with more rejected rows than the configured limit).
 */
public record DropInspection(
    List<DropRecord> records,
    List<String> problems,
    ParsedDrops kept,
    Dataset<Row> duplicates) {

  /** Frees what was kept to read the drops once. */
  public void release() {
    duplicates.unpersist();
    kept.release();
  }

  /**
   * Reads and checks {@code drops}, keeping the parsed rows in {@code kept}; {@link #release} frees
   * them.
   */
  public static DropInspection of(
      SparkSession spark,
      PlanConfig config,
      Storage storage,
      List<Drop> drops,
      String runId,
      String now,
      ParsedDrops kept) {
    List<String> problems = new ArrayList<>();
    Map<String, DropDescriptorLoader.Loaded> descriptors = new HashMap<>();
    Map<String, FileSpec> specs = new HashMap<>();
    for (Drop drop : drops) {
      try {
        DropDescriptorLoader.Loaded loaded = DropDescriptorLoader.load(storage, config, drop);
        descriptors.put(drop.id(), loaded);
        specs.putAll(loaded.files());
      } catch (InputException e) {
        problems.add(e.getMessage()); // its files are not read: how to read them is unknown
      }
    }
    List<Drop> readable = drops.stream().filter(d -> descriptors.containsKey(d.id())).toList();
    // Parsed once and kept; every count and the store below read what was kept. Kept in Spark's
    // cache, the duplicate check's first pass fills it before any query that reads the rows
    // twice: Spark would otherwise run the two scans of the not yet cached rows at once, and parse
    // every file twice.
    Dataset<Row> parsed = kept.keep(DropReader.read(spark, config, readable, specs));
    Dataset<Row> duplicates =
        WithinDropDuplicates.duplicateKeys(parsed).persist(StorageLevel.MEMORY_AND_DISK());
    // No duplicate (the usual case): the rows as parsed. Otherwise marked once and kept, not
    // joined with the duplicates row by row in every pass below.
    Dataset<Row> rows =
        duplicates.count() == 0
            ? parsed
            : kept.keep(WithinDropDuplicates.mark(parsed, duplicates));
    // Small results only: one row per file and reason (per year when accepted), and the file
    // problems.
    Map<String, Map<String, Long>> byFile = new HashMap<>();
    Map<String, Long> accepted = new HashMap<>();
    Map<String, Map<Integer, Long>> years = new HashMap<>();
    for (Row r :
        rows.where(col("line").gt(0))
            .groupBy(col("file"), col("reason"), when(col("reason").isNull(), col("year")))
            .count()
            .collectAsList()) {
      String file = r.getString(0);
      if (r.isNullAt(1)) {
        accepted.merge(file, r.getLong(3), Long::sum);
        years.computeIfAbsent(file, f -> new TreeMap<>()).put(r.getInt(2), r.getLong(3));
      } else {
        byFile.computeIfAbsent(file, f -> new TreeMap<>()).put(r.getString(1), r.getLong(3));
      }
    }
    for (Row r : rows.where(col("line").equalTo(0)).select("file", "detail").collectAsList()) {
      problems.add(r.getString(0) + ": " + r.getString(1));
    }
    double limit = config.settings().rejectLimitShare();
    List<DropRecord> records = new ArrayList<>();
    for (Drop drop : drops) {
      List<FileRecord> files = new ArrayList<>();
      for (Drop.DropFile f : drop.files()) {
        Map<String, Long> reasons = byFile.getOrDefault(f.name(), Map.of());
        long rejected = reasons.values().stream().mapToLong(Long::longValue).sum();
        long ok = accepted.getOrDefault(f.name(), 0L);
        files.add(
            new FileRecord(f.name(), sha256(storage, f.path()), f.bytes(), ok + rejected, ok,
                rejected, reasons, f.modifiedAt(),
                years.getOrDefault(f.name(), Map.of())));
      }
      DropDescriptorLoader.Loaded d = descriptors.getOrDefault(
          drop.id(), new DropDescriptorLoader.Loaded(null, null, Map.of()));
      List<FileRecord> descriptor = drop.descriptor().stream()
          .map(f -> new FileRecord(f.name(), sha256(storage, f.path()), f.bytes(), 0, 0, 0,
              Map.of(), f.modifiedAt(), Map.of()))
          .toList();
      DropRecord record = new DropRecord(
          drop.id(), d.source(), d.publicationDate(), now, runId, files, descriptor);
      if (record.rowsRead() > 0 && (double) record.rowsRejected() / record.rowsRead() > limit) {
        problems.add(
            String.format(
                "%s: %d of %d rows rejected (%.1f%%), above reject_limit_share %.1f%% of"
                    + " settings.yaml; see the reasons with the validate command",
                drop.id(), record.rowsRejected(), record.rowsRead(),
                100.0 * record.rowsRejected() / record.rowsRead(), 100 * limit));
      }
      records.add(record);
    }
    return new DropInspection(records, problems, kept, duplicates);
  }

  /** The sha256 of the file at {@code path}. */
  public static String sha256(Storage storage, String path) {
    try {
      return storage.sha256(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
