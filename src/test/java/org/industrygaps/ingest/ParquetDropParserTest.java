package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet drops: the canonical long format, read with the same validation as CSV. */
class ParquetDropParserTest {
  static final String TYPED = """
      message drop {
        required int32 year;
        required binary region (STRING);
        required binary industry (STRING);
        required binary indicator (STRING);
        optional double value;
        required binary unit (STRING);
        optional binary source (STRING);
        optional binary note (STRING);
      }""";

  static Map<String, Object> row(Object year, String region, String industry, String indicator,
      Object value, String unit, String note) {
    Map<String, Object> row = new HashMap<>();
    row.put("year", year);
    row.put("region", region);
    row.put("industry", industry);
    row.put("indicator", indicator);
    row.put("value", value);
    row.put("unit", unit);
    row.put("note", note);
    return row;
  }

  @Test
  void readsTypedColumnsRowByRowWithTheSameValidation(@TempDir Path dir) {
    Path file = IngestFixtures.writeParquet(dir.resolve("obs.parquet"), TYPED, List.of(
        row(2024, "成都市", "动力电池", "营业收入", 452.36, "亿元", "a, \"quoted\" note"),
        row(2024, "Yibin", "power_battery", "revenue", 1.18e7, "万元", null),
        row(2024, "火星市", "power_battery", "revenue", 1.0, "亿元", null),
        row(2024, "成都市", "power_battery", "output_value", null, "亿元", null),
        row(1899, "成都市", "power_battery", "profit", -3.5, "亿元", null)));
    List<IngestRow> rows =
        IngestFixtures.parquet(file, IngestFixtures.spec("auto", Map.of(),
            DropDescriptor.Fixed.NONE, "parquet source"));
    assertThat(rows)
        .extracting(IngestRow::line, IngestRow::region, IngestRow::value, IngestRow::source,
            r -> r.reason() == null ? null : r.reason().code(), IngestRow::detail, IngestRow::raw)
        .containsExactly(
            // accepted rows are traced by row number; raw text is kept for rejected rows only
            tuple(1L, "510100", 452.36, "parquet source", null, null, null),
            tuple(2L, "511500", 1180.0, "parquet source", null, null, null),
            tuple(3L, null, null, null, "unknown_region",
                "region: '火星市' is not in regions.yaml",
                "2024,火星市,power_battery,revenue,1,亿元,,"),
            tuple(4L, null, null, null, "empty_value", "value: empty",
                "2024,成都市,power_battery,output_value,,亿元,,"),
            tuple(5L, null, null, null, "year_out_of_range",
                "year: 1899 is outside 1990–2035 (settings.yaml years)",
                "1899,成都市,power_battery,profit,-3.5,亿元,,"));
  }

  @Test
  void acceptsYearsAndValuesAsStringsAndChineseColumnNames(@TempDir Path dir) {
    Path file = IngestFixtures.writeParquet(dir.resolve("s.parquet"), """
        message drop {
          optional binary 年份 (STRING);
          optional binary 地区 (STRING);
          optional binary 产业 (STRING);
          optional binary 指标 (STRING);
          optional binary 数值 (STRING);
          optional binary 单位 (STRING);
        }""", List.of(
            Map.of("年份", "2024年", "地区", "宜宾", "产业", "动力电池", "指标", "营收",
                "数值", "1,180", "单位", "亿元")));
    assertThat(IngestFixtures.parquet(file, FileSpec.DEFAULT))
        .extracting(IngestRow::year, IngestRow::region, IngestRow::value)
        .containsExactly(tuple(2024, "511500", 1180.0));
  }

  @Test
  void missingColumnsStopTheFileNamingThem(@TempDir Path dir) {
    Path file = IngestFixtures.writeParquet(dir.resolve("m.parquet"), """
        message drop {
          required int32 year;
          required binary region (STRING);
          required binary industry (STRING);
          required binary indicator (STRING);
        }""", List.of(Map.of("year", 2024, "region", "成都", "industry", "x", "indicator", "y")));
    assertThat(IngestFixtures.parquet(file, FileSpec.DEFAULT))
        .extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_missing_columns",
            "missing required columns in the Parquet schema: value, unit (map them or give"
                + " defaults in drop.json); found: year,region,industry,indicator"));
  }

  @Test
  void aFileThatIsNotParquetIsUnreadable(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("x.parquet"), "year,region\n2024,成都\n",
        StandardCharsets.UTF_8);
    assertThat(IngestFixtures.parquet(file, FileSpec.DEFAULT))
        .extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_unreadable",
            "not a Parquet file: it does not start and end with the bytes PAR1"));
    Path good = IngestFixtures.writeParquet(dir.resolve("g.parquet"), TYPED,
        List.of(row(2024, "成都市", "动力电池", "营业收入", 1.0, "亿元", null)));
    byte[] bytes = Files.readAllBytes(good);
    for (int i = 4; i < bytes.length - 8; i++) {
      bytes[i] = (byte) 0x55; // the footer's length survives, its content does not
    }
    Path broken = Files.write(dir.resolve("b.parquet"), bytes);
    List<IngestRow> rows = IngestFixtures.parquet(broken, FileSpec.DEFAULT);
    assertThat(rows).extracting(IngestRow::line, r -> r.reason().code())
        .containsExactly(tuple(0L, "file_unreadable"));
    assertThat(rows.get(0).detail()).startsWith("not a readable Parquet file: ");
    Path empty = Files.write(dir.resolve("e.parquet"), new byte[0]);
    assertThat(IngestFixtures.parquet(empty, FileSpec.DEFAULT))
        .extracting(IngestRow::line, r -> r.reason().code(), IngestRow::detail)
        .containsExactly(tuple(0L, "file_empty", "the file is empty"));
  }
}
