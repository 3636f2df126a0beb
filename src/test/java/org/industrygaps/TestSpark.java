package org.industrygaps;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.cli.Main;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.storage.Storage;

/**
 * The one Spark session of a test JVM (local[2], UI off, few shuffle partitions, bound to
 * loopback) and the sample configuration of {@code conf/}. Never stopped by a test: the JVM's
 * shutdown stops it.
 */
public final class TestSpark {
  private static SparkSession spark;
  private static PlanConfig sample;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark =
          Main.withJobDefaults(SparkSession.builder())
              .master("local[2]")
              .appName("industry-gaps-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .getOrCreate();
    }
    return spark;
  }

  public static Storage storage() {
    return new Storage(session().sparkContext().hadoopConfiguration());
  }

  /** The configuration in {@code conf/} of this repository. */
  public static synchronized PlanConfig sampleConfig() {
    if (sample == null) {
      // No Spark needed to read conf/: pure-Java tests stay fast.
      sample = PlanConfigLoader.load(new Storage(localHadoop()), "conf");
    }
    return sample;
  }

  /**
   * A Hadoop configuration for local files without Spark, with the job's local file system
   * (RawLocalFileSystem, no .crc side files). Hadoop caches one file system per scheme whatever
   * the configuration, so a plain {@code new Configuration()} used first would give every later
   * Spark write of the test JVM the checksumming LocalFileSystem and its .crc files.
   */
  public static Configuration localHadoop() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    return conf;
  }
}
