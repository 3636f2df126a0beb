package org.industrygaps.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Settings;

/**
 * A deterministic synthetic plan and drops of any size, for benchmarks and scale tests: the
 * industries, indicators and units of a real {@code conf/}, {@code regions} synthetic counties
 * under one synthetic province, a target for every industry × indicator × region, and drops in the
 * canonical long format. The same arguments always give the same bytes.
 *
 * <p>Layout under the output folder: {@code conf/} (the synthetic plan), {@code inbox/<drop>/}
 * (the full drop, split into files; with several drops, each later one reports every value again
 * and revises about 2 % of them), and {@code next-drop/<drop>/} (about 1 % of the rows: new years
 * and revisions of existing values), which a benchmark copies into the inbox for a rerun.
 * Optionally one row in {@code unknownRegionEvery} names a region the plan does not know, to be
 * rejected.
 */
public final class SyntheticDrops {
  /** The synthetic province's code; counties are {@code 99xxxx}. */
  static final String PROVINCE = "990000";
  /** The full drop's last year; the next drop revises it and adds the year after. */
  static final int LAST_YEAR = 2025;
  static final String FULL_DROP = "2026-01-01-full";
  static final String NEXT_DROP = "2026-02-01-next";

  private final PlanConfig config;
  private final Path confDir;
  private final long observations;
  private final int years;
  private final int files;
  private final long seed;
  private final int drops;
  private final long unknownRegionEvery;
  private final int firstYear;

  /** A region code that is neither the province nor a county: its rows are rejected. */
  static final String UNKNOWN_REGION = "989999";

  /** One series: an industry × indicator with its canonical unit. */
  private record Series(String industry, String indicator, String unit) {}

  /**
   * {@code config} loaded from {@code confDir}, whose indicators, units and settings are reused;
   * {@code observations} rows in each of {@code drops} full drops; {@code unknownRegionEvery} 0
   * for no row with an unknown region.
   */
  public SyntheticDrops(
      PlanConfig config, Path confDir, long observations, int years, int files, long seed,
      int drops, long unknownRegionEvery) {
    this.config = config;
    this.confDir = confDir;
    this.observations = observations;
    this.years = years;
    this.files = files;
    this.seed = seed;
    this.drops = drops;
    this.unknownRegionEvery = unknownRegionEvery;
    this.firstYear = LAST_YEAR - years + 1;
  }

  private List<Series> series() {
    List<Series> all = new ArrayList<>();
    for (Industry industry : config.plan().industries()) {
      for (Indicator indicator : config.indicators()) {
        boolean planWide = indicator.code().equals("fortune_global_500")
            || indicator.code().equals("leading_enterprises");
        if (!planWide) {
          config.canonicalUnit(industry.code(), indicator.code())
              .ifPresent(u -> all.add(new Series(industry.code(), indicator.code(), u.unit())));
        }
      }
    }
    return all;
  }

  /** Counties have codes 990001 to 999999 (990000 is the province). */
  static final int MAX_REGIONS = 9999;

  /** How many counties make {@code observations} rows. */
  public int regions() {
    long perRegion = (long) series().size() * years;
    return (int) Math.max(1, Math.min(MAX_REGIONS, (observations + perRegion - 1) / perRegion));
  }

  /** The most observations this plan can hold: every series of every county in every year. */
  public long capacity() {
    return (long) MAX_REGIONS * series().size() * years;
  }

  /** Writes conf/, inbox/ and next-drop/ under {@code out}. */
  public void write(Path out) throws IOException {
    List<Series> series = series();
    int regions = regions();
    writeConf(out.resolve("conf"), series, regions);
    for (int d = 0; d < drops; d++) {
      writeFull(out.resolve("inbox").resolve(fullDrop(d)), d, series, regions);
    }
    writeNext(out.resolve("next-drop").resolve(NEXT_DROP), series, regions);
  }

  static String county(int i) {
    return String.format(Locale.ROOT, "99%04d", i + 1);
  }

  /** A deterministic series: level and growth from the key, a little noise per year. */
  private double value(int region, int s, int year, int revision) {
    long key = seed * 1_000_003L + region * 7919L + s * 104_729L;
    SplittableRandom level = new SplittableRandom(key);
    double base = 10 + level.nextDouble() * 990;
    double growth = -0.02 + level.nextDouble() * 0.14;
    double noise = new SplittableRandom(key * 31 + year + revision * 17L).nextDouble() * 0.04 - 0.02;
    double v = base * Math.pow(1 + growth, year - firstYear) * (1 + noise);
    return Math.round(v * 100) / 100.0;
  }

  /** The name of full drop {@code d} (from 0): names sort in arrival order, before the next drop. */
  static String fullDrop(int d) {
    return d == 0 ? FULL_DROP : String.format(Locale.ROOT, "%s-%03d", FULL_DROP, d + 1);
  }

  /** Whether full drop {@code d} revises this value: about one in 50, never in the first drop. */
  private static boolean revised(int d, int region, int s, int year) {
    return d > 0 && Math.floorMod(region * 31 + s * 17 + year * 7 + d * 13, 50) == 0;
  }

