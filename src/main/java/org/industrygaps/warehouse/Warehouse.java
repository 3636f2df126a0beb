package org.industrygaps.warehouse;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.storage.PausePoint;
import org.industrygaps.storage.Storage;

/**
 * The curated store under {@code --out}/warehouse: accepted observations and rejected rows as
 * Parquet partitioned by drop, and a registry with one JSON file per ingested drop. A drop counts
 * as ingested once its registry file exists, which is written after its data is in place: a run
 * that dies half-way leaves data no reader looks at, and the next run writes it again.
 */
public final class Warehouse {
  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** Columns of the curated observations (plus the partition column {@code drop}). */
  public static final List<String> OBSERVATION_COLUMNS =
      List.of(
          "year", "region", "industry", "indicator", "value", "unit", "reported_value",
          "reported_unit", "source", "note", "file", "line", "series_break");

  /** Columns of the rejected rows (plus {@code drop}). */
  public static final List<String> REJECTED_COLUMNS =
      List.of("file", "line", "raw", "reason", "detail");

  /** Schema of the curated observations as read back. */
  public static final StructType OBSERVATIONS =
      new StructType()
          .add("year", DataTypes.IntegerType)
          .add("region", DataTypes.StringType)
          .add("industry", DataTypes.StringType)
          .add("indicator", DataTypes.StringType)
          .add("value", DataTypes.DoubleType)
          .add("unit", DataTypes.StringType)
          .add("reported_value", DataTypes.DoubleType)
          .add("reported_unit", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("note", DataTypes.StringType)
          .add("file", DataTypes.StringType)
          .add("line", DataTypes.LongType)
          // true: the value starts a new statistical basis; null in drops ingested before it existed
          .add("series_break", DataTypes.BooleanType)
          .add("drop", DataTypes.StringType);

  /** Schema of the rejected rows as read back. */
  public static final StructType REJECTED =
      new StructType()
          .add("file", DataTypes.StringType)
          .add("line", DataTypes.LongType)
          .add("raw", DataTypes.StringType)
          .add("reason", DataTypes.StringType)
          .add("detail", DataTypes.StringType)
          .add("drop", DataTypes.StringType);

  private final Storage storage;
  private final String root;

  public Warehouse(Storage storage, String outDir) {
    this.storage = storage;
    this.root = outDir + "/warehouse";
  }

  String observationsDir() {
    return root + "/observations";
  }

  String rejectedDir() {
    return root + "/rejected";
  }

  String registryDir() {
    return root + "/drops";
  }

  /** The ingested drops, in arrival order. */
  public List<DropRecord> drops() {
    List<DropRecord> drops = new ArrayList<>();
    for (FileStatus f : storage.list(registryDir())) {
      if (f.getPath().getName().endsWith(".json")) {
        try {
          drops.add(JSON.readValue(storage.readAll(f.getPath().toString()), DropRecord.class));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the drop registry " + f.getPath(), e);
        }
      }
    }
    return drops;
  }

  /**
   * Stores the accepted and rejected rows of newly ingested drops (each with a {@code drop}
   * column) and registers the drops. A drop already registered (re-ingested with {@code
   * --reingest}) is first unregistered, then its partitions are replaced and it is registered
   * again: a run that dies in between leaves the drop unregistered, so the next run ingests it
   * anew, and never leaves a registry entry describing other data than its partitions hold.
   */
  public void store(
      String runId, Dataset<Row> accepted, Dataset<Row> rejected, List<DropRecord> records) {
    String staging = root + "/_staging/" + runId;
    write(accepted, OBSERVATION_COLUMNS, staging + "/observations");
    write(rejected, REJECTED_COLUMNS, staging + "/rejected");
    for (DropRecord record : records) {
      String partition = "/drop=" + record.drop();
      storage.delete(registryDir() + "/" + record.drop() + ".json");
      moveIn(staging + "/observations" + partition, observationsDir() + partition);
      moveIn(staging + "/rejected" + partition, rejectedDir() + partition);
      PausePoint.reached("ingest");
      try {
        storage.write(
            registryDir() + "/" + record.drop() + ".json", JSON.writeValueAsBytes(record));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    storage.delete(root + "/_staging"); // one run at a time (the run lock): nothing else is staged
  }

  /**
   * Removes what an interrupted ingest can leave: its staging folder and partitions moved in for a
   * drop whose registry entry was never written (no reader looks at them). Called under the run
   * lock, before ingesting.
   */
  public void clearDebris() {
    storage.delete(root + "/_staging");
    Set<String> registered =
        drops().stream().map(DropRecord::drop).collect(Collectors.toSet());
    for (String dir : List.of(observationsDir(), rejectedDir())) {
      for (FileStatus f : storage.list(dir)) {
        String name = f.getPath().getName();
        if (name.startsWith("drop=") && !registered.contains(name.substring("drop=".length()))) {
          storage.delete(f.getPath().toString());
        }
      }
    }
  }

  private static void write(Dataset<Row> rows, List<String> columns, String path) {
    List<org.apache.spark.sql.Column> select = new ArrayList<>();
    columns.forEach(c -> select.add(col(c)));
    select.add(col("drop"));
    rows.select(select.toArray(org.apache.spark.sql.Column[]::new))
        .write()
        .mode(SaveMode.Overwrite)
        .partitionBy("drop")
        .parquet(path);
  }

  private void moveIn(String staged, String target) {
    if (storage.exists(target)) {
      storage.delete(target); // left by a run that died before registering the drop
    }
    if (storage.exists(staged)) {
      storage.rename(staged, target);
    }
  }

  /** The accepted observations of the registered drops, with their {@code drop}. */
  public Dataset<Row> observations(SparkSession spark) {
    return read(spark, observationsDir(), OBSERVATIONS);
  }

  /** The rejected rows of the registered drops, with their {@code drop}. */
  public Dataset<Row> rejected(SparkSession spark) {
    return read(spark, rejectedDir(), REJECTED);
  }

  private Dataset<Row> read(SparkSession spark, String dir, StructType schema) {
    List<String> paths = new ArrayList<>();
    for (DropRecord d : drops()) {
      String partition = dir + "/drop=" + d.drop();
      if (storage.exists(partition)) {
        paths.add(partition);
      }
    }
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read()
        .schema(schema)
        .option("basePath", dir)
        .parquet(paths.toArray(String[]::new));
  }
}
