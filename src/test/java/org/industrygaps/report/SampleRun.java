package org.industrygaps.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.industrygaps.TestSpark;
import org.industrygaps.cli.Main;

/**
 * One end-to-end run of the job on the sample drops ({@code run --out <temp>}), shared by the
 * report tests of a test JVM: it takes a while, and they all read the same outputs. Deleted when
 * the JVM exits.
 */
public final class SampleRun {
  private static Path out;
  private static Path runDir;

  private SampleRun() {}

  /** The {@code --out} folder of the run (its warehouse and reports). */
  public static synchronized Path out() {
    if (out == null) {
      TestSpark.session(); // the job then uses the tests' session
      try {
        Path dir = Files.createTempDirectory("industry-gaps-sample-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        int status = Main.run(List.of("run", "--out", dir.toString()));
        if (status != 0) {
          throw new IllegalStateException("the sample run failed with exit status " + status);
        }
        try (Stream<Path> runs = Files.list(dir.resolve("reports/runs"))) {
          runDir = runs.findFirst().orElseThrow();
        }
        out = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The report folder of that run ({@code reports/runs/<run_id>/}), which later runs leave alone. */
  public static synchronized Path reports() {
    out();
    return runDir;
  }

  static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort, at exit
    }
  }
}
