package org.industrygaps;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.cli.Main;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.storage.LocalDisk;
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

  /**
   * Local files without Spark, as the job sees them (raw local file system, no .crc side files),
   * and outside Hadoop's FileSystem cache: the cache hands the first "file" file system created in
   * the JVM to everyone, so a checksummed one created here would give every later test .crc files.
   */
  public static Storage localStorage() {
    Configuration conf = new Configuration();
    conf.set("fs.file.impl", LocalDisk.NAME);
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return new Storage(conf);
  }

  /** The configuration in {@code conf/} of this repository. */
  public static synchronized PlanConfig sampleConfig() {
    if (sample == null) {
      // No Spark needed to read conf/: pure-Java tests stay fast.
      sample = PlanConfigLoader.load(localStorage(), "conf");
    }
    return sample;
  }
}
