package org.industrygaps.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * One drop reports each (year, region, industry, indicator) once. When it reports a key twice with
 * different values, no one can tell which is right: every such row is rejected
 * ({@code conflicting_duplicate}). When it repeats the same value, the first row (by file and line)
 * is kept and the repeats are rejected ({@code duplicate_row}), so each row is counted once.
 *
 * <p>Duplicates are rare: a 64-bit hash of each key is counted (a hash aggregation of one long per
 * row: no sort, no strings shuffled), and only the rows whose hash repeats are grouped by their
 * key; the few duplicate keys are then joined back to the rows.
 */
public final class WithinDropDuplicates {
  private static final String[] KEY = {"drop", "year", "region", "industry", "indicator"};
  /** The most repeated key hashes sent to every task; more are matched by a shuffle. */
  static final long BROADCAST_HASHES = 1_000_000;

  private WithinDropDuplicates() {}

  /** Marks the duplicates of {@code rows} (which are read twice: cache them). */
  public static Dataset<Row> mark(Dataset<Row> rows) {
    return mark(rows, duplicateKeys(rows));
  }

  /**
   * The keys a drop reports more than once, with their count, smallest and largest value and first
   * location. Normally tiny: cache it, and every action on {@link #mark(Dataset, Dataset)} costs one
   * pass over the rows and a broadcast join. Runs one Spark job, the first pass over {@code rows}.
   */
  public static Dataset<Row> duplicateKeys(Dataset<Row> rows) {
    return duplicateKeys(rows, BROADCAST_HASHES);
  }

  static Dataset<Row> duplicateKeys(Dataset<Row> rows, long broadcastHashes) {
    Dataset<Row> valid =
        rows.where(col("reason").isNull())
            .withColumn("_hash", xxhash64(col(KEY[0]), col(KEY[1]), col(KEY[2]), col(KEY[3]),
                col(KEY[4])));
    // Shuffled first, then found repeated: nearly every key is distinct, so counting before the
    // shuffle (in a task that holds a whole file) would only fill and spill a table of every key.
    // Into the session's number of shuffle partitions, which adaptive execution does not merge
    // (the hashes are few bytes, so it would): each task sorts an array of its hashes, a few
    // megabytes, and keeps those that repeat. Spark's hash aggregation of a count per hash took
    // six times as long (its table grown and rehashed many times per task).
    int partitions =
        Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> repeated =
        valid.select("_hash").repartition(partitions, col("_hash"))
            .as(Encoders.LONG())
            .mapPartitions((MapPartitionsFunction<Long, Long>) WithinDropDuplicates::repeated,
                Encoders.LONG())
            .toDF("_hash");
    long hashes = repeated.count();
    // Rows whose hash repeats: every duplicate, and the rare distinct keys of the same hash.
    Dataset<Row> candidates =
        hashes == 0
            ? valid.limit(0)
            : valid.join(hashes <= broadcastHashes ? broadcast(repeated) : repeated, "_hash");
    return candidates
        .groupBy(KEY[0], KEY[1], KEY[2], KEY[3], KEY[4])
        .agg(
            count(lit(1)).as("_n"),
            min("value").as("_min"),
            max("value").as("_max"),
            min(struct(col("file"), col("line"))).as("_first"))
        .where(col("_n").gt(1));
  }

  /** Each value that {@code hashes} holds more than once, once, in ascending order. */
  static Iterator<Long> repeated(Iterator<Long> hashes) {
    long[] all = new long[1024];
    int n = 0;
    while (hashes.hasNext()) {
      if (n == all.length) {
        all = Arrays.copyOf(all, n * 2);
      }
      all[n++] = hashes.next();
    }
    Arrays.sort(all, 0, n);
    List<Long> repeats = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      // The first repeat of a run of equal values: the one before differs from its predecessor.
      if (all[i] == all[i - 1] && (i == 1 || all[i - 1] != all[i - 2])) {
        repeats.add(all[i]);
      }
    }
    return repeats.iterator();
  }

  /** Marks {@code rows} with the {@link #duplicateKeys} of the same rows. */
  public static Dataset<Row> mark(Dataset<Row> rows, Dataset<Row> duplicates) {
    Column isDuplicate = col("_n").isNotNull().and(col("reason").isNull());
    Column conflicting = isDuplicate.and(col("_min").notEqual(col("_max")));
    Column first =
        col("_first.file").equalTo(col("file")).and(col("_first.line").equalTo(col("line")));
    Column repeat = isDuplicate.and(col("_min").equalTo(col("_max"))).and(not(coalesce(first, lit(false))));
    Column firstLine = concat(col("_first.file"), lit(" line "), col("_first.line"));
    return rows.join(duplicates, KEY, "left")
        .withColumn(
            "detail",
            when(conflicting, concat(lit("the drop reports this key with different values; "
                + "first at "), firstLine))
                .when(repeat, concat(lit("repeats the same value; kept "), firstLine))
                .otherwise(col("detail")))
        .withColumn(
            "reason",
            when(conflicting, lit(RejectReason.CONFLICTING_DUPLICATE.code()))
                .when(repeat, lit(RejectReason.DUPLICATE_ROW.code()))
                .otherwise(col("reason")))
        .select(Arrays.stream(IngestSchema.SCHEMA.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
  }
}
