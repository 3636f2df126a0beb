package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per bad input of a drop file, each with its exact reason and detail: row problems are
 * rejected rows (the file goes on), file problems are one line-0 row that stops the job. The
 * within-drop duplicates and CSV formulas need Spark: see DataDropsEndToEndTest.
 */
class BadInputMatrixTest {
  private static final String HEADER = "year,region,industry,indicator,value,unit,source,note\n";

  private static List<IngestRow> read(String text) {
    return IngestFixtures.csv("f.csv", text, StandardCharsets.UTF_8, FileSpec.DEFAULT);
  }

  static Stream<Arguments> badRows() {
    return Stream.of(
        Arguments.of("2024,火星市,power_battery,revenue,12.3,亿元,,", "unknown_region",
            "region: '火星市' is not in regions.yaml"),
        Arguments.of("2024,成都市,元宇宙,revenue,45.6,亿元,,", "unknown_industry",
            "industry: '元宇宙' is not in plan.yaml"),
        Arguments.of("2024,成都市,动力电池,幸福指数,88,亿元,,", "unknown_indicator",
            "indicator: '幸福指数' is not in indicators.yaml"),
        Arguments.of("2024,绵阳市,新型显示,产值,n/a,亿元,,", "non_numeric_value",
            "value: 'n/a' is not a number"),
        Arguments.of("2024,绵阳市,新型显示,产值,\"1,23,4\",亿元,,", "non_numeric_value",
            "value: '1,23,4' is not a number"),
        Arguments.of("2024,绵阳市,新型显示,产值,,亿元,,", "empty_value", "value: empty"),
        Arguments.of("2024,雅安市,晶硅光伏,营业收入,-12.5,亿元,,", "negative_value",
            "value: -12.5 is negative; revenue cannot be"),
        Arguments.of("2024,成都市,动力电池,营业收入,12.5,,,", "unit_missing", "unit: empty"),
        Arguments.of("2024,绵阳市,动力电池,营业收入,35,GWh,,", "unit_not_convertible",
            "unit: 'GWh' does not convert to 亿元 (energy, not money)"),
        Arguments.of("2024,绵阳市,动力电池,营业收入,35,斤,,", "unit_not_convertible",
            "unit: '斤' is not in units.yaml"),
        Arguments.of("1899,成都市,轨道交通,营业收入,480,亿元,,", "year_out_of_range",
            "year: 1899 is outside 1990–2035 (settings.yaml years)"),
        Arguments.of("二〇二四,成都市,轨道交通,营业收入,480,亿元,,", "invalid_year",
            "year: '二〇二四' is not a year"),
        Arguments.of("2024,成都市,动力电池", "malformed_line",
            "expected 8 fields as in the header, found 3"),
        Arguments.of("2024,成都市,动力电池,营业收入,1,亿元,,,surplus", "malformed_line",
            "expected 8 fields as in the header, found 9"),
        Arguments.of("2024,\"成都\"市,动力电池,营业收入,1,亿元,,", "malformed_line",
            "unexpected text after the closing quote of field 2"),
        Arguments.of("2024,成都市,\"动力电池,营业收入,1,亿元,,", "malformed_line",
            "unterminated quote in field 3"));
  }

  @ParameterizedTest(name = "{1}: {0}")
  @MethodSource("badRows")
  void eachBadRowIsRejectedWithItsReason(String line, String reason, String detail) {
    List<IngestRow> rows = read(HEADER + "2024,成都市,动力电池,营业收入,1,亿元,,\n" + line + "\n");
    assertThat(rows)
        .extracting(IngestRow::line, r -> r.reason() == null ? null : r.reason().code(),
            IngestRow::detail, IngestRow::raw)
        .containsExactly(
            tuple(2L, null, null, null), // accepted: traced by line, raw text not kept
            tuple(3L, reason, detail, line));
  }

  @Test
  void aBrokenQuoteSpoilsOnlyItsOwnLine() {
    List<IngestRow> rows = read(HEADER
        + "2024,成都市,\"动力电池,营业收入,1,亿元,,\n"
        + "2024,成都市,动力电池,营业收入,2,亿元,,\n");
    assertThat(rows).extracting(IngestRow::line, IngestRow::accepted)
        .containsExactly(tuple(2L, false), tuple(3L, true));
  }

  static Stream<Arguments> badFiles() {
    byte[] utf16 = "\uFEFFyear,region\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] late = new byte[TextEncoding.SNIFF_BYTES + 200];
    byte[] head = (HEADER + "2024,成都市,动力电池,营业收入,1,亿元,,\n").getBytes(
        StandardCharsets.UTF_8);
    System.arraycopy(head, 0, late, 0, head.length);
    for (int i = head.length; i < late.length; i++) {
      late[i] = '\n';
    }
    late[late.length - 5] = (byte) 0xFF; // not UTF-8, past the bytes the detection reads
    return Stream.of(
        Arguments.of("empty", new byte[0], "file_empty", "the file has no header and no rows"),
        Arguments.of("blank lines only", "\n \n\n".getBytes(StandardCharsets.UTF_8),
            "file_empty", "the file has no header and no rows"),
        Arguments.of("no header", "2024,成都市,动力电池,营业收入,1,亿元\n".getBytes(
                StandardCharsets.UTF_8), "file_no_header",
            "no header: line 1 names none of the columns year, region, industry, indicator,"
                + " value, unit (or 年份, 地区, 产业, 指标, 数值, 单位, or a name drop.json maps);"
                + " found: 2024,成都市,动力电池,营业收入,1,亿元"),
        Arguments.of("header with a broken quote", "year,\"region\n".getBytes(
                StandardCharsets.UTF_8), "file_no_header",
            "no header: line 1 cannot be split into fields (unterminated quote in field 2);"
                + " found: year,\"region"),
        Arguments.of("missing columns", "年份,地区,产业,指标,备注\n2024,成都,动力电池,营收,x\n"
                .getBytes(StandardCharsets.UTF_8), "file_missing_columns",
            "missing required columns in line 1: value, unit (map them or give defaults in"
                + " drop.json); found: 年份,地区,产业,指标,备注"),
        Arguments.of("neither UTF-8 nor GB18030", new byte[] {'y', (byte) 0xFF, (byte) 0xFF, '\n'},
            "file_undecodable", "the file is neither UTF-8 nor GB18030 text"),
        Arguments.of("UTF-16", utf16, "file_undecodable",
            "the file is neither UTF-8 nor GB18030 text (it starts with a UTF-16 byte order"
                + " mark, as Excel's \"Unicode text\" does: save it as \"CSV UTF-8\")"),
        Arguments.of("bad byte after the first 64 KiB", late, "file_undecodable",
            "bytes that are not valid UTF-8 text at line " + (late.length - 5 - head.length + 3)
                + " (byte 0xFF)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void eachBadFileIsOneFileProblem(String name, byte[] bytes, String reason, String detail) {
    List<IngestRow> rows = IngestFixtures.csv("f.csv", bytes, FileSpec.DEFAULT);
    IngestRow problem = rows.get(rows.size() - 1);
    assertThat(problem.line()).isZero();
    assertThat(problem.reason().code()).isEqualTo(reason);
    assertThat(problem.reason().wholeFile()).isTrue();
    assertThat(problem.detail()).isEqualTo(detail);
    assertThat(rows.subList(0, rows.size() - 1)).allMatch(IngestRow::accepted);
  }
}
