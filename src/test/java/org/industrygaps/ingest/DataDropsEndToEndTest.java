package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.industrygaps.TestSpark;
import org.industrygaps.cli.Main;
import org.industrygaps.report.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on small drops through the command line (Main.run, the shared test session): a drop with
 * CSV, a GB18030 yearbook table and Parquet is published; a drop beyond the reject limit, an
 * unreadable file or a bad drop.json stops the job (exit 3) before anything is published; validate
 * writes nothing and says whether a run would refuse the input.
 */
class DataDropsEndToEndTest {
  private static final String HEADER = "year,region,industry,indicator,value,unit,source,note\n";

  /** Exit status, standard output and standard error of one command. */
  private record Outcome(int status, String out, String err) {}

  private static synchronized Outcome main(String... args) {
    TestSpark.session();
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = Main.run(List.of(args));
      return new Outcome(status, o.toString(StandardCharsets.UTF_8),
          e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static Path write(Path file, String text, Charset charset) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, text.getBytes(charset));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A drop with every kind of file: long CSV, GB18030 wide table, Parquet, and a drop.json. */
  private static void mixedDrop(Path inbox) {
    Path drop = inbox.resolve("2024-01-01-mixed");
    write(drop.resolve("long.csv"), HEADER
        + "2024,成都市,power_battery,revenue,452.36,亿元,@SUM(A1),\"=HYPERLINK(\"\"http://x\"\")\"\n"
        + "=1+2,成都市,power_battery,revenue,1,亿元,,\n"
        + "2024,德阳市,power_battery,revenue,210,亿元,,\n"
        + "2024,Deyang,power_battery,revenue,211,亿元,,\n"
        + "2024,遂宁,power_battery,revenue,420,亿元,,\n"
        + "2024,遂宁市,动力电池,营业收入,420,亿元,,\n", StandardCharsets.UTF_8);
    write(drop.resolve("yearbook.csv"), "表1 示例\n地区,营业收入（亿元）,利润总额（万元）\n"
        + "宜宾市,1180,\"865,000\"\n眉山市,270,n/a\n", TextEncoding.GB18030);
    IngestFixtures.writeParquet(drop.resolve("obs.parquet"), ParquetDropParserTest.TYPED, List.of(
        ParquetDropParserTest.row(2024, "510000", "power_battery", "revenue", 3080.0, "亿元", null),
        ParquetDropParserTest.row(2024, "火星市", "power_battery", "revenue", 1.0, "亿元", null)));
    write(drop.resolve("drop.json"), """
        {
          "source": "=cmd|' /C calc'!A0",
          "publication_date": "2024-01-01",
          "files": {
            "yearbook.csv": {
              "encoding": "gbk",
              "layout": "wide",
              "header_line": 2,
              "defaults": {"year": 2024, "industry": "power_battery"},
              "value_columns": {
                "营业收入（亿元）": {"indicator": "revenue", "unit": "亿元"},
                "利润总额（万元）": {"indicator": "profit", "unit": "万元"}
              }
            }
          }
        }
        """, StandardCharsets.UTF_8);
  }

  private static Map<String, Long> reasons(RunManifest m, String file) {
    return m.drops().stream().flatMap(d -> d.files().stream())
        .filter(f -> f.file().equals(file)).findFirst().orElseThrow().rejectedByReason();
  }

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void publishesAMixedDropThenRefusesBadInputLeavingLatestUntouched(
      @TempDir Path inbox, @TempDir Path out) throws IOException {
    mixedDrop(inbox);
    Outcome first = main("run", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(first.status()).as(first.err()).isZero();

    Path latest = out.resolve("reports/latest");
    byte[] manifestBytes = Files.readAllBytes(latest.resolve("manifest.json"));
    RunManifest manifest = RunManifest.fromJson(manifestBytes);
    RunManifest.DropEntry drop = manifest.drops().get(0);
    assertThat(drop.source()).isEqualTo("=cmd|' /C calc'!A0");
    assertThat(drop.publicationDate()).isEqualTo("2024-01-01");
    assertThat(drop.files())
        .extracting(f -> f.file(), f -> f.rowsRead(), f -> f.rowsAccepted(), f -> f.rowsRejected(),
            f -> f.acceptedByYear())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2024-01-01-mixed/long.csv", 6L, 2L, 4L,
                Map.of(2024, 2L)),
            org.assertj.core.groups.Tuple.tuple("2024-01-01-mixed/obs.parquet", 2L, 1L, 1L,
                Map.of(2024, 1L)),
            org.assertj.core.groups.Tuple.tuple("2024-01-01-mixed/yearbook.csv", 4L, 3L, 1L,
                Map.of(2024, 3L)));
    assertThat(reasons(manifest, "2024-01-01-mixed/long.csv")).isEqualTo(Map.of(
        "invalid_year", 1L, "conflicting_duplicate", 2L, "duplicate_row", 1L));
    // The warehouse holds each row once, accepted (2 + 1 + 3) or rejected (4 + 1 + 1), with its
    // duplicates marked; the staged rows it was moved from are gone.
    assertThat(TestSpark.session().read().parquet(out + "/warehouse/observations").count())
        .isEqualTo(6);
    assertThat(TestSpark.session().read().parquet(out + "/warehouse/rejected")
        .groupBy("reason").count().collectAsList())
        .extracting(r -> r.getString(0), r -> r.getLong(1))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("invalid_year", 1L),
            org.assertj.core.groups.Tuple.tuple("conflicting_duplicate", 2L),
            org.assertj.core.groups.Tuple.tuple("duplicate_row", 1L),
            org.assertj.core.groups.Tuple.tuple("non_numeric_value", 1L),
            org.assertj.core.groups.Tuple.tuple("unknown_region", 1L));
    assertThat(out.resolve("warehouse/_staging")).doesNotExist();

