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
      return !Float.isFinite(f) ? "" : f == 0 ? "0" : plain(Float.toString(f));
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
    if (d == 0) {
      return "0"; // and never "-0"
    }
    return plain(Double.toString(d));
  }

  /**
   * {@code decimal} (Double.toString's digits, perhaps with an exponent: "1.0E-5") as a plain
   * decimal without trailing zeros: what {@code new BigDecimal(decimal).stripTrailingZeros()
   * .toPlainString()} gives, at a fraction of its cost (a third of a CSV report's formatting went
   * into BigDecimal). The digits are Double.toString's, so no value changes.
   */
  static String plain(String decimal) {
    int from = decimal.charAt(0) == '-' ? 1 : 0;
    int e = decimal.indexOf('E');
    int end = e < 0 ? decimal.length() : e;
    int point = decimal.indexOf('.', from);
    if (point < 0 || point > end) {
      point = end;
    }
    // digits = the mantissa without its point; the plain number has `whole` digits before it.
    StringBuilder digits = new StringBuilder(end - from);
    digits.append(decimal, from, point);
    if (point < end) {
      digits.append(decimal, point + 1, end);
    }
    int whole = (point - from) + (e < 0 ? 0 : Integer.parseInt(decimal.substring(e + 1)));
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    whole -= lead;
    int last = digits.length();
    while (last > lead + 1 && digits.charAt(last - 1) == '0') {
      last--;
    }
    int n = last - lead;
    StringBuilder out = new StringBuilder(n + Math.abs(whole) + 3);
    if (from == 1) {
      out.append('-');
    }
    if (whole <= 0) {
      out.append("0.");
      zeros(out, -whole);
      out.append(digits, lead, last);
    } else if (whole >= n) {
      out.append(digits, lead, last);
      zeros(out, whole - n);
    } else {
      out.append(digits, lead, lead + whole).append('.').append(digits, lead + whole, last);
    }
    return out.toString();
  }

  private static void zeros(StringBuilder out, int count) {
    for (int i = 0; i < count; i++) {
      out.append('0');
    }
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
