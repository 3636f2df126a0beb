package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.industrygaps.TestSpark;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Target;
import org.industrygaps.config.Unit;
import org.industrygaps.ingest.CsvRecord;
import org.industrygaps.ingest.CsvRecordReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on data-sample/, as a user runs it, with the reports checked against the input
 * rows: row accounting, CSV and Parquet, and every metric recomputed here from the formulas of
 * PRODUCT.md.
 */
class SampleRunTest {
  private static final Path INBOX = Path.of("data-sample/drops");
  @TempDir static Path out;
  private static int exit;
  private static Path latest;
  private static JsonNode manifest;

  @BeforeAll
  static void runTheSample() throws IOException {
    TestSpark.session();
    exit = Main.run(List.of("run", "--out", out.toString()));
    latest = out.resolve("reports/latest");
    manifest = new ObjectMapper().readTree(latest.resolve("manifest.json").toFile());
  }

  private static List<List<String>> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<List<String>> rows = new ArrayList<>();
    new CsvRecordReader(new BufferedReader(new StringReader(text.substring(1))), ',')
        .forEachRemaining(r -> rows.add(r.fields()));
    return rows;
  }

  static List<Map<String, String>> csvMaps(Path file) throws IOException {
    List<List<String>> rows = csv(file);
    List<Map<String, String>> maps = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        m.put(rows.get(0).get(i), row.get(i));
      }
      maps.add(m);
    }
    return maps;
  }

  @Test
  void publishesTheRunAndLatestInTheDocumentedLayout() throws IOException {
    assertThat(exit).isZero();
    String runId = manifest.get("run_id").asText();
    assertThat(out.resolve("reports/runs/" + runId + "/manifest.json")).exists();
    for (String dir : List.of("rollup", "gaps", "trajectory", "city_contributions", "coverage")) {
      assertThat(latest.resolve(dir + "/industry=power_battery")).as(dir).isDirectory();
    }
    // The sample's one revision: clean_energy_equipment revenue 2022, revised by the 2023 drop.
    assertThat(latest.resolve("revisions/industry=clean_energy_equipment")).isDirectory();
    try (Stream<Path> files = Files.list(latest.resolve("csv"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "new_display.csv", "clean_energy_equipment.csv", "power_battery.csv",
              "crystalline_silicon_pv.csv", "aerospace.csv", "biomedicine.csv",
              "vanadium_titanium_rare_earth.csv", "natural_gas.csv", "rail_transit.csv",
              "premium_baijiu.csv", "plan_wide.csv", "all_industries.csv", "rollup.csv", "changes.csv");
    }
    // The roll-up is the first table a reader sees: first in the outputs, Parquet then CSV.
    assertThat(manifest.get("outputs").get(0).get("name").asText()).isEqualTo("rollup");
    assertThat(manifest.get("outputs").get(1).get("path").asText()).isEqualTo("csv/rollup.csv");
    assertThat(latest.resolve("rejected_rows.csv")).exists();
  }

  @Test
  void everyRowReadIsAcceptedOrRejectedInEveryFile() throws IOException {
    long rejectedTotal = 0;
    for (JsonNode drop : manifest.get("drops")) {
      for (JsonNode file : drop.get("files")) {
        long read = file.get("rows_read").asLong();
        Path path = INBOX.resolve(file.get("file").asText());
        if (!Files.exists(path.resolveSibling("drop.json"))) {
          // Counted here independently: these files have one record per non-blank line.
          long lines;
          try (Stream<String> s = Files.lines(path)) {
            lines = s.filter(l -> !l.isBlank()).count() - 1;
          }
          assertThat(read).as(file.get("file").asText()).isEqualTo(lines);
        }
        assertThat(file.get("rows_accepted").asLong() + file.get("rows_rejected").asLong())
            .isEqualTo(read);
        rejectedTotal += file.get("rows_rejected").asLong();
      }
    }
    List<Map<String, String>> rejected = csvMaps(latest.resolve("rejected_rows.csv"));
    assertThat(rejected).hasSize((int) rejectedTotal);
    assertThat(rejected)
        .extracting(r -> r.get("line") + " " + r.get("reason"))
        .containsExactly(
            "5 unknown_region", "9 unknown_industry", "13 unknown_indicator",
            "17 non_numeric_value", "21 negative_value", "25 unit_not_convertible",
            "29 year_out_of_range", "33 conflicting_duplicate", "37 conflicting_duplicate",
            "42 malformed_line");
    assertThat(manifest.at("/totals/rows_read").asLong())
        .isEqualTo(manifest.at("/totals/rows_accepted").asLong() + rejectedTotal);
  }

  @Test
  void theCsvFilesOpenInExcelAndAgreeWithTheParquet() throws IOException {
    byte[] bytes = Files.readAllBytes(latest.resolve("csv/all_industries.csv"));
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    List<Map<String, String>> all = csvMaps(latest.resolve("csv/all_industries.csv"));
    assertThat(all).hasSize(TestSpark.sampleConfig().targets().size());
    assertThat(all).extracting(r -> r.get("industry_name_zh")).contains("优质白酒", "动力电池");
    for (Map<String, String> row : all) {
      List<Map<String, String>> own = csvMaps(latest.resolve("csv/" + row.get("industry") + ".csv"));
      assertThat(own).contains(row);
    }
    for (JsonNode output : manifest.get("outputs")) {
      if (output.get("format").asText().equals("parquet")) {
        long rows =
            TestSpark.session().read().parquet(latest.resolve(output.get("path").asText()).toString()).count();
        assertThat(rows).as(output.get("name").asText()).isEqualTo(output.get("rows").asLong());
      }
    }
    assertThat(
            TestSpark.session().read().parquet(latest.resolve("gaps").toString()).count())
        .isEqualTo(all.size());
  }

  /**
   * Every metric of every target, recomputed here from the input rows: its own reading of the
   * drop CSVs (later drop wins, province = reported or the sum of cities) and the formulas of
   * PRODUCT.md written out again.
   */
  @Test
  void everyMetricAgreesWithTheFormulasRecomputedFromTheInputRows() throws IOException {
    PlanConfig config = TestSpark.sampleConfig();
    Map<String, java.util.Set<Integer>> breaks = new HashMap<>();
    Map<String, TreeMap<Integer, Double>> series = seriesFromInput(config, breaks);
    List<Map<String, String>> gaps = csvMaps(latest.resolve("csv/all_industries.csv"));
    int assessed = 0;
    for (Target t : config.targets()) {
      Map<String, String> row =
          gaps.stream()
              .filter(g -> g.get("industry").equals(t.industry())
                  && g.get("indicator").equals(t.indicator()) && g.get("region").equals(t.region())
                  && g.get("target_year").equals(String.valueOf(t.year())))
              .findFirst()
              .orElseThrow();
      TreeMap<Integer, Double> s = series.getOrDefault(key(t.industry(), t.indicator(), t.region()), new TreeMap<>());
      var window = s.subMap(t.baselineYear(), true, t.year(), true);
      if (window.isEmpty()) {
        assertThat(row.get("status")).isEqualTo("not_assessable");
        continue;
      }
      // A series break after the first year (up to the latest) moves the baseline to it.
      Integer breakYear = null;
      for (int y : breaks.getOrDefault(key(t.industry(), t.indicator(), t.region()), java.util.Set.of())) {
        if (y > window.firstKey() && y <= window.lastKey() && (breakYear == null || y > breakYear)) {
          breakYear = y;
        }
      }
      if (breakYear != null) {
        window = window.tailMap(breakYear, true);
        assertThat(row.get("baseline_note")).isEqualTo("baseline_moved_to_break");
      }
      assertThat(num(row, "series_break_year")).isEqualTo(breakYear == null ? null : (double) breakYear);
      if (window.size() == 1) {
        // A break in the latest year leaves one observation (not in the sample: counted below).
        assertThat(row.get("status")).isIn("not_assessable", "target_achieved");
        continue;
      }
      double d = config.indicator(t.indicator()).direction().equals("increase") ? 1 : -1;
      int by = window.firstKey();
      int ly = window.lastKey();
      double b = window.get(by);
      double l = window.get(ly);
      double target = t.value();
      int ty = t.year();
      String what = t.industry() + "/" + t.region() + "/" + ty;
      assertThat(num(row, "baseline_year")).as(what).isEqualTo(by);
      assertThat(num(row, "latest_year")).as(what).isEqualTo(ly);
      assertThat(num(row, "baseline_value")).as(what).isCloseTo(b, within(1e-9));
      assertThat(num(row, "latest_value")).as(what).isCloseTo(l, within(1e-9));
      assertThat(num(row, "observations")).as(what).isEqualTo(window.size());
      assertThat(num(row, "gap_to_target")).as(what).isCloseTo(d * (target - l), within(1e-9));
      assertThat(num(row, "progress_share")).as(what).isCloseTo((l - b) / (target - b), within(1e-12));
      assertThat(num(row, "time_share")).as(what).isCloseTo((double) (ly - by) / (ty - by), within(1e-12));
      double actual = Math.pow(l / b, 1.0 / (ly - by)) - 1;
      double required = Math.pow(target / b, 1.0 / (ty - by)) - 1;
      assertThat(num(row, "cagr_actual")).as(what).isCloseTo(actual, within(1e-12));
      assertThat(num(row, "cagr_required")).as(what).isCloseTo(required, within(1e-12));
      if (ly < ty) {
        assertThat(num(row, "cagr_needed_from_latest")).as(what)
            .isCloseTo(Math.pow(target / l, 1.0 / (ty - ly)) - 1, within(1e-12));
      } else {
        assertThat(num(row, "cagr_needed_from_latest")).as(what).isNull();
      }
      double ratio = d * actual / Math.abs(required);
      assertThat(num(row, "growth_ratio")).as(what).isCloseTo(ratio, within(1e-12));
      double projected = l * Math.pow(1 + actual, ty - ly);
      assertThat(num(row, "projected_value")).as(what).isCloseTo(projected, within(1e-6));
      assertThat(num(row, "projected_gap")).as(what).isCloseTo(d * (target - projected), within(1e-6));
      String status = d * (target - l) <= 0 ? "target_achieved"
          : ratio >= 0.95 ? "on_track" : ratio >= 0.60 ? "acceleration_needed"
          : ratio >= 0 ? "limited_progress" : "deterioration";
      assertThat(row.get("status")).as(what).isEqualTo(status);
      double pace = ((l - b) / (target - b)) / ((double) (ly - by) / (ty - by));
      String paceStatus = d * (target - l) <= 0 ? (ly < ty ? "achieved_early" : "achieved")
          : pace >= 1.05 ? "ahead" : pace >= 0.95 ? "on_pace" : "behind";
      assertThat(row.get("pace_status")).as(what).isEqualTo(paceStatus);
      assessed++;
    }
    assertThat(assessed).isEqualTo(config.targets().size());
  }

  private static Double num(Map<String, String> row, String column) {
    String v = row.get(column);
    return v == null || v.isEmpty() ? null : Double.valueOf(v);
  }

  private static String key(String industry, String indicator, String region) {
    return industry + "|" + indicator + "|" + region;
  }

  /**
   * The sample's series as this test reads them from the drop files; {@code breaks} receives the
   * years whose row in force has series_break / 口径调整 true, 1, yes or 是.
   */
  private static Map<String, TreeMap<Integer, Double>> seriesFromInput(
      PlanConfig config, Map<String, java.util.Set<Integer>> breaks) throws IOException {
    // key|year -> value, drops in arrival order so a later one overwrites
    Map<String, Double> latestValue = new TreeMap<>();
    Map<String, Boolean> latestBreak = new TreeMap<>();
    List<Path> drops;
    try (Stream<Path> s = Files.list(INBOX)) {
      // Drops with a drop.json (mapped or wide GB18030 tables) repeat values of the others.
      drops = s.filter(Files::isDirectory)
          .filter(d -> !Files.exists(d.resolve("drop.json")))
          .sorted()
          .toList();
    }
    for (Path drop : drops) {
      Map<String, List<Double>> inDrop = new HashMap<>();
      Map<String, Boolean> breakInDrop = new HashMap<>();
      List<Path> files;
      try (Stream<Path> s = Files.list(drop)) {
        files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      for (Path file : files) {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CsvRecord> records = new ArrayList<>();
        new CsvRecordReader(new BufferedReader(new StringReader(text)), ',').forEachRemaining(records::add);
        List<String> header = records.get(0).fields();
        int year = header.indexOf(header.contains("year") ? "year" : "年份");
        int region = header.indexOf(header.contains("region") ? "region" : "地区");
        int industry = header.indexOf(header.contains("industry") ? "industry" : "产业");
        int indicator = header.indexOf(header.contains("indicator") ? "indicator" : "指标");
        int value = header.indexOf(header.contains("value") ? "value" : "数值");
        int unit = header.indexOf(header.contains("unit") ? "unit" : "单位");
        int brk = header.indexOf(header.contains("series_break") ? "series_break" : "口径调整");
        for (CsvRecord r : records.subList(1, records.size())) {
          List<String> f = r.fields();
          if (f.size() < header.size()) {
            continue;
          }
          var reg = config.regionNamed(f.get(region));
          var ind = config.industryNamed(f.get(industry));
          var indic = config.indicatorNamed(f.get(indicator));
          var u = config.unitNamed(f.get(unit));
          String v = f.get(value).replace(",", "");
          if (reg.isEmpty() || ind.isEmpty() || indic.isEmpty() || u.isEmpty()
              || !v.matches("-?[0-9.]+") || !f.get(year).matches("\\d{4}")) {
            continue;
          }
          int y = Integer.parseInt(f.get(year));
          Unit canonical = config.canonicalUnit(ind.get().code(), indic.get().code()).orElse(null);
          double x = Double.parseDouble(v);
          if (canonical == null || !canonical.dimension().equals(u.get().dimension())
              || y < 1990 || y > 2035 || (x < 0 && !Boolean.FALSE.equals(indic.get().nonNegative()))) {
            continue;
          }
          String k = key(ind.get().code(), indic.get().code(), reg.get().code()) + "|" + y;
          inDrop.computeIfAbsent(k, z -> new ArrayList<>()).add(x * u.get().factor() / canonical.factor());
          breakInDrop.put(k, brk >= 0 && List.of("true", "1", "yes", "是").contains(f.get(brk).strip().toLowerCase()));
        }
      }
      inDrop.forEach((k, values) -> {
        if (values.stream().distinct().count() == 1) {
          latestValue.put(k, values.get(0));
          latestBreak.put(k, breakInDrop.get(k));
        }
      });
    }
    latestBreak.forEach((k, b) -> {
      if (b) {
        int cut = k.lastIndexOf('|');
        breaks.computeIfAbsent(k.substring(0, cut), z -> new java.util.TreeSet<>())
            .add(Integer.valueOf(k.substring(cut + 1)));
      }
    });
    Map<String, TreeMap<Integer, Double>> series = new HashMap<>();
    Map<String, Double> citySums = new HashMap<>();
    for (var e : latestValue.entrySet()) {
      String[] p = e.getKey().split("\\|");
      series.computeIfAbsent(key(p[0], p[1], p[2]), z -> new TreeMap<>()).put(Integer.valueOf(p[3]), e.getValue());
      Indicator indicator = config.indicator(p[1]);
      if (!p[2].equals("510000") && indicator.additive()) {
        citySums.merge(key(p[0], p[1], "510000") + "|" + p[3], e.getValue(), Double::sum);
      }
    }
    citySums.forEach((k, sum) -> {
      String[] p = k.split("\\|");
      series.computeIfAbsent(key(p[0], p[1], p[2]), z -> new TreeMap<>()).putIfAbsent(Integer.valueOf(p[3]), sum);
    });
    return series;
  }

  @Test
  void theSampleShowsMilestonesCityTargetsAndABreak() throws IOException {
    List<Map<String, String>> gaps = csvMaps(latest.resolve("csv/all_industries.csv"));
    assertThat(gaps)
        .filteredOn(g -> g.get("industry").equals("power_battery") && g.get("indicator").equals("revenue")
            && g.get("region").equals("510000"))
        .extracting(g -> g.get("target_year") + " " + g.get("target_kind"))
        .containsExactlyInAnyOrder("2025 milestone", "2027 goal");
    assertThat(gaps)
        .filteredOn(g -> g.get("target_scope").equals("city"))
        .extracting(g -> g.get("region"))
        .containsExactlyInAnyOrder("511500", "511500", "510500", "510400");
    assertThat(gaps)
        .filteredOn(g -> g.get("industry").equals("premium_baijiu"))
        .singleElement()
        .satisfies(g -> {
          assertThat(g.get("series_break_year")).isEqualTo("2023");
          assertThat(g.get("baseline_year")).isEqualTo("2023");
        });
    // Every gap row with data has a pace status beside its status.
    assertThat(gaps).allSatisfy(g -> assertThat(g.get("pace_status")).isNotEmpty());

    List<Map<String, String>> rollup = csvMaps(latest.resolve("csv/rollup.csv"));
    assertThat(rollup).hasSize(11);
    assertThat(rollup).filteredOn(r -> r.get("industry").equals("plan_wide")).singleElement()
        .satisfies(r -> assertThat(r.get("targets")).isEqualTo(String.valueOf(gaps.size())));

    List<Row> milestones =
        TestSpark.session().read().parquet(latest.resolve("trajectory").toString())
            .where("industry = 'power_battery' and indicator = 'revenue' and region = '510000'"
                + " and milestone_value is not null")
            .orderBy("target_year", "year")
            .collectAsList();
    assertThat(milestones)
        .extracting(r -> r.getAs("target_year") + "/" + r.getAs("year") + " " + r.getAs("milestone_value"))
        .containsExactly("2025/2025 3600.0", "2027/2025 3600.0", "2027/2027 5000.0");
  }

  @Test
  void aRerunWithNothingNewGivesTheSameNumbers() throws IOException {
    String before = Files.readString(latest.resolve("csv/all_industries.csv"));
    String firstRun = manifest.get("run_id").asText();

    assertThat(Main.run(List.of("run", "--out", out.toString()))).isZero();

    JsonNode second = new ObjectMapper().readTree(latest.resolve("manifest.json").toFile());
    assertThat(second.get("run_id").asText()).isNotEqualTo(firstRun);
    assertThat(second.get("drops")).allSatisfy(d -> assertThat(d.get("ingested_this_run").asBoolean()).isFalse());
    assertThat(Files.readString(latest.resolve("csv/all_industries.csv"))).isEqualTo(before);
    assertThat(out.resolve("reports/runs/" + firstRun)).isDirectory();
    // Every table row for row, and nothing in the changes since the previous run.
    for (String table : List.of("gaps", "trajectory", "city_contributions", "revisions", "coverage")) {
      assertThat(sortedRows(latest.resolve(table)))
          .as(table)
          .isEqualTo(sortedRows(out.resolve("reports/runs/" + firstRun + "/" + table)));
    }
    for (JsonNode output : second.get("outputs")) {
      if (output.get("name").asText().endsWith("changes")) {
        assertThat(output.get("rows").asLong()).as(output.get("name").asText()).isZero();
      }
    }
    assertThat(csvMaps(latest.resolve("csv/changes.csv"))).isEmpty();
    assertThat(sortedRows(latest.resolve("changes"))).isEmpty(); // an empty report still opens
  }

  /** The rows of a Parquet report folder, every column, in a fixed order (RerunTest uses it). */
  static List<String> sortedRows(Path table) {
    var rows = TestSpark.session().read().parquet(table.toString());
    return rows.orderBy(java.util.Arrays.stream(rows.columns())
            .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList().stream().map(Object::toString).toList();
  }
}
