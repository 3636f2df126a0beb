package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad usage, bad configuration and unreadable input: one clear message, the documented exit
 * status, and the previously published reports left exactly as they were.
 */
class FailedRunTest {
  @TempDir static Path out;
  @TempDir static Path scratch;
  private static String publishedManifest;

  @BeforeAll
  static void publishOnce() throws IOException {
    TestSpark.session();
    assertThat(Main.run(List.of("run", "--out", out.toString()))).isZero();
    publishedManifest = Files.readString(out.resolve("reports/latest/manifest.json"));
  }

  /** Runs the job with standard error captured (RerunTest uses it too). */
  static Result run(String... args) {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(List.of(args));
      return new Result(exit, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(err);
    }
  }

  record Result(int exit, String stderr) {}

  private static void assertLatestUnchanged() throws IOException {
    assertThat(Files.readString(out.resolve("reports/latest/manifest.json")))
        .isEqualTo(publishedManifest);
    try (Stream<Path> runs = Files.list(out.resolve("reports/runs"))) {
      assertThat(runs).hasSize(1);
    }
  }

  @Test
  void anUnknownOptionIsBadUsage() {
    Result r = run("run", "--colour", "red");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr()).startsWith("industry-gaps: unknown option --colour").contains("usage:");
  }

  @Test
  void aBrokenConfigurationStopsTheJobWithOneMessageAndPublishesNothing() throws IOException {
    Path conf = scratch.resolve("conf");
    Files.createDirectories(conf);
    try (Stream<Path> files = Files.list(Path.of("conf"))) {
      for (Path f : files.toList()) {
        Files.copy(f, conf.resolve(f.getFileName()));
      }
    }
    Files.writeString(conf.resolve("settings.yaml"),
        Files.readString(conf.resolve("settings.yaml")).replace("min: 1990", "min: nineteen"));

    Result r = run("run", "--conf", conf.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.stderr())
        .startsWith("industry-gaps: bad configuration: " + conf + "/settings.yaml line 14, field years.min: Cannot deserialize value of type `java.lang.Integer` from String \"nineteen\"")
        .doesNotContain("\tat ");
    assertLatestUnchanged();
  }

  @Test
  void anUnreadableDropStopsTheJobNamingTheFileAndPublishesNothing() throws IOException {
    Path inbox = scratch.resolve("inbox");
    Path drop = Files.createDirectories(inbox.resolve("2030-01-01-broken"));
    Files.write(drop.resolve("latin1.csv"), new byte[] {'y', 'e', 'a', 'r', '\n', (byte) 0xFF, (byte) 0xFE, 0x41});

    Result r = run("run", "--inbox", inbox.toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.stderr())
        .contains("input refused, nothing was ingested or published")
        .contains("2030-01-01-broken/latin1.csv: the file is neither UTF-8 nor GB18030 text")
        .doesNotContain("\tat ");
    assertLatestUnchanged();
    assertThat(out.resolve("warehouse/drops/2030-01-01-broken.json")).doesNotExist();
  }

  @Test
  void aMissingInboxIsNamed() throws IOException {
    Result r = run("run", "--inbox", scratch.resolve("nowhere").toString(), "--out", out.toString());

    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.stderr()).contains("nowhere: the inbox folder does not exist");
    assertLatestUnchanged();
  }
}
