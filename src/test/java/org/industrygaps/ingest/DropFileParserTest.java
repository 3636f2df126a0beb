package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Encodings (detected or declared), drop.json mappings and defaults, and wide tables. */
class DropFileParserTest {
  private static final Charset GB18030 = TextEncoding.GB18030;
  private static final String LONG =
      "年份,地区,产业,指标,数值,单位\n2024,成都市,动力电池,营业收入,\"4,523,600\",万元\n";

  private static FileSpec declared(String encoding) {
    return IngestFixtures.spec(encoding, Map.of(), DropDescriptor.Fixed.NONE, null);
  }

  private static void assertOneAccepted(List<IngestRow> rows) {
    assertThat(rows).extracting(IngestRow::line, IngestRow::region, IngestRow::industry,
            IngestRow::indicator, IngestRow::value, IngestRow::unit, IngestRow::reason)
        .containsExactly(tuple(2L, "510100", "power_battery", "revenue", 452.36, "亿元", null));
  }

  @Test
  void readsUtf8WithAndWithoutBomAndGb18030ByDetection() {
    assertOneAccepted(IngestFixtures.csv("a.csv", "\uFEFF" + LONG, StandardCharsets.UTF_8,
        FileSpec.DEFAULT));
    assertOneAccepted(IngestFixtures.csv("a.csv", LONG, StandardCharsets.UTF_8,
        FileSpec.DEFAULT));
    assertOneAccepted(IngestFixtures.csv("a.csv", LONG, GB18030, FileSpec.DEFAULT));
    assertOneAccepted(IngestFixtures.csv("a.csv", LONG, Charset.forName("GBK"),
        FileSpec.DEFAULT));
  }

  @Test
  void readsTheEncodingDrop_jsonDeclares() {
    assertOneAccepted(IngestFixtures.csv("a.csv", LONG, Charset.forName("GBK"),
        declared("gb18030")));
    assertOneAccepted(IngestFixtures.csv("a.csv", "\uFEFF" + LONG, StandardCharsets.UTF_8,
        declared("utf-8")));
  }

  @Test
  void aDeclarationDecidesWhereDetectionWouldGuessWrong() {
    // ASCII for the first 64 KiB looks like UTF-8; the Chinese text after it is GB18030.
    String text = "year,region,industry,indicator,value,unit,source,note\n"
        + "2024,510100,power_battery,revenue,1,100 million yuan,,\n"
        + "\n".repeat(TextEncoding.SNIFF_BYTES)
        + "2024,成都市,动力电池,营业收入,2,亿元,,\n";
    byte[] bytes = text.getBytes(GB18030);
    List<IngestRow> detected = IngestFixtures.csv("a.csv", bytes, FileSpec.DEFAULT);
    assertThat(detected.get(detected.size() - 1).detail())
        .isEqualTo("bytes that are not valid UTF-8 text at line " + (TextEncoding.SNIFF_BYTES + 3)
            + " (byte 0xB3)");
    List<IngestRow> declared = IngestFixtures.csv("a.csv", bytes, declared("gb18030"));
    assertThat(declared).extracting(IngestRow::line, IngestRow::value)
        .containsExactly(tuple(2L, 1.0), tuple(TextEncoding.SNIFF_BYTES + 3L, 2.0));
  }

