package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The optional series_break (口径调整) column: parsed, validated and carried into the row. */
class SeriesBreakColumnTest {
  private static final List<DropColumn> COLUMNS =
      List.of(
          DropColumn.YEAR, DropColumn.REGION, DropColumn.INDUSTRY, DropColumn.INDICATOR,
          DropColumn.VALUE, DropColumn.UNIT, DropColumn.SERIES_BREAK);

  private static IngestRow validate(String flag) {
    List<String> fields = List.of("2023", "四川", "优质白酒", "营业收入", "3020", "亿元", flag);
    Map<DropColumn, String> cells = new java.util.EnumMap<>(DropColumn.class);
    for (int i = 0; i < fields.size(); i++) {
      cells.put(COLUMNS.get(i), fields.get(i).strip());
    }
    return new ObservationValidator(TestSpark.sampleConfig())
        .validate("d1", "d1/f.csv", 5, String.join(",", fields), cells);
  }

  @ParameterizedTest(name = "''{0}'' → {1}")
  @CsvSource({
    "true, true", "TRUE, true", "1, true", "yes, true", "Yes, true", "是, true", "' true ', true",
    "false, false", "0, false", "no, false", "否, false", "'', false", "１, true",
  })
  void acceptsTheDocumentedSpellings(String flag, boolean expected) {
    IngestRow row = validate(flag);

    assertThat(row.accepted()).isTrue();
    assertThat(row.seriesBreak()).isEqualTo(expected);
    assertThat(IngestSchema.toRow(row).getBoolean(IngestSchema.SCHEMA.fieldIndex("series_break")))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"maybe", "2", "y", "对"})
  void anythingElseRejectsTheRow(String flag) {
    IngestRow row = validate(flag);

    assertThat(row.reason()).isEqualTo(RejectReason.INVALID_SERIES_BREAK);
    assertThat(row.reason().code()).isEqualTo("invalid_series_break");
    assertThat(row.detail())
        .isEqualTo("series_break: '" + flag + "' is not true/false, 1/0, yes/no or 是/否");
    assertThat(row.seriesBreak()).isFalse();
  }

  private static List<IngestRow> parse(String csv) {
    List<IngestRow> rows = new ArrayList<>();
    new DropFileParser(new ObservationValidator(TestSpark.sampleConfig()))
        .parse("d1", "d1/f.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void theChineseHeaderIsRecognisedAndAFileWithoutTheColumnHasNoBreaks() {
    List<IngestRow> withColumn =
        parse("年份,地区,产业,指标,数值,单位,口径调整\n2023,四川,白酒,营收,3020,亿元,是\n2024,四川,白酒,营收,3190,亿元,\n");
    List<IngestRow> without = parse("year,region,industry,indicator,value,unit\n2023,四川,白酒,营收,3020,亿元\n");

    assertThat(withColumn).extracting(IngestRow::year, IngestRow::seriesBreak)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2023, true),
            org.assertj.core.groups.Tuple.tuple(2024, false));
    assertThat(without).singleElement().satisfies(r -> {
      assertThat(r.accepted()).isTrue();
      assertThat(r.seriesBreak()).isFalse();
    });
  }

  @Test
  void theEnglishHeaderIsRecognised() {
    assertThat(parse("year,region,industry,indicator,value,unit,series_break\n2023,四川,白酒,营收,3020,亿元,true\n"))
        .singleElement()
        .satisfies(r -> assertThat(r.seriesBreak()).isTrue());
  }
}
