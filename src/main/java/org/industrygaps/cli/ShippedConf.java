package org.industrygaps.cli;

import java.io.File;
import java.util.List;
import org.apache.spark.SparkFiles;
import org.industrygaps.config.ConfigException;

/**
 * {@code --conf spark-files:} names the configuration files shipped with {@code spark-submit
 * --files} (what jobs/submit.sh does in cluster deploy mode, where the driver runs on a machine
 * that does not have the submitter's conf/ folder).
 */
final class ShippedConf {
  static final String MARKER = "spark-files:";

  /** A file every configuration has: where it is, the shipped files are. */
  private static final String PROBE = "plan.yaml";

  private ShippedConf() {}

  /**
   * The configuration folder {@code conf} names: itself, or for {@link #MARKER} the folder the
   * shipped files landed in. Spark fetches {@code spark.files} into the SparkFiles folder
   * (standalone, Kubernetes, local); YARN and Kubernetes cluster mode also put them in the
   * driver's working directory.
   */
  static String resolve(String conf) {
    if (!MARKER.equals(conf)) {
      return conf;
    }
    return resolve(List.of(SparkFiles.getRootDirectory(), System.getProperty("user.dir")));
  }

  static String resolve(List<String> candidates) {
    for (String dir : candidates) {
      if (new File(dir, PROBE).isFile()) {
        String uri = new File(dir).getAbsoluteFile().toURI().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
      }
    }
    throw new ConfigException(
        MARKER + " the configuration files shipped with spark-submit --files are not in "
            + String.join(" nor ", candidates) + " (" + PROBE + " missing)");
  }
}