  @Test
  void aWrongDeclarationIsAFileProblem() {
    List<IngestRow> utf8AsGb = IngestFixtures.csv("a.csv", "\uFEFF" + LONG,
        StandardCharsets.UTF_8, declared("gb18030"));
    assertThat(utf8AsGb).extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_undecodable", "drop.json declares the encoding gb18030"
            + " but the file starts with a UTF-8 byte order mark"));
    List<IngestRow> gbAsUtf8 = IngestFixtures.csv("a.csv", LONG, GB18030, declared("utf-8"));
    assertThat(gbAsUtf8).extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_undecodable",
            "bytes that are not valid UTF-8 text at line 1 (byte 0xC4)"));
  }

  @Test
  void mapsHeadersAndFillsDefaultsAndTheDropSource() {
    FileSpec spec = IngestFixtures.spec("auto",
        Map.of("统计年度", DropColumn.YEAR, "所属行业", DropColumn.INDUSTRY),
        new DropDescriptor.Fixed(null, null, null, null, "亿元"), "统计局 2025");
    String text = "统计年度,市州,所属行业,指标,数值,单位,来源\n"
        + "2024,成都,动力电池,营收,452.36,,\n"
        + "2024,宜宾,动力电池,营收,\"11,800,000\",万元,宜宾市经信局\n";
    assertThat(IngestFixtures.csv("a.csv", text, GB18030, spec))
        .extracting(IngestRow::year, IngestRow::region, IngestRow::value, IngestRow::reportedUnit,
            IngestRow::source)
        .containsExactly(
            tuple(2024, "510100", 452.36, "亿元", "统计局 2025"),
            tuple(2024, "511500", 1180.0, "万元", "宜宾市经信局"));
  }

  private static FileSpec wide(int headerLine, Map<String, DropDescriptor.Fixed> values,
      DropDescriptor.Fixed defaults) {
    return new FileSpec("auto", FileSpec.Layout.WIDE, headerLine, Map.of(), values, defaults,
        "年鉴");
  }

  private static final Map<String, DropDescriptor.Fixed> BY_INDICATOR = Map.of(
      "营业收入（亿元）", new DropDescriptor.Fixed(null, null, null, "revenue", "亿元"),
      "利润总额(万元)", new DropDescriptor.Fixed(null, null, null, "profit", "万元"));

  @Test
  void aWideTableGivesOneRowPerValueCell() {
    String text = "表3-12 2024年各市州动力电池产业主要指标,,\n"
        + "地区,营业收入(亿元),利润总额（万元）\n"
        + "宜宾市,1180,\"865,000\"\n"
        + "成都市,n/a,-31200\n"
        + "火星市,1,2\n"
        + "遂宁市,420\n";
    List<IngestRow> rows = IngestFixtures.csv("w.csv", text, GB18030,
        wide(2, BY_INDICATOR, new DropDescriptor.Fixed(2024, null, "power_battery", null, null)));
    assertThat(rows)
        .extracting(IngestRow::line, IngestRow::region, IngestRow::indicator, IngestRow::value,
            r -> r.reason() == null ? null : r.reason().code(), IngestRow::detail)
        .containsExactly(
            tuple(3L, "511500", "revenue", 1180.0, null, null),
            tuple(3L, "511500", "profit", 86.5, null, null),
            tuple(4L, null, null, null, "non_numeric_value",
                "column '营业收入(亿元)': value: 'n/a' is not a number"),
            tuple(4L, "510100", "profit", -3.12, null, null),
            tuple(5L, null, null, null, "unknown_region",
                "column '营业收入(亿元)': region: '火星市' is not in regions.yaml"),
            tuple(5L, null, null, null, "unknown_region",
                "column '利润总额（万元）': region: '火星市' is not in regions.yaml"),
            tuple(6L, null, null, null, "malformed_line",
                "column '营业收入(亿元)': expected 3 fields as in the header, found 2"),
            tuple(6L, null, null, null, "malformed_line",
                "column '利润总额（万元）': expected 3 fields as in the header, found 2"));
    assertThat(rows.get(0).source()).isEqualTo("年鉴");
    assertThat(rows.get(0).raw()).as("accepted rows are traced by line, not raw text").isNull();
    assertThat(rows.get(2).raw()).isEqualTo("成都市,n/a,-31200");
  }

  @Test
  void aWideTableMayHaveOneColumnPerYear() {
    Map<String, DropDescriptor.Fixed> years = Map.of(
        "2021年", new DropDescriptor.Fixed(2021, null, null, null, null),
        "2022年", new DropDescriptor.Fixed(2022, null, null, null, null));
    String text = "地区,2021年,2022年,备注\n四川省,760,840,\n成都市,585,645,示例\n";
    List<IngestRow> rows = IngestFixtures.csv("y.csv", text, StandardCharsets.UTF_8, wide(1,
        years, new DropDescriptor.Fixed(null, null, "rail_transit", "revenue", "亿元")));
    assertThat(rows).extracting(IngestRow::line, IngestRow::year, IngestRow::region,
            IngestRow::value, IngestRow::note)
        .containsExactly(
            tuple(2L, 2021, "510000", 760.0, null),
            tuple(2L, 2022, "510000", 840.0, null),
            tuple(3L, 2021, "510100", 585.0, "示例"),
            tuple(3L, 2022, "510100", 645.0, "示例"));
  }

  @Test
  void aWideTableWhoseMappingDoesNotFitIsAFileProblem() {
    String text = "地区,营业收入（亿元）\n宜宾市,1180\n";
    List<IngestRow> rows = IngestFixtures.csv("w.csv", text, StandardCharsets.UTF_8,
        wide(1, BY_INDICATOR, new DropDescriptor.Fixed(2024, null, null, null, null)));
    assertThat(rows).extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_missing_columns",
            "missing required columns in line 1: '利润总额(万元)' (drop.json value_columns),"
                + " industry (for value column 营业收入（亿元）) (map them or give defaults in"
                + " drop.json); found: 地区,营业收入（亿元）"));
  }

  @Test
  void aHeaderLineBeyondTheEndIsAFileProblem() {
    List<IngestRow> rows = IngestFixtures.csv("w.csv", "标题\n", StandardCharsets.UTF_8,
        wide(3, BY_INDICATOR, DropDescriptor.Fixed.NONE));
    assertThat(rows).extracting(r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple("file_no_header",
            "no header: the file ends before line 3 (drop.json header_line)"));
  }
}