    // Formulas are data in the warehouse …
    List<Row> stored = TestSpark.session().read().parquet(out + "/warehouse/observations")
        .where("region = '510100'").select("source", "note").collectAsList();
    assertThat(stored).extracting(r -> r.getString(0), r -> r.getString(1))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("@SUM(A1)",
            "=HYPERLINK(\"http://x\")"));
    List<Row> fromDropSource = TestSpark.session().read()
        .parquet(out + "/warehouse/observations").where("file like '%yearbook.csv'")
        .select("source").distinct().collectAsList();
    assertThat(fromDropSource).extracting(r -> r.getString(0))
        .containsExactly("=cmd|' /C calc'!A0");
    // … and neutralised in the CSV outputs.
    String rejected = Files.readString(latest.resolve("rejected_rows.csv"));
    assertThat(rejected).contains("\"'=1+2,成都市,power_battery,revenue,1,亿元,,\"")
        .doesNotContain(",=1+2");
    assertThat(rejected).contains("column '利润总额（万元）': value: 'n/a' is not a number");

    // A drop above the reject limit (2 of 3 rows) stops the run: nothing published or stored.
    List<String> before = tree(out);
    write(inbox.resolve("2024-02-01-bad/a.csv"), HEADER
        + "2024,成都市,power_battery,revenue,460,亿元,,\n"
        + "2024,火星市,power_battery,revenue,1,亿元,,\n"
        + "2024,成都市,元宇宙,revenue,1,亿元,,\n", StandardCharsets.UTF_8);
    Outcome refused = main("run", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(refused.status()).isEqualTo(3);
    assertThat(refused.err()).contains("input refused, nothing was ingested or published:\n"
        + "  2024-02-01-bad: 2 of 3 rows rejected (66.7%), above reject_limit_share 50.0% of"
        + " settings.yaml; see the reasons with the validate command");
    assertThat(tree(out)).isEqualTo(before);
    assertThat(Files.readAllBytes(latest.resolve("manifest.json"))).isEqualTo(manifestBytes);

    // A file that cannot be read at all stops the run too, naming the file and the problem.
    Files.delete(inbox.resolve("2024-02-01-bad/a.csv"));
    Files.write(inbox.resolve("2024-02-01-bad/a.csv"), new byte[] {'y', (byte) 0xFF, '\n'});
    Outcome unreadable = main("run", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(unreadable.status()).isEqualTo(3);
    assertThat(unreadable.err()).contains(
        "  2024-02-01-bad/a.csv: the file is neither UTF-8 nor GB18030 text");
    assertThat(tree(out)).isEqualTo(before);

    // So does a bad drop.json.
    write(inbox.resolve("2024-02-01-bad/drop.json"), "{\"encoding\": \"big5\"}",
        StandardCharsets.UTF_8);
    Outcome descriptor = main("ingest", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(descriptor.status()).isEqualTo(3);
    assertThat(descriptor.err()).contains("  2024-02-01-bad/drop.json line 1, field encoding:"
        + " unknown encoding 'big5' (known: auto, utf-8, gb18030, gbk)");
    assertThat(tree(out)).isEqualTo(before);
  }

  @Test
  void validateWritesNothingAndExitsThreeWhenARunWouldRefuseTheInput(
      @TempDir Path inbox, @TempDir Path tmp) {
    Path out = tmp.resolve("out");
    // Exactly at the limit (1 of 2 rows rejected = 50%) is still accepted.
    write(inbox.resolve("2024-01-01-ok/a.csv"), HEADER
        + "2024,成都市,power_battery,revenue,460,亿元,,\n"
        + "2024,火星市,power_battery,revenue,1,亿元,,\n", StandardCharsets.UTF_8);
    Outcome ok = main("validate", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(ok.status()).as(ok.err()).isZero();
    assertThat(ok.out()).contains(
        "drop 2024-01-01-ok\n  2024-01-01-ok/a.csv  read      2  accepted      1  rejected      1\n"
            + "      unknown_region                      1\n"
            + "input ok: 1 drop(s) would be accepted\n");
    assertThat(out).doesNotExist();

    write(inbox.resolve("2024-02-01-empty/b.csv"), "", StandardCharsets.UTF_8);
    write(inbox.resolve("2024-03-01-descriptor/c.csv"), HEADER, StandardCharsets.UTF_8);
    write(inbox.resolve("2024-03-01-descriptor/drop.json"), "{\n  \"layout\": \"wide\"\n}",
        StandardCharsets.UTF_8);
    Outcome refused = main("validate", "--inbox", inbox.toString(), "--out", out.toString());
    assertThat(refused.status()).isEqualTo(3);
    List<String> problems = new ArrayList<>();
    refused.out().lines().filter(l -> l.startsWith("PROBLEM ")).forEach(problems::add);
    assertThat(problems).containsExactly(
        "PROBLEM 2024-03-01-descriptor/drop.json line 2, field layout: a wide layout needs"
            + " value_columns: the header of each column that holds values and what it stands for",
        "PROBLEM 2024-02-01-empty/b.csv: the file has no header and no rows");
    assertThat(refused.out()).endsWith("input refused: 2 problem(s); a run would stop with exit"
        + " status 3 and publish nothing\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void dropsWithoutRowsAreRegisteredWithNothingStaged(@TempDir Path inbox, @TempDir Path out)
      throws IOException {
    Files.createDirectories(inbox.resolve("2024-01-01-no-files"));
    write(inbox.resolve("2024-02-01-header-only/a.csv"), HEADER, StandardCharsets.UTF_8);

    Outcome run = main("run", "--inbox", inbox.toString(), "--out", out.toString());

    assertThat(run.status()).as(run.err()).isZero();
    RunManifest manifest =
        RunManifest.fromJson(Files.readAllBytes(out.resolve("reports/latest/manifest.json")));
    assertThat(manifest.drops())
        .extracting(d -> d.drop(), d -> d.files().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2024-01-01-no-files", 0),
            org.assertj.core.groups.Tuple.tuple("2024-02-01-header-only", 1));
    assertThat(manifest.drops().get(1).files().get(0).rowsRead()).isZero();
    assertThat(tree(out.resolve("warehouse")))
        .containsExactly("", "drops", "drops/2024-01-01-no-files.json",
            "drops/2024-02-01-header-only.json");
  }
}
