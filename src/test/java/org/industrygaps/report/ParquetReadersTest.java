package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a BI reader makes of the published Parquet: DuckDB reads it with hive partitioning and
 * finds the same rows, types and numbers as the CSV, the industry recovered from the partition
 * folders, years as INTEGER and no INT96 (no timestamp at all).
 */
class ParquetReadersTest {
  private static final List<String> TABLES =
      List.of("rollup", "gaps", "trajectory", "city_contributions", "revisions", "coverage");
  private static Connection duckdb;
  private static Path reports;

  @BeforeAll
  static void open() throws SQLException {
    reports = SampleRun.reports();
    duckdb = DriverManager.getConnection("jdbc:duckdb:");
  }

  @AfterAll
  static void close() throws SQLException {
    if (duckdb != null) {
      duckdb.close();
    }
  }

  private static String parquet(String table) {
    return "read_parquet('" + reports.resolve(table) + "/**/*.parquet', hive_partitioning=true)";
  }

  @Test
  void theGapReportReadsLikeItsCsv() throws Exception {
    List<Map<String, String>> csv = csv(reports.resolve("csv/all_industries.csv"));
    Map<String, Map<String, Object>> parquet = new HashMap<>();
    try (Statement s = duckdb.createStatement();
        ResultSet r = s.executeQuery("SELECT * FROM " + parquet("gaps"))) {
      ResultSetMetaData meta = r.getMetaData();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnName(i), r.getObject(i));
        }
        parquet.put(key(row.get("industry"), row.get("indicator"), row.get("region"),
            row.get("target_year")), row);
      }
    }
    // One gap row per target of the sample plan.
    assertThat(parquet).hasSize(csv.size()).hasSize(TestSpark.sampleConfig().targets().size());
    for (Map<String, String> line : csv) {
      Map<String, Object> row =
          parquet.get(key(line.get("industry"), line.get("indicator"), line.get("region"),
              line.get("target_year")));
      assertThat(row).as("Parquet row of CSV row " + line).isNotNull();
      assertThat(row.keySet()).containsExactlyInAnyOrderElementsOf(line.keySet());
      for (Map.Entry<String, String> cell : line.entrySet()) {
        Object value = row.get(cell.getKey());
        String where = cell.getKey() + " of " + line.get("industry") + "/" + line.get("region");
        if (cell.getValue().isEmpty()) {
          assertThat(value).as(where).isNull();
        } else if (value instanceof Double d) {
          assertThat(d).as(where).isEqualTo(Double.parseDouble(cell.getValue()));
        } else {
          assertThat(String.valueOf(value)).as(where).isEqualTo(cell.getValue());
        }
      }
    }
  }

  @Test
  void everyTableHasItsRowsIndustriesFromThePartitionsAndIntegerYears() throws Exception {
    RunManifest manifest =
        RunManifest.fromJson(Files.readAllBytes(reports.resolve("manifest.json")));
    for (String table : TABLES) {
      long expected =
          manifest.outputs().stream().filter(o -> o.name().equals(table)).findFirst()
              .orElseThrow().rows();
      Map<String, String> types = new HashMap<>();
      try (Statement s = duckdb.createStatement();
          ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + parquet(table))) {
        while (r.next()) {
          types.put(r.getString("column_name"), r.getString("column_type"));
        }
      }
      assertThat(types).as(table).containsEntry("industry", "VARCHAR");
      types.forEach((column, type) -> {
        if (column.equals("year") || column.endsWith("_year")) {
          assertThat(type).as(table + "." + column).isEqualTo("INTEGER");
        }
        assertThat(type).as(table + "." + column).doesNotContain("TIMESTAMP");
        ColumnDictionary.Column documented = ColumnDictionary.output(table).column(column);
        assertThat(type).as(table + "." + column).isEqualTo(documented.type().duckdb());
      });
      String withFiles =
          "read_parquet('" + reports.resolve(table)
              + "/**/*.parquet', hive_partitioning=true, filename=true)";
      try (Statement s = duckdb.createStatement();
          ResultSet r = s.executeQuery(
              "SELECT count(*), count(DISTINCT industry), count(*) FILTER (WHERE industry IS NULL"
                  + " OR industry <> regexp_extract(filename, 'industry=([^/]+)/', 1)) FROM "
                  + withFiles)) {
        r.next();
        assertThat(r.getLong(1)).as(table + " rows").isEqualTo(expected);
        assertThat(r.getLong(2)).as(table + " industries").isPositive();
        assertThat(r.getLong(3)).as(table + ": industry is its partition folder").isZero();
      }
      try (Statement s = duckdb.createStatement();
          ResultSet r = s.executeQuery("SELECT count(*) FROM parquet_schema('" + reports.resolve(table)
              + "/**/*.parquet') WHERE name = 'industry'")) {
        r.next();
        assertThat(r.getLong(1)).as(table + ": industry is not inside the files").isZero();
      }
    }
  }

  @Test
  void noColumnIsAnInt96OrAnyTimestamp() throws Exception {
    for (String table : TABLES) {
      List<String> problems = new ArrayList<>();
      try (Statement s = duckdb.createStatement();
          ResultSet r = s.executeQuery(
              "SELECT name, type, converted_type, logical_type FROM parquet_schema('"
                  + reports.resolve(table) + "/**/*.parquet')")) {
        int columns = 0;
        while (r.next()) {
          columns++;
          String all = r.getString(2) + " " + r.getString(3) + " " + r.getString(4);
          if (all.contains("INT96") || all.toUpperCase().contains("TIMESTAMP")) {
            problems.add(r.getString(1) + ": " + all);
          }
        }
        assertThat(columns).as(table + " Parquet schema").isPositive();
      }
      assertThat(problems).as(table).isEmpty();
    }
  }

  private static String key(Object... parts) {
    List<String> s = new ArrayList<>();
    for (Object p : parts) {
      s.add(String.valueOf(p));
    }
    return String.join("|", s);
  }

  /** The rows of a CSV file this project wrote (BOM, header, RFC 4180) by column name. */
  static List<Map<String, String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF");
    List<List<String>> records = parse(text.substring(1));
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      assertThat(record).hasSameSizeAs(header);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), record.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        record.add(cell.toString());
        cell.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    return records;
  }
}
