package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CSV as Excel reads it: BOM, plain decimals, RFC 4180 quoting, no formula ever runs. */
class CsvFormatTest {

  @Test
  void theByteOrderMarkIsUtf8s() {
    assertThat(CsvFormat.BOM).containsExactly(0xEF, 0xBB, 0xBF);
  }

  @Test
  void numbersArePlainDecimalsNeverScientific() {
    assertThat(CsvFormat.cell(0.00001)).isEqualTo("0.00001");
    assertThat(CsvFormat.cell(1.0E-12)).isEqualTo("0.000000000001");
    assertThat(CsvFormat.cell(1.0E20)).isEqualTo("100000000000000000000");
    assertThat(CsvFormat.cell(12345678.9)).isEqualTo("12345678.9");
    assertThat(CsvFormat.cell(5000.0)).isEqualTo("5000");
    assertThat(CsvFormat.cell(0.0)).isEqualTo("0");
    assertThat(CsvFormat.cell(-0.0)).isEqualTo("0");
    assertThat(CsvFormat.cell(-12.5)).isEqualTo("-12.5");
    assertThat(CsvFormat.cell(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CsvFormat.cell(1.5e-7f)).isEqualTo("0.00000015");
    assertThat(CsvFormat.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(CsvFormat.cell(new BigDecimal("0.000012300"))).isEqualTo("0.0000123");
    assertThat(CsvFormat.cell(2027)).isEqualTo("2027");
    assertThat(CsvFormat.cell(123456789012L)).isEqualTo("123456789012");
    assertThat(CsvFormat.cell(true)).isEqualTo("true");
  }

  @Test
  void plainDecimalsAreBigDecimalsPlainFormOfTheSameDigits() {
    // Worked by hand: the point moved by the exponent, zeros at either end dropped.
    assertThat(CsvFormat.plain("1.0E-5")).isEqualTo("0.00001");
    assertThat(CsvFormat.plain("1.2345E7")).isEqualTo("12345000");
    assertThat(CsvFormat.plain("9.87654321E8")).isEqualTo("987654321");
    assertThat(CsvFormat.plain("-2.5E-4")).isEqualTo("-0.00025");
    assertThat(CsvFormat.plain("1200.0")).isEqualTo("1200");
    assertThat(CsvFormat.plain("0.001")).isEqualTo("0.001");
    assertThat(CsvFormat.plain("1.7976931348623157E308")).startsWith("17976931348623157000")
        .hasSize(309);
    assertThat(CsvFormat.plain("4.9E-324")).isEqualTo("0." + "0".repeat(323) + "49");
    // Against BigDecimal on values of every magnitude and sign (a fixed seed: repeatable).
    java.util.Random random = new java.util.Random(20261206);
    for (int i = 0; i < 200_000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
            default -> (double) random.nextInt();
          };
      if (!Double.isFinite(d) || d == 0) {
        continue;
      }
      String expected = new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
      assertThat(CsvFormat.number(d)).as("%s", Double.toString(d)).isEqualTo(expected);
      float f = (float) d;
      if (Float.isFinite(f) && f != 0) {
        assertThat(CsvFormat.cell(f))
            .isEqualTo(new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString());
      }
    }
  }

  @Test
  void aNumberThatIsNotOneIsAnEmptyCell() {
    assertThat(CsvFormat.cell(Double.NaN)).isEmpty();
    assertThat(CsvFormat.cell(Double.POSITIVE_INFINITY)).isEmpty();
    assertThat(CsvFormat.cell(null)).isEmpty();
  }

  @Test
  void textThatAspreadsheetWouldRunIsNeutralised() {
    assertThat(CsvFormat.cell("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
    assertThat(CsvFormat.cell("+86 28 1234")).isEqualTo("'+86 28 1234");
    assertThat(CsvFormat.cell("-3.2")).isEqualTo("'-3.2");
    assertThat(CsvFormat.cell("@SUM(1)")).isEqualTo("'@SUM(1)");
    assertThat(CsvFormat.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvFormat.cell("\r=1")).isEqualTo("\"'\r=1\"");
    // Quoted and neutralised: the quote Excel strips leaves the apostrophe in front.
    assertThat(CsvFormat.cell("=HYPERLINK(\"http://x\",\"y\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    assertThat(CsvFormat.cell("动力电池")).isEqualTo("动力电池");
    assertThat(CsvFormat.cell("a=b")).isEqualTo("a=b");
    assertThat(CsvFormat.cell("2024-06-30-bureau-2023")).isEqualTo("2024-06-30-bureau-2023");
    assertThat(CsvFormat.cell("")).isEmpty();
  }

  @Test
  void textWithSeparatorsQuotesOrLineBreaksIsQuoted() {
    assertThat(CsvFormat.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvFormat.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvFormat.cell("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  @Test
  void aLineIsUtf8WithCrLf() {
    byte[] line = CsvFormat.line("power_battery", "动力电池", 5000.0, null, "=1");
    assertThat(new String(line, StandardCharsets.UTF_8))
        .isEqualTo("power_battery,动力电池,5000,,'=1\r\n");
  }
}
