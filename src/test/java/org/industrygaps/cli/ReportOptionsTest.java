package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.industrygaps.report.ColumnDictionary.Headers;
import org.junit.jupiter.api.Test;

/** The report options of the command line: --csv-headers and --publish-jdbc. */
class ReportOptionsTest {

  @Test
  void byDefaultCsvHeadersAreEnglishAndNothingGoesToADatabase() {
    Options o = Options.parse(List.of("run"));
    assertThat(o.csvHeaders()).isEqualTo(Headers.EN);
    assertThat(o.publishJdbc()).isNull();
  }

  @Test
  void chineseHeadersAndAPostgresUrl() {
    Options o =
        Options.parse(List.of("report", "--csv-headers", "zh", "--publish-jdbc",
            "jdbc:postgresql://127.0.0.1:5432/industry_gaps"));
    assertThat(o.command()).isEqualTo(Options.Command.REPORT);
    assertThat(o.csvHeaders()).isEqualTo(Headers.ZH);
    assertThat(o.publishJdbc()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/industry_gaps");
  }

  @Test
  void badValuesAreUsageErrorsThatDoNotEchoTheUrl() {
    assertThatThrownBy(() -> Options.parse(List.of("--csv-headers", "fr")))
        .isInstanceOf(UsageException.class).hasMessageContaining("en or zh");
    assertThatThrownBy(() -> Options.parse(List.of("--publish-jdbc", "jdbc:mysql://h/db?password=s3cret")))
        .isInstanceOf(UsageException.class).hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> Options.parse(List.of("--publish-jdbc")))
        .isInstanceOf(UsageException.class);
    assertThat(Main.run(List.of("--csv-headers", "xx"))).isEqualTo(Main.BAD_USAGE_OR_CONFIG);
  }
}
