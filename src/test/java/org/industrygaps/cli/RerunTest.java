package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.functions;
import org.industrygaps.TestSpark;
import org.industrygaps.storage.PausePoint;
import org.industrygaps.warehouse.RunLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns end to end, on one warehouse filled one drop per run, in order: the sample drops one per
 * run (the first three), a run killed during ingest and one killed during publish (separate JVMs,
 * ended with SIGKILL), the next run that finishes the fourth drop and must equal the all-at-once
 * run table for table; then a revision drop, a changed drop refused and re-ingested, a second
 * concurrent run refused, and retention (keep_runs 2). The rerun with nothing new is in
 * SampleRunTest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RerunTest {
  private static final Path SAMPLE = Path.of("data-sample/drops");
  private static final List<String> DROPS =
      List.of(
          "2023-06-30-yearbook-2022", "2024-06-30-bureau-2023", "2025-09-30-city-reports-2024",
          "2026-03-31-bureau-2025");
  private static final String REVISION = "2026-06-30-revision";
  private static final List<String> PARQUET =
      List.of("gaps", "trajectory", "city_contributions", "revisions", "coverage");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static Path all; // the sample drops ingested in one run
  private static Path out; // the same drops one per run
  private static Path inbox;
  private static Path conf;

  @BeforeAll
  static void allAtOnceAndThenOnePerRun() throws IOException {
    TestSpark.session();
    all = tmp.resolve("all");
    Path allInbox = Files.createDirectories(tmp.resolve("all-inbox"));
    for (String drop : DROPS) {
      copyDrop(drop, allInbox);
    }
    assertThat(FailedRunTest.run("run", "--inbox", allInbox.toString(), "--out", all.toString()).exit()).isZero();

    conf = Files.createDirectories(tmp.resolve("conf"));
    try (Stream<Path> files = Files.list(Path.of("conf"))) {
      for (Path f : files.toList()) {
        Files.copy(f, conf.resolve(f.getFileName()));
      }
    }
    Path settings = conf.resolve("settings.yaml");
    Files.writeString(settings, Files.readString(settings).replace("keep_runs: 10", "keep_runs: 2"));
    out = tmp.resolve("out");
    inbox = Files.createDirectories(tmp.resolve("inbox"));
  }

  private static String[] args(String... extra) {
    List<String> a = new ArrayList<>(List.of("run", "--conf", conf.toString(), "--inbox",
        inbox.toString(), "--out", out.toString()));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  @Test
  @Order(1)
  void theFirstThreeDropsOnePerRunEachIngestingOnlyItsOwn() throws IOException {
    for (int i = 0; i < 3; i++) {
      copyDrop(DROPS.get(i));
      FailedRunTest.Result r = FailedRunTest.run(args());
      assertThat(r.exit()).as(r.stderr()).isZero();
      JsonNode m = manifest(out);
      for (JsonNode d : m.get("drops")) {
        assertThat(d.get("ingested_this_run").asBoolean())
            .as(d.get("drop").asText())
            .isEqualTo(d.get("drop").asText().equals(DROPS.get(i)));
      }
      if (i == 0) {
        // A first run: every target is new in the changes report.
        assertThat(SampleRunTest.csvMaps(out.resolve("reports/latest/csv/changes.csv")))
            .hasSize(TestSpark.sampleConfig().targets().size())
            .allSatisfy(row -> assertThat(row.get("change_kind")).isEqualTo("new"));
      }
    }
    assertThat(output(manifest(out), "changes").get("rows").asLong()).isPositive();
    assertThat(output(manifest(out), "csv_changes").get("path").asText()).isEqualTo("csv/changes.csv");
  }

  @Test
  @Order(2)
  void aRunKilledDuringIngestLeavesLatestAsItWas() throws Exception {
    String before = latestManifest();
    copyDrop(DROPS.get(3));

    Child child = Child.runUntil("ingest", args());

    assertThat(latestManifest()).isEqualTo(before);
    assertThat(out.resolve("warehouse/drops/" + DROPS.get(3) + ".json")).doesNotExist();
    // Its partitions were moved in, but without a registry entry no reader looks at them.
    assertThat(out.resolve("warehouse/observations/drop=" + DROPS.get(3))).isDirectory();
    assertThat(out.resolve(RunLock.FILE)).content().contains("\"pid\" : " + child.pid());
  }

  @Test
  @Order(3)
  void aRunKilledDuringPublishLeavesLatestAsItWas() throws Exception {
    String before = latestManifest();

    Child child = Child.runUntil("publish", args());

    assertThat(child.log()).contains("taking over the stale lock");
    assertThat(latestManifest()).isEqualTo(before);
    assertThat(out.resolve("warehouse/drops/" + DROPS.get(3) + ".json")).exists();
    assertThat(out.resolve("reports/_staging")).isDirectory(); // debris the next run clears
  }

  @Test
  @Order(4)
  void theNextRunSucceedsAndEqualsTheAllAtOnceRunTableForTable() throws IOException {
    FailedRunTest.Result r = FailedRunTest.run(args());

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stderr()).contains("WARNING: taking over the stale lock");
    assertThat(out.resolve("reports/_staging")).doesNotExist();
    assertThat(out.resolve(RunLock.FILE)).doesNotExist();
    Path latest = out.resolve("reports/latest");
    Path reference = all.resolve("reports/latest");
    for (String table : PARQUET) {
      assertThat(SampleRunTest.sortedRows(latest.resolve(table))).as(table).isEqualTo(SampleRunTest.sortedRows(reference.resolve(table)));
    }
    try (Stream<Path> files = Files.list(reference.resolve("csv"))) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (!name.equals("changes.csv") && !name.startsWith(".")) { // .crc of a checksummed FS
          assertThat(latest.resolve("csv").resolve(f.getFileName())).hasSameBinaryContentAs(f);
        }
      }
    }
    assertThat(latest.resolve("rejected_rows.csv"))
        .hasSameBinaryContentAs(reference.resolve("rejected_rows.csv"));
    assertThat(SampleRunTest.sortedRows(latest.resolve("gaps"))).hasSize(TestSpark.sampleConfig().targets().size());
  }

  @Test
  @Order(5)
  void aRevisionDropShowsInRevisionsAndInTheChanges() throws IOException {
    Path drop = Files.createDirectories(inbox.resolve(REVISION));
    Files.writeString(drop.resolve("observations.csv"),
        "year,region,industry,indicator,value,unit\n2025,510000,power_battery,revenue,3600,亿元\n");

    assertThat(FailedRunTest.run(args()).exit()).isZero();

    assertThat(revisions("power_battery"))
        .containsExactly("2025: 3500.0 (" + DROPS.get(3) + ") -> 3600.0 (" + REVISION + ")");
    // The revised 2025 value moves both targets of the series: the 2025 milestone and the goal.
    List<Map<String, String>> changes = SampleRunTest.csvMaps(out.resolve("reports/latest/csv/changes.csv"));
    assertThat(changes).extracting(c -> c.get("target_year")).containsExactly("2025", "2027");
    assertThat(changes).allSatisfy(c -> {
      assertThat(c).containsEntry("industry", "power_battery").containsEntry("indicator", "revenue")
          .containsEntry("region", "510000").containsEntry("industry_name_zh", "动力电池")
          .containsEntry("change_kind", "changed").containsEntry("old_latest_value", "3500")
          .containsEntry("new_latest_value", "3600").containsEntry("latest_value_changed", "true");
      assertThat(Double.parseDouble(c.get("new_projected_gap")))
          .isLessThan(Double.parseDouble(c.get("old_projected_gap")));
    });
    assertThat(gap("power_battery", "510000").get("latest_value")).isEqualTo("3600");
  }

  @Test
  @Order(6)
  void aDropChangedSinceItsIngestIsRefusedUnlessReingested() throws IOException {
    String before = latestManifest();
    Path file = inbox.resolve(REVISION + "/observations.csv");
    Files.writeString(file, Files.readString(file).replace("3600", "3700")); // same size

    FailedRunTest.Result refused = FailedRunTest.run(args());

    assertThat(refused.exit()).isEqualTo(3);
    assertThat(refused.stderr())
        .contains("input refused, nothing was ingested or published: 1 drop(s) changed since they"
            + " were ingested:\n  " + REVISION + " (ingested ")
        .contains(REVISION + "/observations.csv: content changed (sha256 ")
        .contains("run again with --reingest DROP");
    assertThat(latestManifest()).isEqualTo(before);

    FailedRunTest.Result reingested = FailedRunTest.run(args("--reingest", REVISION));

    assertThat(reingested.exit()).as(reingested.stderr()).isZero();
    assertThat(reingested.stderr()).contains(REVISION + " (re-ingested)");
    for (JsonNode d : manifest(out).get("drops")) {
      assertThat(d.get("ingested_this_run").asBoolean()).isEqualTo(d.get("drop").asText().equals(REVISION));
    }
    assertThat(revisions("power_battery"))
        .containsExactly("2025: 3500.0 (" + DROPS.get(3) + ") -> 3700.0 (" + REVISION + ")");
    assertThat(SampleRunTest.csvMaps(out.resolve("reports/latest/csv/changes.csv")))
        .hasSize(2) // the 2025 milestone and the 2027 goal of the series
        .allSatisfy(c -> assertThat(c).containsEntry("old_latest_value", "3600")
            .containsEntry("new_latest_value", "3700"));
  }

  @Test
  @Order(7)
  void aDropJsonAddedToAnIngestedDropIsAChangeOfThatDrop() throws IOException {
    String before = latestManifest();
    Path descriptor = inbox.resolve(REVISION + "/drop.json");
    Files.writeString(descriptor, "{\"source\": \"a bureau release\"}");
    try {
      FailedRunTest.Result refused = FailedRunTest.run(args());

      assertThat(refused.exit()).isEqualTo(3);
      assertThat(refused.stderr())
          .contains("1 drop(s) changed since they were ingested:\n  " + REVISION + " (ingested ")
          .contains(REVISION + "/drop.json: added");
      assertThat(latestManifest()).isEqualTo(before);
    } finally {
      Files.delete(descriptor);
    }
  }

  @Test
  @Order(8)
  void aSecondRunIsRefusedWhileAnotherHoldsTheLock() throws IOException {
    String before = latestManifest();
    Path lock = out.resolve(RunLock.FILE);
    Files.writeString(lock, "{\"run_id\" : \"other\", \"command\" : \"run\", \"host\" : \""
        + java.net.InetAddress.getLocalHost().getHostName() + "\", \"pid\" : "
        + ProcessHandle.current().pid() + ", \"started_at\" : \"" + java.time.Instant.now() + "\"}");
    try {
      FailedRunTest.Result r = FailedRunTest.run(args());

      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.stderr()).contains("industry-gaps: another run is using " + out)
          .contains("run other (run) started");
      assertThat(latestManifest()).isEqualTo(before);
    } finally {
      Files.delete(lock);
    }
  }

  @Test
  @Order(9)
  void retentionKeptTheNewestRunsIncludingTheOneLatestCameFrom() throws IOException {
    String latestRun = manifest(out).get("run_id").asText();
    List<String> runs;
    try (Stream<Path> s = Files.list(out.resolve("reports/runs"))) {
      runs = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(runs).hasSize(2).endsWith(latestRun);
  }

  // ---- helpers

  private static void copyDrop(String name) throws IOException {
    copyDrop(name, inbox);
  }

  private static void copyDrop(String name, Path into) throws IOException {
    Path to = Files.createDirectories(into.resolve(name));
    try (Stream<Path> files = Files.list(SAMPLE.resolve(name))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static String latestManifest() throws IOException {
    return Files.readString(out.resolve("reports/latest/manifest.json"));
  }

  private static JsonNode manifest(Path dir) throws IOException {
    return JSON.readTree(dir.resolve("reports/latest/manifest.json").toFile());
  }

  private static JsonNode output(JsonNode manifest, String name) {
    for (JsonNode o : manifest.get("outputs")) {
      if (o.get("name").asText().equals(name)) {
        return o;
      }
    }
    throw new AssertionError("no output " + name);
  }

  private static List<String> revisions(String industry) {
    return TestSpark.session().read()
        .parquet(out.resolve("reports/latest/revisions").toString())
        .where(functions.col("industry").equalTo(industry))
        .orderBy("year", "new_drop").collectAsList().stream()
        .map(r -> r.getAs("year") + ": " + r.getAs("old_value") + " (" + r.getAs("old_drop")
            + ") -> " + r.getAs("new_value") + " (" + r.getAs("new_drop") + ")")
        .toList();
  }

  private static Map<String, String> gap(String industry, String region) throws IOException {
    return SampleRunTest.csvMaps(out.resolve("reports/latest/csv/all_industries.csv")).stream()
        .filter(g -> g.get("industry").equals(industry) && g.get("region").equals(region)
            && g.get("indicator").equals("revenue"))
        .findFirst().orElseThrow();
  }

  /**
   * The job in a separate JVM (the test classpath, the Spark module flags of target/jvm.options),
   * run until it prints the marker of pause point {@code at}, then killed with SIGKILL.
   */
  private record Child(long pid, String log) {
    static Child runUntil(String at, String... args) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.add("-XX:TieredStopAtLevel=1"); // a short-lived JVM: quick JIT
      command.addAll(Arrays.asList(Files.readString(Path.of("target/jvm.options")).trim().split("\\s+")));
      command.add("-Dlog4j2.configurationFile=jobs/log4j2.properties");
      command.add("-cp");
      command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
      command.add(Main.class.getName());
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put(PausePoint.VARIABLE, at);
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      Process process = builder.start();
      StringBuffer log = new StringBuffer();
      CountDownLatch paused = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            log.append(line).append('\n');
            if (line.equals(PausePoint.MARKER + at)) {
              paused.countDown();
            }
          }
        } catch (IOException e) {
          // the process was killed
        }
      });
      reader.start();
      try {
        assertThat(paused.await(300, TimeUnit.SECONDS)).as("paused at %s:\n%s", at, log).isTrue();
      } finally {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
        reader.join(10_000);
      }
      System.err.print(log);
      return new Child(process.pid(), log.toString());
    }
  }
}
