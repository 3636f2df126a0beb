package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

class DropFileParserTest {
  private static final String CHINESE =
      "年份,地区,产业,指标,数值,单位,来源\n2022,宜宾市,动力电池,产值,889,亿元,宜宾市统计公报\n";

  private static List<IngestRow> parse(byte[] bytes) {
    List<IngestRow> rows = new ArrayList<>();
    new DropFileParser(new ObservationValidator(TestSpark.sampleConfig()))
        .parse("d1", "d1/f.csv", new ByteArrayInputStream(bytes))
        .forEachRemaining(rows::add);
    return rows;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  @Test
  void readsUtf8WithBomAndChineseHeaders() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    List<IngestRow> rows = parse(concat(bom, CHINESE.getBytes(StandardCharsets.UTF_8)));

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.accepted()).isTrue();
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.region()).isEqualTo("511500");
      assertThat(r.value()).isEqualTo(889.0);
      assertThat(r.source()).isEqualTo("宜宾市统计公报");
    });
  }

  @Test
  void readsGb18030() {
    List<IngestRow> rows = parse(CHINESE.getBytes(TextEncoding.GB18030));

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.industry()).isEqualTo("power_battery");
      assertThat(r.source()).isEqualTo("宜宾市统计公报");
    });
  }

  @Test
  void refusesAFileThatIsNeitherUtf8NorGb18030() {
    byte[] bytes = concat("year,region\n".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0xFF, 0x0A});

    assertThat(parse(bytes)).singleElement().satisfies(r -> {
      assertThat(r.line()).isZero();
      assertThat(r.reason()).isEqualTo(RejectReason.FILE_UNDECODABLE);
      assertThat(r.detail()).isEqualTo("the file is neither UTF-8 nor GB18030 text");
    });
  }

  @Test
  void badBytesAfterTheSniffedStartStopTheFileWithTheirLine() {
    StringBuilder text = new StringBuilder("year,region,industry,indicator,value,unit\n");
    while (text.length() < TextEncoding.SNIFF_BYTES + 100) {
      text.append("2022,成都,power_battery,revenue,1,亿元\n");
    }
    byte[] bytes = concat(text.toString().getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28, 0x0A});
    List<IngestRow> rows = parse(bytes);

    IngestRow last = rows.get(rows.size() - 1);
    assertThat(last.reason()).isEqualTo(RejectReason.FILE_UNDECODABLE);
    assertThat(last.detail()).startsWith("bytes that are not valid text in the file's encoding at line ");
  }

  @Test
  void anEmptyFileIsAFileProblem() {
    assertThat(parse(new byte[0]))
        .extracting(IngestRow::reason)
        .containsExactly(RejectReason.FILE_EMPTY);
  }

  @Test
  void aFileWithoutTheRequiredColumnsIsAFileProblemNamingThem() {
    List<IngestRow> rows = parse("year,region,value\n2022,成都,1\n".getBytes(StandardCharsets.UTF_8));

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.FILE_NO_HEADER);
      assertThat(r.detail()).contains("missing: industry, indicator, unit");
    });
  }

  @Test
  void everyRecordAfterTheHeaderIsOneRow() {
    String text =
        "year,region,industry,indicator,value,unit\n"
            + "2022,成都,power_battery,revenue,1,亿元\n"
            + "2022,nowhere,power_battery,revenue,1,亿元\n"
            + "2022,\"broken\n";
    assertThat(parse(text.getBytes(StandardCharsets.UTF_8)))
        .extracting(IngestRow::line, r -> r.reason() == null ? "accepted" : r.reason().code())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "accepted"),
            org.assertj.core.groups.Tuple.tuple(3L, "unknown_region"),
            org.assertj.core.groups.Tuple.tuple(4L, "malformed_line"));
  }
}
