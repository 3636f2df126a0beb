package org.industrygaps.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.industrygaps.TestSpark;
import org.industrygaps.cli.UsageException;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
  @Test
  void moreObservationsThanTheCountiesHoldAreRefusedNotSilentlyCut(@TempDir Path out) {
    // conf/: 86 series (industry × indicator with a unit); 9,999 counties × 86 × 30 years
    // = 25,797,420: 50 million need more years.
    assertThatThrownBy(
            () -> GenerateCommand.run(
                List.of("--out", out.toString(), "--observations", "50000000")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--observations 50,000,000: at most 25,797,420 fit in 30 years (9,999"
            + " counties × 86 series × 30 years); raise --years");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void moreDropsThanTheirNamesHoldAreRefused(@TempDir Path out) {
    assertThatThrownBy(
            () -> GenerateCommand.run(List.of("--out", out.toString(), "--drops", "5000")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--drops 5000: at most 999");
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void writesTheRowsAskedFor(@TempDir Path out) throws Exception {
    GenerateCommand.run(
        List.of("--out", out.toString(), "--observations", "5000", "--files", "2"));

    long rows = 0;
    for (Path f : List.of(out.resolve("inbox/2026-01-01-full/part-0000.csv"),
        out.resolve("inbox/2026-01-01-full/part-0001.csv"))) {
      rows += Files.readAllLines(f).size() - 1; // the header
    }
    assertThat(rows).isEqualTo(5000);
  }

  @Test
  void sixtyYearsEndIn2025AndTheSettingsAcceptEveryYearGenerated(@TempDir Path out)
      throws Exception {
    // One county: 86 series × 60 years = 5,160 rows, 1966–2025; the next drop adds 2026.
    GenerateCommand.run(
        List.of("--out", out.toString(), "--observations", "5160", "--years", "60", "--files",
            "1"));

    Settings.YearRange range =
        PlanConfigLoader.load(TestSpark.localStorage(), out.resolve("conf").toString())
            .settings().years();
    assertThat(range).isEqualTo(new Settings.YearRange(1966, 2035));
    List<Integer> years = new java.util.ArrayList<>();
    for (Path f : List.of(out.resolve("inbox/2026-01-01-full/part-0000.csv"),
        out.resolve("next-drop/2026-02-01-next/part-0000.csv"))) {
      Files.readAllLines(f).stream().skip(1)
          .forEach(line -> years.add(Integer.parseInt(line.substring(0, 4))));
    }
    assertThat(years).hasSize(5160 + 52).allSatisfy(
        y -> assertThat(y).isBetween(range.min(), range.max()));
    assertThat(years.stream().mapToInt(Integer::intValue).summaryStatistics())
        .extracting("min", "max").containsExactly(1966, 2026);
  }

  @Test
  void laterDropsReportEveryValueAgainAndReviseAFewAndUnknownRegionsAreMixedIn(@TempDir Path out)
      throws Exception {
    GenerateCommand.run(
        List.of("--out", out.toString(), "--observations", "5000", "--files", "1", "--drops", "3",
            "--unknown-region-every", "100"));

    List<String> drops;
    try (var listing = Files.list(out.resolve("inbox"))) {
      drops = listing.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(drops).containsExactly("2026-01-01-full", "2026-01-01-full-002", "2026-01-01-full-003");
    List<List<String>> rows = new java.util.ArrayList<>();
    for (String drop : drops) {
      rows.add(Files.readAllLines(out.resolve("inbox/" + drop + "/part-0000.csv")).stream().skip(1)
          .toList());
    }
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(5000));
    // Every 100th row of each drop: 50 rows with the unknown region, the same lines in each drop.
    assertThat(rows).allSatisfy(r -> assertThat(r).filteredOn(l -> l.contains(",989999,"))
        .hasSize(50));
    // A later drop reports the same keys; about one value in 50 differs from the first drop's.
    for (List<String> later : rows.subList(1, 3)) {
      long revised = 0;
      for (int i = 0; i < 5000; i++) {
        String[] first = rows.get(0).get(i).split(",");
        String[] again = later.get(i).split(",");
        assertThat(again[0] + again[1] + again[2] + again[3])
            .isEqualTo(first[0] + first[1] + first[2] + first[3]);
        revised += first[4].equals(again[4]) ? 0 : 1;
      }
      assertThat(revised).isBetween(50L, 150L);
    }
  }
}
