package org.industrygaps.config;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.industrygaps.ingest.CsvRecord;
import org.industrygaps.ingest.CsvRecordReader;

/**
 * Targets kept in a CSV file ({@code targets_file} of plan.yaml): what a statistics office keeps
 * in a spreadsheet, and what a plan with a target per county needs (a YAML file of 300,000
 * targets is slow to read and beyond the YAML parser's size limit). Columns: industry, indicator,
 * region, year, baseline_year, value, unit, source, status (year, baseline_year and unit may be
 * empty). UTF-8, with or without BOM.
 */
final class TargetsFile {
  static final List<String> COLUMNS =
      List.of("industry", "indicator", "region", "year", "baseline_year", "value", "unit",
          "source", "status");

  /** A target and where it was read. */
  record Located(Target target, FieldErrors where) {}

  private TargetsFile() {}

  static List<Located> parse(String path, byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CsvRecordReader records =
        new CsvRecordReader(new BufferedReader(new java.io.StringReader(text)), ',');
    if (!records.hasNext()) {
      throw new ConfigException(path + ": empty (it needs a header: " + String.join(",", COLUMNS) + ")");
    }
    CsvRecord header = records.next();
    List<String> names = header.fields().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    int[] index = new int[COLUMNS.size()];
    for (int c = 0; c < COLUMNS.size(); c++) {
      index[c] = names.indexOf(COLUMNS.get(c));
      if (index[c] < 0) {
        throw new ConfigException(path + " line " + header.line() + ": missing column "
            + COLUMNS.get(c) + " (the header needs " + String.join(",", COLUMNS) + ")");
      }
    }
    List<Located> targets = new ArrayList<>();
    while (records.hasNext()) {
      CsvRecord r = records.next();
      FieldErrors where = (field, message) -> new ConfigException(
          path + " line " + r.line() + ", field " + field.substring(field.lastIndexOf('.') + 1)
              + ": " + message);
      if (r.isMalformed() || r.fields().size() < names.size()) {
        throw new ConfigException(path + " line " + r.line() + ": "
            + (r.isMalformed() ? r.malformed() : "expected " + names.size() + " fields, found "
                + r.fields().size()));
      }
      String[] f = new String[COLUMNS.size()];
      for (int c = 0; c < f.length; c++) {
        String v = r.fields().get(index[c]).strip();
        f[c] = v.isEmpty() ? null : v;
      }
      targets.add(new Located(
          new Target(f[0], f[1], f[2], integer(where, "year", f[3]),
              integer(where, "baseline_year", f[4]), number(where, "value", f[5]), f[6], f[7], f[8]),
          where));
    }
    return targets;
  }

  private static Integer integer(FieldErrors where, String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw where.error(field, "'" + text + "' is not a year");
    }
  }

  private static Double number(FieldErrors where, String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return Double.valueOf(text);
    } catch (NumberFormatException e) {
      throw where.error(field, "'" + text + "' is not a number");
    }
  }
}
