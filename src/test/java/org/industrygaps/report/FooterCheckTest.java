package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.TestSpark;
import org.industrygaps.storage.Storage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-publish check of the staged Parquet footers against the manifest's row counts. */
class FooterCheckTest {
  @TempDir static Path dir;
  private static final Storage storage = TestSpark.storage();

  @BeforeAll
  static void stageAReport() throws IOException {
    Dataset<Row> rows =
        Observations.inDrop("d")
            .add("power_battery", "revenue", "510000", 2022, 1)
            .add("power_battery", "revenue", "510000", 2023, 2)
            .add("natural_gas", "revenue", "510000", 2022, 3)
            .toDataset();
    rows.write().partitionBy("industry").parquet(dir.resolve("gaps").toString());
    rows.limit(0).write().partitionBy("industry").parquet(dir.resolve("revisions").toString());
    Files.writeString(dir.resolve("all.csv"), "a\r\n1\r\n");
  }

  private static List<OutputRecord> outputs(long gaps) {
    return List.of(
        new OutputRecord("gaps", "gaps/", "parquet", gaps),
        new OutputRecord("revisions", "revisions/", "parquet", 0),
        new OutputRecord("csv_all", "all.csv", "csv", 1));
  }

  @Test
  void footersThatAgreeWithTheManifestPass() {
    assertThat(FooterCheck.footerRows(storage, dir.resolve("gaps").toString())).isEqualTo(3);
    FooterCheck.verify(storage, dir.toString(), outputs(3));
  }

  @Test
  void aCountThatDisagreesStopsThePublish() {
    assertThatThrownBy(() -> FooterCheck.verify(storage, dir.toString(), outputs(4)))
        .isInstanceOf(FooterCheck.MismatchException.class)
        .hasMessage("the staged reports do not match their manifest, nothing was published:\n"
            + "  gaps/: 3 rows in the Parquet footers, 4 in the manifest");
  }

  @Test
  void aMissingOrCorruptFileStopsThePublish(@TempDir Path copy) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(dir.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    Path gaps = copy.resolve("gaps/industry=power_battery");
    try (Stream<Path> files = Files.list(gaps)) {
      Path parquet = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
      Files.write(parquet, new byte[] {'P', 'A', 'R', '1', 0, 0}); // truncated
    }
    Files.delete(copy.resolve("all.csv"));

    assertThatThrownBy(() -> FooterCheck.verify(storage, copy.toString(), outputs(3)))
        .isInstanceOf(FooterCheck.MismatchException.class)
        .hasMessageContaining("gaps/: cannot read the Parquet footer of ")
        .hasMessageContaining("all.csv: missing");
  }

  @Test
  void aCsvWithFewerRowsThanItsTableStopsThePublish() {
    List<OutputRecord> outputs =
        List.of(
            new OutputRecord("gaps", "gaps/", "parquet", 3),
            new OutputRecord("csv_all_industries", "all.csv", "csv", 2));

    assertThatThrownBy(() -> FooterCheck.verify(storage, dir.toString(), outputs))
        .isInstanceOf(FooterCheck.MismatchException.class)
        .hasMessage("the staged reports do not match their manifest, nothing was published:\n"
            + "  csv_all_industries: 2 rows, 3 in gaps");
  }
}
