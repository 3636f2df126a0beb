package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

  private static List<CsvRecord> read(String text) {
    List<CsvRecord> out = new ArrayList<>();
    new CsvRecordReader(new BufferedReader(new StringReader(text)), ',').forEachRemaining(out::add);
    return out;
  }

  @Test
  void splitsPlainAndQuotedFieldsWithLineNumbers() {
    List<CsvRecord> records = read("a,b,c\r\n1,\"2,5\",\"say \"\"hi\"\"\"\n\n3,,\n");

    assertThat(records)
        .extracting(CsvRecord::line, CsvRecord::fields)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, List.of("a", "b", "c")),
            org.assertj.core.groups.Tuple.tuple(2L, List.of("1", "2,5", "say \"hi\"")),
            org.assertj.core.groups.Tuple.tuple(4L, List.of("3", "", "")));
  }

  @Test
  void aQuotedFieldMaySpanLinesAndKeepsItsFirstLineNumber() {
    List<CsvRecord> records = read("h1,h2\n1,\"two\nlines\"\n2,x\n");

    assertThat(records.get(1).fields()).containsExactly("1", "two\nlines");
    assertThat(records.get(1).raw()).isEqualTo("1,\"two\nlines\"");
    assertThat(records.get(2).line()).isEqualTo(4);
  }

  @Test
  void anUnterminatedQuoteRejectsOnlyItsLineAndReadingResumesOnTheNext() {
    List<CsvRecord> records = read("h1,h2\n1,\"broken\n2,fine\n3,also fine\n");

    assertThat(records).hasSize(4);
    assertThat(records.get(1).isMalformed()).isTrue();
    assertThat(records.get(1).malformed()).isEqualTo("unterminated quote in field 2");
    assertThat(records.get(1).raw()).isEqualTo("1,\"broken");
    assertThat(records.get(2).line()).isEqualTo(3);
    assertThat(records.get(2).fields()).containsExactly("2", "fine");
    assertThat(records.get(3).line()).isEqualTo(4);
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    CsvRecord record = read("\"a\"b,c\n").get(0);

    assertThat(record.malformed()).isEqualTo("unexpected text after the closing quote of field 1");
  }

  @Test
  void blankLinesAreNotRecords() {
    assertThat(read("\n  \n\n")).isEmpty();
  }
}
