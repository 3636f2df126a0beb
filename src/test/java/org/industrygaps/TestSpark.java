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
      sample = PlanConfigLoader.load(new Storage(new Configuration()), "conf");
    }
    return sample;
  }
}
