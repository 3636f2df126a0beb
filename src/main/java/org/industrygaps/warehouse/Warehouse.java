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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.ingest.IngestSchema;
import org.industrygaps.ingest.ParsedDrops;
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
   * Where a run keeps the rows it parses: Parquet under this warehouse's staging folder,
   * partitioned by drop and by whether the row was accepted, so that {@link #store} moves the files
   * in as they are (see {@link Staging}).
   */
  public Staging staging(SparkSession spark, String runId) {
    return new Staging(spark, storage, root + "/_staging", runId);
  }

  /**
   * Parsed rows staged as Parquet: {@code <dir>/<n>/drop=<id>/accepted=<true|false>/}, one
   * folder {@code n} per {@link #keep} (the rows as parsed; then, if a drop repeats keys, the rows
   * with their duplicates marked). A staged file holds every {@link IngestSchema} column but the
   * two it is partitioned by; the observations' readers read their columns by name. Writing once
   * here costs less than filling Spark's cache and then writing the warehouse from it, and the
   * later passes read only the columns they need.
   */
  public static final class Staging implements ParsedDrops {
    private static final StructType STAGED =
        IngestSchema.SCHEMA.add("accepted", DataTypes.BooleanType);

    private final SparkSession spark;
    private final Storage storage;
    private final String root;
    private final String dir;
    private int kept;

    Staging(SparkSession spark, Storage storage, String root, String runId) {
      this.spark = spark;
      this.storage = storage;
      this.root = root;
      this.dir = root + "/" + runId;
    }

    /** Writes {@code rows} (a Spark job) and returns them as staged. */
    @Override
    public Dataset<Row> keep(Dataset<Row> rows) {
      String path = dir + "/" + ++kept;
      rows.withColumn("accepted", col("reason").isNull())
          .write()
          .partitionBy("drop", "accepted")
          .parquet(path);
      List<org.apache.spark.sql.Column> columns = new ArrayList<>();
      for (String c : IngestSchema.SCHEMA.fieldNames()) {
        columns.add(col(c));
      }
      Dataset<Row> staged =
          storage.exists(path)
              ? spark.read().schema(STAGED).option("basePath", path).parquet(path)
              : spark.createDataFrame(List.of(), STAGED);
      return staged.select(columns.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** The staged files of {@code drop}: accepted rows if {@code accepted}, else rejected rows. */
    String partition(String drop, boolean accepted) {
      return dir + "/" + kept + "/drop=" + drop + "/accepted=" + accepted;
    }

    /** Deletes the staging folder: one run at a time (the run lock), so nothing else is staged. */
    @Override
    public void release() {
      storage.delete(root);
    }
  }

  /**
   * Stores the staged rows of newly ingested drops (their files moved in as they are) and
   * registers the drops. A drop already registered (re-ingested with {@code --reingest}) is first
   * unregistered, then its partitions are replaced and it is registered again: a run that dies in
   * between leaves the drop unregistered, so the next run ingests it anew, and never leaves a
   * registry entry describing other data than its partitions hold.
   */
  public void store(Staging staged, List<DropRecord> records) {
    for (DropRecord record : records) {
      String partition = "/drop=" + record.drop();
      storage.delete(registryDir() + "/" + record.drop() + ".json");
      moveIn(staged.partition(record.drop(), true), observationsDir() + partition);
      moveIn(staged.partition(record.drop(), false), rejectedDir() + partition);
      PausePoint.reached("ingest");
      try {
        storage.write(
            registryDir() + "/" + record.drop() + ".json", JSON.writeValueAsBytes(record));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
