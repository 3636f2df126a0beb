package org.industrygaps.cli;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.config.ConfigException;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.ingest.Drop;
import org.industrygaps.ingest.Inbox;
import org.industrygaps.generate.GenerateCommand;
import org.industrygaps.ingest.InputException;
import org.industrygaps.storage.LocalDisk;
import org.industrygaps.storage.Storage;
import org.industrygaps.warehouse.DropRecord;
import org.industrygaps.warehouse.RunLock;
import scala.Tuple2;

/**
 * The command line: parses the arguments, starts Spark, runs the chosen command and turns the
 * outcome into the documented exit status.
 */
public final class Main {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int BAD_USAGE_OR_CONFIG = 2;
  static final int INPUT_REJECTED = 3;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args)));
  }

  /** Runs the job; returns the exit status (never throws). */
  public static int run(List<String> args) {
    if (!args.isEmpty() && args.get(0).equals("generate")) {
      return generate(args.subList(1, args.size()));
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      System.err.println("industry-gaps: " + e.getMessage() + "\n\n" + Options.USAGE);
      return BAD_USAGE_OR_CONFIG;
    }
    if (options == null) {
      System.out.println(Options.USAGE);
      return OK;
    }
    // A session that already exists (a test's, a notebook's) belongs to its creator.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    JobTimings timings = null;
    try {
      CompletableFuture<PlanConfig> loading = loadWhileSparkStarts(options.conf());
      spark = session();
      timings = JobTimings.attachIfAsked(spark);
      Storage storage = new Storage(spark.sparkContext().hadoopConfiguration());
      if (System.getProperty("spark.master") == null && storage.exists(options.inbox())) {
        // Our own local session: partitions sized to the input (spark-submit users set theirs).
        long bytes = Inbox.list(storage, options.inbox()).stream()
            .flatMap(d -> d.files().stream()).mapToLong(Drop.DropFile::bytes).sum();
        spark.conf().set("spark.sql.shuffle.partitions", shufflePartitions(bytes));
      }
      PlanConfig config =
          loading != null
              ? loaded(loading)
              : PlanConfigLoader.load(storage, ShippedConf.resolve(options.conf()));
      return execute(new Pipeline(spark, storage, config, options, Clock.systemUTC()), options);
    } catch (ConfigException e) {
      System.err.println("industry-gaps: bad configuration: " + e.getMessage());
      return BAD_USAGE_OR_CONFIG;
    } catch (InputException e) {
      System.err.println("industry-gaps: " + e.getMessage());
      return INPUT_REJECTED;
    } catch (UsageException e) {
      System.err.println("industry-gaps: " + e.getMessage());
      return BAD_USAGE_OR_CONFIG;
    } catch (RunLock.HeldException e) {
      System.err.println("industry-gaps: " + e.getMessage());
      return FAILURE;
    } catch (Exception e) { // SparkException is checked but undeclared
      System.err.println("industry-gaps: failed: " + describe(e));
      if (System.getenv("INDUSTRY_GAPS_DEBUG") != null) {
        e.printStackTrace();
      }
      return FAILURE;
    } finally {
      if (timings != null) {
        timings.print();
      }
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * Starts loading and checking the configuration in {@code conf} on a thread of its own, while
   * Spark starts on this one: a plan with a target per county takes seconds to check, about as
   * long as Spark's start. Read through a file system configured as Spark's would be (the
   * {@code spark.hadoop.*} settings). Null for shipped files, which are only there once Spark has
   * started.
   */
  private static CompletableFuture<PlanConfig> loadWhileSparkStarts(String conf) {
    if (ShippedConf.MARKER.equals(conf)) {
      return null;
    }
    Configuration hadoop = new Configuration();
    for (Tuple2<String, String> setting : new SparkConf().getAllWithPrefix("spark.hadoop.")) {
      hadoop.set(setting._1(), setting._2());
    }
    ClassLoader classes = Thread.currentThread().getContextClassLoader();
    return CompletableFuture.supplyAsync(
        () -> PlanConfigLoader.load(new Storage(hadoop), conf),
        task -> {
          Thread loader = new Thread(task, "industry-gaps-config");
          loader.setDaemon(true);
          loader.setContextClassLoader(classes); // spark-submit's loader holds the job's jar
          loader.start();
        });
  }

  /** The configuration {@code loading} loaded, or the exception that stopped it. */
  private static PlanConfig loaded(CompletableFuture<PlanConfig> loading) {
    try {
      return loading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static int generate(List<String> args) {
    try {
      GenerateCommand.run(args);
      return OK;
    } catch (UsageException | ConfigException e) {
      System.err.println("industry-gaps: " + e.getMessage());
      return BAD_USAGE_OR_CONFIG;
    } catch (RuntimeException e) {
      System.err.println("industry-gaps: failed: " + describe(e));
      return FAILURE;
    }
  }

  private static int execute(Pipeline pipeline, Options options) {
    String runId = pipeline.newRunId();
    String startedAt = java.time.Instant.now().toString();
    // One run at a time per --out: the warehouse and reports are never written by two.
    try (RunLock lock =
        options.command() == Options.Command.VALIDATE
            ? null
            : pipeline.lock(runId, options.command().code())) {
      return execute(pipeline, options, runId, startedAt);
    }
  }

  private static int execute(Pipeline pipeline, Options options, String runId, String startedAt) {
    switch (options.command()) {
      case VALIDATE -> {
        return pipeline.validate(System.out) ? OK : INPUT_REJECTED;
      }
      case INGEST -> pipeline.ingest(runId);
      case REPORT, RUN -> {
        Set<String> ingested =
            options.command() == Options.Command.RUN
                ? pipeline.ingest(runId).stream().map(DropRecord::drop).collect(Collectors.toSet())
                : Set.of();
        String dir = pipeline.report(runId, options.command().code(), startedAt, ingested);
        Progress.info("reports published: " + dir);
        Progress.info("latest reports:    " + options.out() + "/reports/latest/");
      }
    }
    return OK;
  }

  /** The message of {@code e} and its causes, one line, no stack trace. */
  static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
        sb.append(": ").append(c.getMessage());
      }
    }
    return sb.toString();
  }

  /**
   * The Spark session: the one spark-submit configured, or a local one bound to loopback when the
   * job runs on its own (jobs/run-local.sh).
   */
  static SparkSession session() {
    SparkSession.Builder builder = withJobDefaults(SparkSession.builder().appName("industry-gaps"));
    if (System.getProperty("spark.master") == null) {
      builder
          .master("local[*]")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions(0)))
          // Adaptive execution merges small shuffle partitions up to this size. The report
          // tables are laid out one industry per partition; merged up to the default 64 MiB, ten
          // million rows ran as 3 tasks on 2 cores, one core idle for a third of the stage.
          .config("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16m");
    }
    return builder.getOrCreate();
  }

  /** Input bytes per shuffle partition of a local run: about half a million observations. */
  static final long BYTES_PER_PARTITION = 32L << 20;

  /**
   * The shuffle partitions of a local run over {@code inputBytes} of drops: 4 for small inputs
   * (each partition is a task with a fixed cost; 2 cores), then one per {@link
   * #BYTES_PER_PARTITION} so that a task's aggregation and sort buffers stay small in a 1 GiB
   * heap however large the input, at most 400.
   */
  static int shufflePartitions(long inputBytes) {
    long needed = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(4, Math.min(400, needed));
  }

  /** Settings the job relies on wherever it runs (the tests' session uses them too). */
  public static SparkSession.Builder withJobDefaults(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.session.timeZone", "UTC")
        // BI tools read TIMESTAMP_MICROS; INT96 is a legacy surprise.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.debug.maxToStringFields", "1000")
        // No _SUCCESS markers and no .crc side files where readers look (LocalDisk: raw local).
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .config("spark.hadoop.fs.file.impl", LocalDisk.NAME)
        // Hadoop caches one FileSystem per scheme: without this, a local file system created
        // earlier in the JVM with the default settings would be used (and write .crc files).
        .config("spark.hadoop.fs.file.impl.disable.cache", "true")
        // A write partitioned by drop or industry keeps a file open per partition value instead
        // of sorting every row by that value first (few values per task: drops, industries).
        .config("spark.sql.maxConcurrentOutputFileWriters", "16");
  }
}
