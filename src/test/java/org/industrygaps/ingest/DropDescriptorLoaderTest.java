package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** drop.json: binding, merging per file, and one exact message per mistake. */
class DropDescriptorLoaderTest {
  private static final String D = IngestFixtures.DROP;
  private static final Drop DROP =
      new Drop(D, "/inbox/" + D, List.of(
          new Drop.DropFile(D + "/a.csv", "/inbox/" + D + "/a.csv", 10),
          new Drop.DropFile(D + "/wide.csv", "/inbox/" + D + "/wide.csv", 10)));

  private static DropDescriptorLoader.Loaded parse(String json) {
    return DropDescriptorLoader.parse(
        IngestFixtures.config(), DROP, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void resolvesEachFileWithTheDropWideSettingsUnderItsOwn() {
    DropDescriptorLoader.Loaded loaded = parse("""
        {
          "source": "统计局",
          "publication_date": "2025-06-30",
          "encoding": "GBK",
          "columns": {"统计年度": "year", "市州": "region"},
          "defaults": {"year": 2024, "unit": "亿元"},
          "files": {
            "wide.csv": {
              "layout": "wide",
              "header_line": 3,
              "source": "年鉴",
              "defaults": {"industry": "动力电池"},
              "value_columns": {"营业收入(亿元)": {"indicator": "revenue"}}
            }
          }
        }
        """);
    assertThat(loaded.source()).isEqualTo("统计局");
    assertThat(loaded.publicationDate()).isEqualTo("2025-06-30");
    FileSpec a = loaded.spec(D + "/a.csv");
    assertThat(a.encoding()).isEqualTo("gb18030");
    assertThat(a.layout()).isEqualTo(FileSpec.Layout.LONG);
    assertThat(a.headerLine()).isEqualTo(1);
    assertThat(a.columns())
        .isEqualTo(Map.of("统计年度", DropColumn.YEAR, "市州", DropColumn.REGION));
    assertThat(a.defaults()).isEqualTo(new DropDescriptor.Fixed(2024, null, null, null, "亿元"));
    assertThat(a.source()).isEqualTo("统计局");
    FileSpec wide = loaded.spec(D + "/wide.csv");
    assertThat(wide.layout()).isEqualTo(FileSpec.Layout.WIDE);
    assertThat(wide.headerLine()).isEqualTo(3);
    assertThat(wide.source()).isEqualTo("年鉴");
    assertThat(wide.defaults())
        .isEqualTo(new DropDescriptor.Fixed(2024, null, "动力电池", null, "亿元"));
    assertThat(wide.valueColumn("营业收入（亿元）")) // full-width brackets match too
        .isEqualTo(new DropDescriptor.Fixed(null, null, null, "revenue", null));
  }

  @Test
  void aDropWithoutDropJsonReadsWithTheDefaults(@TempDir Path inbox) throws Exception {
    Path dir = Files.createDirectories(inbox.resolve(D));
    Drop drop = new Drop(D, dir.toString(), List.of());
    DropDescriptorLoader.Loaded loaded =
        DropDescriptorLoader.load(IngestFixtures.storage(), IngestFixtures.config(), drop);
    assertThat(loaded.source()).isNull();
    assertThat(loaded.spec(D + "/x.csv")).isEqualTo(FileSpec.DEFAULT);
  }

  static Stream<Arguments> mistakes() {
    String at = D + "/drop.json line ";
    return Stream.of(
        Arguments.of("{\n  \"sorce\": \"x\"\n}",
            at + "2, field sorce: unknown field 'sorce' (known: columns, defaults, encoding,"
                + " files, header_line, layout, publication_date, source, value_columns)"),
        Arguments.of("{\n  \"encoding\": \"latin1\"\n}",
            at + "2, field encoding: unknown encoding 'latin1' (known: auto, utf-8, gb18030, gbk)"),
        Arguments.of("{\n  \"layout\": \"tall\"\n}",
            at + "2, field layout: unknown layout 'tall' (known: long, wide)"),
        Arguments.of("{\n  \"publication_date\": \"2025-13-01\"\n}",
            at + "2, field publication_date: '2025-13-01' is not a date written YYYY-MM-DD"),
        Arguments.of("{\n  \"header_line\": 0\n}",
            at + "2, field header_line: must be 1 or more, got 0"),
        Arguments.of("{\n  \"source\": \" \"\n}", at + "2, field source: must not be blank"),
        Arguments.of("{\n  \"columns\": {\n    \"统计年度\": \"yr\"\n  }\n}",
            at + "3, field columns.统计年度: unknown column 'yr' (known: year, region, industry,"
                + " indicator, value, unit, source, note, series_break)"),
        Arguments.of("{\n  \"defaults\": {\n    \"industry\": \"元宇宙\"\n  }\n}",
            at + "3, field defaults.industry: unknown industry '元宇宙' (not in plan.yaml)"),
        Arguments.of("{\n  \"defaults\": {\"unit\": \"斤\"}\n}",
            at + "2, field defaults.unit: unknown unit '斤' (not in units.yaml)"),
        Arguments.of("{\n  \"defaults\": {\"year\": 2024.5}\n}",
            at + "2, field defaults.year: Cannot coerce Floating-point value (2024.5) to"
                + " `java.lang.Integer` value (but could if coercion was enabled using"
                + " `CoercionConfig`)"),
        Arguments.of("{\n  \"value_columns\": {\"2021年\": {\"year\": 2021}}\n}",
            at + "2, field value_columns: value_columns apply to a wide table only: set"
                + " \"layout\": \"wide\""),
        Arguments.of("{\n  \"layout\": \"wide\"\n}",
            at + "2, field layout: a wide layout needs value_columns: the header of each column"
                + " that holds values and what it stands for"),
        Arguments.of("{\"layout\": \"wide\", \"value_columns\": {\"2021年\": {\"year\": 1899}}}",
            at + "1, field value_columns.2021年.year: 1899 is outside 1990–2035 (settings.yaml"
                + " years)"),
        Arguments.of("{\"layout\": \"wide\", \"columns\": {\"数据\": \"value\"},"
                + " \"value_columns\": {\"2021年\": {\"year\": 2021}}}",
            at + "1, field columns: a wide table takes its values from value_columns, not from"
                + " a column mapped to value"),
        Arguments.of("{\n  \"files\": {\n    \"b.csv\": {}\n  }\n}",
            at + "3, field files.b.csv: the drop has no data file 'b.csv' (data files: a.csv,"
                + " wide.csv)"),
        Arguments.of("{\n  \"files\": {\n    \"a.csv\": {\"encoding\": \"big5\"}\n  }\n}",
            at + "3, field files.a.csv.encoding: unknown encoding 'big5' (known: auto, utf-8,"
                + " gb18030, gbk)"),
        Arguments.of("{\n  \"source\": \"a\",\n  \"source\": \"b\"\n}",
            at + "3: Duplicate field 'source'"));
  }

  @ParameterizedTest
  @MethodSource("mistakes")
  void eachMistakeIsRefusedNamingFileLineAndField(String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }

  @Test
  void brokenJsonNamesTheLine() {
    assertThatThrownBy(() -> parse("{\n  \"source\": \"x\",\n}"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(D + "/drop.json line 3: Unexpected character ('}'");
  }
}