  private void writeFull(Path drop, int d, List<Series> series, int regions) throws IOException {
    Files.createDirectories(drop);
    List<BufferedWriter> out = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      out.add(open(drop.resolve(String.format(Locale.ROOT, "part-%04d.csv", f))));
    }
    long written = 0;
    try {
      for (int r = 0; r < regions && written < observations; r++) {
        BufferedWriter w = out.get(r % files);
        for (int s = 0; s < series.size() && written < observations; s++) {
          for (int y = 0; y < years && written < observations; y++) {
            int year = firstYear + y;
            written++;
            String region =
                unknownRegionEvery > 0 && written % unknownRegionEvery == 0
                    ? UNKNOWN_REGION
                    : county(r);
            // Revisions 0 (first report), 1 (the next drop), 2 (targets); later drops from 3.
            row(w, year, region, series.get(s), value(r, s, year, revised(d, r, s, y) ? d + 2 : 0));
          }
        }
      }
    } finally {
      for (BufferedWriter w : out) {
        w.close();
      }
    }
  }

  /** About 1 % of the full drop: half revisions of the last year, half a new year. */
  private void writeNext(Path drop, List<Series> series, int regions) throws IOException {
    Files.createDirectories(drop);
    long target = Math.max(1, observations / 100);
    long written = 0;
    int lastYear = LAST_YEAR;
    try (BufferedWriter w = open(drop.resolve("part-0000.csv"))) {
      for (int r = 0; r < regions && written < target; r++) {
        for (int s = 0; s < series.size() && written < target; s++) {
          row(w, lastYear, county(r), series.get(s), value(r, s, lastYear, 1));
          row(w, lastYear + 1, county(r), series.get(s), value(r, s, lastYear + 1, 0));
          written += 2;
        }
      }
    }
  }

  private static BufferedWriter open(Path file) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    w.write("year,region,industry,indicator,value,unit,source\n");
    return w;
  }

  private static void row(BufferedWriter w, int year, String region, Series s, double value)
      throws IOException {
    w.write(Integer.toString(year));
    w.write(',');
    w.write(region);
    w.write(',');
    w.write(s.industry());
    w.write(',');
    w.write(s.indicator());
    w.write(',');
    w.write(Double.toString(value));
    w.write(',');
    w.write(s.unit());
    w.write(",synthetic\n");
  }

  /**
   * The settings of the real conf/, with a range of years that holds every generated year, the
   * next drop's included (conf/'s 1990–2035 holds 36 years ending in 2025): a row outside it would
   * be rejected.
   */
  private void writeSettings(Path settings) throws IOException {
    Settings.YearRange range = config.settings().years();
    if (range.min() <= firstYear && range.max() > LAST_YEAR) {
      Files.copy(confDir.resolve("settings.yaml"), settings);
      return;
    }
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    ObjectNode tree = (ObjectNode) yaml.readTree(confDir.resolve("settings.yaml").toFile());
    tree.putObject("years")
        .put("min", Math.min(range.min(), firstYear))
        .put("max", Math.max(range.max(), LAST_YEAR + 1));
    yaml.writeValue(settings.toFile(), tree);
  }

  private void writeConf(Path conf, List<Series> series, int regions) throws IOException {
    Files.createDirectories(conf);
    for (String name : List.of("indicators.yaml", "units.yaml")) {
      Files.copy(confDir.resolve(name), conf.resolve(name));
    }
    writeSettings(conf.resolve("settings.yaml"));
    try (BufferedWriter w = Files.newBufferedWriter(conf.resolve("regions.yaml"))) {
      w.write("# Synthetic regions of industry-gaps generate: one province, " + regions
          + " counties.\nprovince: {code: \"" + PROVINCE
          + "\", name_zh: 合成省, short_zh: 合成, name_en: Synthetic Province}\nprefectures:\n");
      for (int r = 0; r < regions; r++) {
        String code = county(r);
        w.write("  - {code: \"" + code + "\", name_zh: 县" + code + ", short_zh: 县" + code
            + "短, name_en: County " + code + "}\n");
      }
    }
    try (BufferedWriter w = Files.newBufferedWriter(conf.resolve("plan.yaml"))) {
      var plan = config.plan();
      w.write("# Synthetic plan of industry-gaps generate: a target for every industry ×"
          + " indicator × region, in targets.csv.\nid: synthetic\nname_zh: 合成规划\nname_en: Synthetic plan\n"
          + "province: \"" + PROVINCE + "\"\nbaseline_year: " + plan.baselineYear()
          + "\ntarget_year: " + plan.targetYear()
          + "\nsource: industry-gaps generate\nstatus: illustrative\n"
          + "plan_wide: {code: plan_wide, name_zh: 全方案, name_en: Plan-wide}\nindustries:\n");
      for (Industry i : plan.industries()) {
        w.write("  - {code: " + i.code() + ", name_zh: " + i.nameZh() + ", name_en: \""
            + i.nameEn() + "\", units: {");
        List<String> units = new ArrayList<>();
        if (i.units() != null) {
          i.units().forEach((k, v) -> units.add(k + ": " + v));
        }
        w.write(String.join(", ", units) + "}}\n");
      }
      w.write("targets_file: targets.csv\n");
    }
    try (BufferedWriter w = Files.newBufferedWriter(conf.resolve("targets.csv"))) {
      w.write("industry,indicator,region,year,baseline_year,value,unit,source,status\n");
      for (int r = -1; r < regions; r++) {
        String region = r < 0 ? PROVINCE : county(r);
        for (int s = 0; s < series.size(); s++) {
          double target = r < 0 ? 1000.0 * regions : value(r, s, config.plan().targetYear(), 2) * 1.1;
          w.write(series.get(s).industry() + "," + series.get(s).indicator() + "," + region
              + ",,," + Math.round(target * 100) / 100.0 + ",,synthetic,illustrative\n");
        }
      }
    }
  }
}
