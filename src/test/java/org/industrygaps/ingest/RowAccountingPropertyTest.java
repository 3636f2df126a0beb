package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.industrygaps.config.ConfigFile;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Region;
import org.industrygaps.config.Unit;
import org.industrygaps.config.Units;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For generated files that mix good and bad rows (fixed seeds, a few hundred rows each, in UTF-8
 * and GB18030 CSV and in Parquet): rows in = accepted + rejected, each bad row has the reason its
 * fault calls for, and each accepted value equals the input value converted to the canonical unit
 * by the factors of units.yaml.
 */
class RowAccountingPropertyTest {
  private static final PlanConfig CONFIG = IngestFixtures.config();
  private static final List<Unit> UNITS = units();
  private static final String[] FAULTS = {
    "unknown_region", "unknown_industry", "unknown_indicator", "non_numeric_value", "empty_value",
    "negative_value", "unit_missing", "unit_not_convertible", "year_out_of_range", "malformed_line"
  };

  /** A generated row: its cells (year … note) and what ingest must make of it. */
  private record Case(List<String> cells, String reason, Double expected, String unit) {}

  private static List<Unit> units() {
    try {
      return ConfigFile.parse("units.yaml", Files.readAllBytes(Path.of("conf/units.yaml")),
          Units.class).value().units();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "seed {0}, {1}")
  @CsvSource({"1, utf-8", "2, gb18030", "3, parquet", "4, utf-8", "5, gb18030", "6, parquet"})
  void rowsInEqualAcceptedPlusRejectedAndValuesConvert(long seed, String format, @TempDir Path dir)
      throws IOException {
    Random random = new Random(seed);
    boolean parquet = format.equals("parquet");
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      cases.add(random.nextInt(3) == 0
          ? bad(random, FAULTS[random.nextInt(parquet ? FAULTS.length - 1 : FAULTS.length)])
          : good(random));
    }
    List<IngestRow> rows = parquet ? parquet(dir, cases) : csv(cases, Charset.forName(format),
        random.nextBoolean());

    assertThat(rows).hasSize(cases.size()).noneMatch(r -> r.line() == 0);
    long accepted = rows.stream().filter(IngestRow::accepted).count();
    long rejected = rows.stream().filter(r -> !r.accepted()).count();
    assertThat(accepted + rejected).isEqualTo(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      IngestRow row = rows.get(i);
      assertThat(row.line()).isEqualTo(parquet ? i + 1 : i + 2);
      if (c.reason() == null) {
        assertThat(row.reason()).as("row %s: %s", row.line(), row.detail()).isNull();
        assertThat(row.unit()).isEqualTo(c.unit());
        assertThat(row.value()).as("row %s: %s", row.line(), row.raw())
            .isCloseTo(c.expected(), within(Math.abs(c.expected()) * 1e-12));
      } else {
        assertThat(row.reason().code()).as("row %s: %s", row.line(), row.raw())
            .isEqualTo(c.reason());
      }
    }
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static String regionName(Random random) {
    Region r = pick(random, CONFIG.allRegions());
    return pick(random, List.of(r.code(), r.nameZh(), r.shortZh(), r.nameEn()));
  }

  private static Case good(Random random) {
    while (true) {
      Industry industry = pick(random, CONFIG.allIndustries());
      Indicator indicator = pick(random, CONFIG.indicators());
      var canonical = CONFIG.canonicalUnit(industry.code(), indicator.code());
      if (canonical.isEmpty()) {
        continue;
      }
      List<Unit> convertible = UNITS.stream()
          .filter(u -> u.dimension().equals(canonical.get().dimension())).toList();
      Unit unit = pick(random, convertible);
      boolean negative = Boolean.FALSE.equals(indicator.nonNegative()) && random.nextInt(4) == 0;
      BigDecimal value = BigDecimal.valueOf((negative ? -1 : 1) * random.nextLong(100_000_000L),
          random.nextInt(3));
      String text = random.nextBoolean() && value.abs().compareTo(BigDecimal.valueOf(1000)) >= 0
          ? String.format("%,.2f", value) : value.toPlainString();
      double expected = value.multiply(BigDecimal.valueOf(unit.factor()))
          .divide(BigDecimal.valueOf(canonical.get().factor()), MathContext.DECIMAL64)
          .doubleValue();
      List<String> cells = List.of(
          Integer.toString(2000 + random.nextInt(30)), regionName(random),
          pick(random, List.of(industry.code(), industry.nameZh(), industry.nameEn())),
          pick(random, List.of(indicator.code(), indicator.nameZh())), text,
          pick(random, unitNames(unit)), "generated", random.nextBoolean() ? "" : "=1+1");
      return new Case(cells, null, expected, canonical.get().unit());
    }
  }

  private static List<String> unitNames(Unit unit) {
    List<String> names = new ArrayList<>(List.of(unit.unit()));
    names.addAll(unit.aliases() == null ? List.of() : unit.aliases());
    return names;
  }

  private static Case bad(Random random, String fault) {
    List<String> cells = new ArrayList<>(List.of(
        "2024", regionName(random), "power_battery", "revenue", "12.5", "亿元", "", ""));
    switch (fault) {
      case "unknown_region" -> cells.set(1, "火星" + random.nextInt(100));
      case "unknown_industry" -> cells.set(2, "元宇宙");
      case "unknown_indicator" -> cells.set(3, "幸福指数");
      case "non_numeric_value" -> cells.set(4, pick(random, List.of("n/a", "—", "1.2.3", "12亿")));
      case "empty_value" -> cells.set(4, "");
      case "negative_value" -> cells.set(4, "-" + (1 + random.nextInt(999)));
      case "unit_missing" -> cells.set(5, "");
      case "unit_not_convertible" -> cells.set(5, pick(random, List.of("GWh", "万吨", "家")));
      case "year_out_of_range" -> cells.set(0, Integer.toString(1800 + random.nextInt(100)));
      case "malformed_line" -> cells.subList(3, cells.size()).clear();
      default -> throw new IllegalArgumentException(fault);
    }
    return new Case(cells, fault, null, null);
  }

  private static List<IngestRow> csv(List<Case> cases, Charset charset, boolean bom) {
    boolean utf8Bom = bom && charset.equals(StandardCharsets.UTF_8);
    StringBuilder text = new StringBuilder(utf8Bom ? "\uFEFF" : "")
        .append("year,region,industry,indicator,value,unit,source,note\r\n");
    for (Case c : cases) {
      text.append(ParquetDropParser.csv(c.cells())).append("\r\n");
    }
    return IngestFixtures.csv("g.csv", text.toString().getBytes(charset), FileSpec.DEFAULT);
  }

  private static List<IngestRow> parquet(Path dir, List<Case> cases) {
    List<Map<String, Object>> rows = new ArrayList<>();
    String[] names = {"year", "region", "industry", "indicator", "value", "unit", "source", "note"};
    for (Case c : cases) {
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        row.put(names[i], c.cells().get(i).isEmpty() ? null : c.cells().get(i));
      }
      rows.add(row);
    }
    String schema = "message g { optional binary year (STRING); optional binary region (STRING);"
        + " optional binary industry (STRING); optional binary indicator (STRING);"
        + " optional binary value (STRING); optional binary unit (STRING);"
        + " optional binary source (STRING); optional binary note (STRING); }";
    return IngestFixtures.parquet(
        IngestFixtures.writeParquet(dir.resolve("g.parquet"), schema, rows), FileSpec.DEFAULT);
  }
}
