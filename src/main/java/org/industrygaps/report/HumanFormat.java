package org.industrygaps.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers for people (summary.html): thousands separators, at most one or two decimals,
 * percentages with one decimal, a dash for a value that is not defined. Never scientific notation.
 */
public final class HumanFormat {
  /** What a value that is not defined (null, NaN) shows. */
  public static final String NONE = "—";

  private HumanFormat() {}

  private static DecimalFormat format(String pattern) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f;
  }

  private static boolean undefined(Double v) {
    return v == null || v.isNaN() || v.isInfinite();
  }

  /**
   * A value with thousands separators: one decimal from 100 up ({@code 3,086.4}), two below
   * ({@code 12.35}), none for counts of enterprises or people ({@code 家}, {@code 人}, {@code 辆}).
   */
  public static String number(Double v, String unit) {
    if (undefined(v)) {
      return NONE;
    }
    String pattern =
        unit != null && (unit.equals("家") || unit.equals("人") || unit.equals("辆"))
            ? "#,##0"
            : Math.abs(v) >= 100 ? "#,##0.#" : "#,##0.##";
    String s = format(pattern).format(BigDecimal.valueOf(v));
    return s.equals("-0") ? "0" : s;
  }

  /** {@link #number} followed by the unit: {@code 3,500 亿元}. */
  public static String amount(Double v, String unit) {
    String n = number(v, unit);
    return n.equals(NONE) || unit == null || unit.isEmpty() ? n : n + " " + unit;
  }

  /** A share as a percentage with one decimal: 0.4585 → {@code 45.8%}. */
  public static String percent(Double share) {
    if (undefined(share)) {
      return NONE;
    }
    String p = format("#,##0.0").format(BigDecimal.valueOf(share).movePointRight(2));
    return (p.equals("-0.0") ? "0.0" : p) + "%";
  }

  /** A change as a signed percentage: 0.162 → {@code +16.2%}. */
  public static String signedPercent(Double share) {
    String p = percent(share);
    return p.equals(NONE) || p.startsWith("-") || p.equals("0.0%") ? p : "+" + p;
  }

  /** A share of a total's growth as percentage points: 0.031 → {@code +3.1 pp}. */
  public static String points(Double share) {
    String p = signedPercent(share);
    return p.equals(NONE) ? p : p.substring(0, p.length() - 1) + " pp";
  }

  /** A ratio with two decimals: {@code 0.76}. */
  public static String ratio(Double v) {
    return undefined(v) ? NONE : format("#,##0.00").format(BigDecimal.valueOf(v));
  }

  /** A year, or the dash. */
  public static String year(Integer y) {
    return y == null ? NONE : Integer.toString(y);
  }
}
