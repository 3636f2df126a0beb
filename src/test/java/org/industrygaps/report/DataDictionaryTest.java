package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.TestSpark;
import org.industrygaps.report.ColumnDictionary.Column;
import org.industrygaps.report.ColumnDictionary.Headers;
import org.industrygaps.report.ColumnDictionary.Output;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary is one source of truth and current: docs/data-dictionary.md is what the
 * generator writes now, and every column of every table a run writes is documented with its type.
 */
class DataDictionaryTest {
  private static final List<String> PARQUET =
      List.of("rollup", "gaps", "trajectory", "city_contributions", "revisions", "coverage");

  @Test
  void theCommittedDictionaryIsWhatTheGeneratorWritesNow() throws IOException {
    String committed = Files.readString(Path.of(DataDictionary.PATH), StandardCharsets.UTF_8);
    assertThat(committed)
        .as("docs/data-dictionary.md is stale: run jobs/data-dictionary.sh and commit it")
        .isEqualTo(DataDictionary.markdown());
  }

  @Test
  void everyColumnOfEveryWrittenTableIsDocumentedWithItsType() throws IOException {
    Path reports = SampleRun.reports();
    for (String table : PARQUET) {
      StructType schema =
          TestSpark.session().read().parquet(reports.resolve(table).toString()).schema();
      Map<String, String> written = new LinkedHashMap<>();
      for (StructField f : schema.fields()) {
        written.put(f.name(), f.dataType().simpleString());
      }
      Output documented = ColumnDictionary.output(table);
      Map<String, String> expected = new LinkedHashMap<>();
      for (Column c : documented.columns()) {
        expected.put(c.name(), c.type().spark());
      }
      assertThat(written).as(table + ": columns and types, Parquet vs dictionary")
          .containsExactlyInAnyOrderEntriesOf(expected);
    }
    // The CSV files: the roll-up's and the gap report's columns in the dictionary's order, and
    // the rejected rows.
    assertThat(csvHeader(reports.resolve("csv/rollup.csv")))
        .containsExactlyElementsOf(ColumnDictionary.output("rollup").names());
    assertThat(csvHeader(reports.resolve("csv/all_industries.csv")))
        .containsExactlyElementsOf(ColumnDictionary.output("gaps").names());
    assertThat(csvHeader(reports.resolve("csv/power_battery.csv")))
        .containsExactlyElementsOf(ColumnDictionary.output("gaps").names());
    assertThat(csvHeader(reports.resolve("rejected_rows.csv")))
        .containsExactlyElementsOf(ColumnDictionary.output("rejected_rows").names());
  }

  @Test
  void everyReportTableStartsWithTheLabelsEveryRowCarries() {
    for (String table : PARQUET) {
      assertThat(ColumnDictionary.output(table).names().subList(0, ReportLabels.LEADING.size()))
          .isEqualTo(ReportLabels.LEADING);
    }
  }

  @Test
  void everyColumnHasAUniqueChineseLabelAndADefinition() {
    for (Output o : ColumnDictionary.outputs()) {
      Set<String> labels = new HashSet<>();
      for (Column c : o.columns()) {
        assertThat(c.name()).matches("[a-z][a-z0-9_]*");
        assertThat(c.labelZh()).as(o.name() + "." + c.name()).isNotBlank();
        assertThat(c.definition()).as(o.name() + "." + c.name()).isNotBlank();
        assertThat(labels.add(c.labelZh()))
            .as(o.name() + ": Chinese label " + c.labelZh() + " used twice").isTrue();
      }
    }
  }

  @Test
  void chineseHeadersAreTheLabelsInTheSameOrder() {
    String[] columns = {"industry", "target_value", "status_zh"};
    assertThat(ColumnDictionary.header("gaps", columns, Headers.ZH))
        .containsExactly("产业代码", "目标值", "评估状态（中文）");
    assertThat(ColumnDictionary.header("gaps", columns, Headers.EN)).containsExactly(columns);
    assertThat(Headers.parse("zh")).isEqualTo(Headers.ZH);
    assertThat(Headers.parse("fr")).isNull();
  }

  @Test
  void theDictionaryDocumentsEveryOutputOfTheManifest() throws IOException {
    RunManifest manifest =
        RunManifest.fromJson(Files.readAllBytes(SampleRun.reports().resolve("manifest.json")));
    String md = DataDictionary.markdown();
    for (OutputRecord o : manifest.outputs()) {
      String documented = o.path().startsWith("csv/") ? "csv/<industry>.csv" : o.path().replace("/", "");
      assertThat(md).as(o.path()).contains(documented);
    }
  }

  private static List<String> csvHeader(Path csv) throws IOException {
    String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    assertThat(first).as(csv + " starts with a BOM").startsWith("\uFEFF");
    return Arrays.asList(first.substring(1).split(","));
  }
}
