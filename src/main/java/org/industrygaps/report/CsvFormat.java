package org.industrygaps.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel shows Chinese), RFC 4180 quoting, plain
 * decimals (never 1.0E-5), and text that starts like a formula neutralised so it is never run.
 */
public final class CsvFormat {
  public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private CsvFormat() {}

  /** One CSV line (with its line break) of {@code cells}. */
  public static byte[] line(Object... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells[i]));
    }
    return sb.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      return number(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f)
          ? new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString()
          : "";
    }
    if (value instanceof BigDecimal b) {
      return b.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return quote(neutralise(value.toString()));
  }

  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "";
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }

  /** A text cell a spreadsheet would take for a formula gets a leading apostrophe. */
  static String neutralise(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  static String quote(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
