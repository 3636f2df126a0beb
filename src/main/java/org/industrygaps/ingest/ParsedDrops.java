package org.industrygaps.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Where a {@link DropInspection} keeps the rows it parsed, so that its passes (the duplicate check,
 * the counts per file, the store) read each file's rows without parsing it again.
 */
public interface ParsedDrops {
  /** {@code rows} ({@link IngestSchema}), computed once now or by the first pass, and kept. */
  Dataset<Row> keep(Dataset<Row> rows);

  /** Frees what {@link #keep} holds. */
  void release();

  /**
   * In Spark's cache (memory, spilling to disk): for a command that writes nothing, such as
   * {@code validate}. A run stages them as Parquet instead (see {@code Warehouse.staging}).
   */
  static ParsedDrops cached() {
    return new ParsedDrops() {
      private final List<Dataset<Row>> held = new ArrayList<>();

      @Override
      public Dataset<Row> keep(Dataset<Row> rows) {
        Dataset<Row> kept = rows.persist(StorageLevel.MEMORY_AND_DISK());
        held.add(kept);
        return kept;
      }

      @Override
      public void release() {
        held.forEach(Dataset::unpersist);
      }
    };
  }
}
