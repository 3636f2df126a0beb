package org.industrygaps.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Region;
import org.industrygaps.config.Unit;

/**
 * Turns the fields of one CSV record into an observation in canonical codes and units, or a
 * rejection naming the field and what is wrong. Pure Java: no Spark, no I/O.
 */
public final class ObservationValidator implements Serializable {
  private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})(年|年度)?");
  private static final Map<String, Boolean> FLAGS =
      Map.of("true", true, "1", true, "yes", true, "是", true,
          "false", false, "0", false, "no", false, "否", false, "", false);

  private final PlanConfig config;

  public ObservationValidator(PlanConfig config) {
    this.config = config;
  }

  /**
   * Validates one row given as the text of each column (an absent column is empty): line
   * {@code line} of {@code file}, whose raw content is {@code raw}.
   */
  public IngestRow validate(
      String drop, String file, long line, String raw, Map<DropColumn, String> cell) {
    Outcome o = check(cell);
    if (o.reason != null) {
      return IngestRow.rejected(drop, file, line, raw, o.reason, o.detail);
    }
    // An accepted row is traced by file and line; its raw text is kept for rejected rows only.
    return new IngestRow(
        drop, file, line, null, o.year, o.region, o.industry, o.indicator, o.value,
        o.unit, o.reportedValue, o.reportedUnit, blankToNull(cell.get(DropColumn.SOURCE)),
        blankToNull(cell.get(DropColumn.NOTE)), null, null, o.seriesBreak);
  }

  private static final class Outcome {
    RejectReason reason;
    String detail;
    Integer year;
    String region;
    String industry;
    String indicator;
    Double value;
    String unit;
    Double reportedValue;
    String reportedUnit;
    boolean seriesBreak;

    static Outcome reject(RejectReason reason, String detail) {
      Outcome o = new Outcome();
      o.reason = reason;
      o.detail = detail;
      return o;
    }
  }

  private Outcome check(Map<DropColumn, String> cell) {
    String yearText = cell.get(DropColumn.YEAR);
    var yearMatch = YEAR.matcher(fold(yearText));
    if (!yearMatch.matches()) {
      return Outcome.reject(RejectReason.INVALID_YEAR, "year: '" + yearText + "' is not a year");
    }
    int year = Integer.parseInt(yearMatch.group(1));
    int min = config.settings().years().min();
    int max = config.settings().years().max();
    if (year < min || year > max) {
      return Outcome.reject(
          RejectReason.YEAR_OUT_OF_RANGE,
          "year: " + year + " is outside " + min + "–" + max + " (settings.yaml years)");
    }
    String regionName = cell.get(DropColumn.REGION);
    Optional<Region> region = config.regionNamed(regionName);
    if (region.isEmpty()) {
      return Outcome.reject(
          RejectReason.UNKNOWN_REGION, "region: '" + regionName + "' is not in regions.yaml");
    }
    String industryName = cell.get(DropColumn.INDUSTRY);
    Optional<Industry> industry = config.industryNamed(industryName);
    if (industry.isEmpty()) {
      return Outcome.reject(
          RejectReason.UNKNOWN_INDUSTRY, "industry: '" + industryName + "' is not in plan.yaml");
    }
    String indicatorName = cell.get(DropColumn.INDICATOR);
    Optional<Indicator> indicator = config.indicatorNamed(indicatorName);
    if (indicator.isEmpty()) {
      return Outcome.reject(
          RejectReason.UNKNOWN_INDICATOR,
          "indicator: '" + indicatorName + "' is not in indicators.yaml");
    }
    String valueText = cell.get(DropColumn.VALUE);
    if (valueText.isEmpty()) {
      return Outcome.reject(RejectReason.EMPTY_VALUE, "value: empty");
    }
    Double reported = parseNumber(valueText);
    if (reported == null) {
      return Outcome.reject(
          RejectReason.NON_NUMERIC_VALUE, "value: '" + valueText + "' is not a number");
    }
    boolean nonNegative = !Boolean.FALSE.equals(indicator.get().nonNegative());
    if (nonNegative && reported < 0) {
      return Outcome.reject(
          RejectReason.NEGATIVE_VALUE,
          "value: " + valueText + " is negative; " + indicator.get().code() + " cannot be");
    }
    String unitName = cell.get(DropColumn.UNIT);
    if (unitName.isEmpty()) {
      return Outcome.reject(RejectReason.UNIT_MISSING, "unit: empty");
    }
    Optional<Unit> canonical = config.canonicalUnit(industry.get().code(), indicator.get().code());
    if (canonical.isEmpty()) {
      return Outcome.reject(
          RejectReason.UNIT_NOT_CONVERTIBLE,
          "unit: " + indicator.get().code() + " has no unit for " + industry.get().code()
              + " in plan.yaml");
    }
    Optional<Unit> unit = config.unitNamed(unitName);
    if (unit.isEmpty()) {
      return Outcome.reject(
          RejectReason.UNIT_NOT_CONVERTIBLE, "unit: '" + unitName + "' is not in units.yaml");
    }
    if (!unit.get().dimension().equals(canonical.get().dimension())) {
      return Outcome.reject(
          RejectReason.UNIT_NOT_CONVERTIBLE,
          "unit: '" + unitName + "' does not convert to " + canonical.get().unit() + " ("
              + unit.get().dimension() + ", not " + canonical.get().dimension() + ")");
    }
    String breakText = cell.getOrDefault(DropColumn.SERIES_BREAK, "");
    Boolean seriesBreak = FLAGS.get(fold(breakText).toLowerCase(java.util.Locale.ROOT));
    if (seriesBreak == null) {
      return Outcome.reject(
          RejectReason.INVALID_SERIES_BREAK,
          "series_break: '" + breakText + "' is not true/false, 1/0, yes/no or 是/否");
    }
    Outcome o = new Outcome();
    o.seriesBreak = seriesBreak;
    o.year = year;
    o.region = region.get().code();
    o.industry = industry.get().code();
    o.indicator = indicator.get().code();
    o.reportedValue = reported;
    o.reportedUnit = unit.get().unit();
    o.unit = canonical.get().unit();
    o.value = convert(reported, unit.get(), canonical.get());
    return o;
  }

  /**
   * {@code value} in {@code from} expressed in {@code to}; decimal arithmetic so that 12,345,600
   * 万元 is exactly 1234.56 亿元.
   */
  static double convert(double value, Unit from, Unit to) {
    if (from.factor().equals(to.factor())) {
      return value;
    }
    return new BigDecimal(Double.toString(value))
        .multiply(new BigDecimal(Double.toString(from.factor())))
        .divide(new BigDecimal(Double.toString(to.factor())), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  /** A plain or thousands-grouped decimal number, full-width digits allowed; else null. */
  static Double parseNumber(String text) {
    String s = fold(text);
    if (s.indexOf(',') >= 0 && GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    if (!isDecimal(s)) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }

  /**
   * Whether {@code s} is [+-] digits [. digits] or [+-] . digits, then an optional exponent: what
   * {@link Double#parseDouble} reads, without its hexadecimal, NaN, Infinity and d/f suffixes.
   * Scanned by hand: the regular expression took a tenth of the drop parsing.
   */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** NFKC, stripped. ASCII text is its own NFKC form: only stripped (most fields of most drops). */
  private static String fold(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
      }
    }
    return s.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
