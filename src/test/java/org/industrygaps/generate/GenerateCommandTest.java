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
}
