package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.industrygaps.report.ColumnDictionary.Headers;
import org.junit.jupiter.api.Test;

/** The report options of the command line: --csv-headers. */
class ReportOptionsTest {

  @Test
  void byDefaultCsvHeadersAreEnglish() {
    assertThat(Options.parse(List.of("run")).csvHeaders()).isEqualTo(Headers.EN);
  }

  @Test
  void chineseHeaders() {
    Options o = Options.parse(List.of("report", "--csv-headers", "zh"));
    assertThat(o.command()).isEqualTo(Options.Command.REPORT);
    assertThat(o.csvHeaders()).isEqualTo(Headers.ZH);
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThatThrownBy(() -> Options.parse(List.of("--csv-headers", "fr")))
        .isInstanceOf(UsageException.class).hasMessageContaining("en or zh");
    assertThat(Main.run(List.of("--csv-headers", "xx"))).isEqualTo(Main.BAD_USAGE_OR_CONFIG);
  }
}
