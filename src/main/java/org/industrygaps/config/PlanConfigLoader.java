package org.industrygaps.config;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.HexFormat;
import org.industrygaps.storage.Storage;

/**
 * Reads the five files of {@code conf/} and validates them once, at start-up: every problem is a
 * {@link ConfigException} naming the file, the line and the field.
 */
public final class PlanConfigLoader {
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
  static final Set<String> TARGET_STATUSES = Set.of("official", "draft", "illustrative");
  static final Set<String> DIRECTIONS = Set.of("increase", "decrease");
  /** Indicators whose canonical unit each industry sets. */
  static final String PHYSICAL = "physical";

  private final Storage storage;
  private final Map<String, String> checksums = new LinkedHashMap<>();

  private PlanConfigLoader(Storage storage) {
    this.storage = storage;
  }

  /** Loads {@code dir} (a local path or Hadoop URI). */
  public static PlanConfig load(Storage storage, String dir) {
    return new PlanConfigLoader(storage).load(dir);
  }

  private PlanConfig load(String dir) {
    ConfigFile<Units> units = read(dir, "units.yaml", Units.class);
    ConfigFile<Regions> regions = read(dir, "regions.yaml", Regions.class);
    ConfigFile<Indicators> indicators = read(dir, "indicators.yaml", Indicators.class);
    ConfigFile<Settings> settings = read(dir, "settings.yaml", Settings.class);
    ConfigFile<Plan> plan = read(dir, "plan.yaml", Plan.class);

    validateUnits(units);
    validateRegions(regions);
    validateIndicators(indicators, units.value());
    validateSettings(settings);
    validatePlanShape(plan, regions.value(), units.value(), indicators.value());
    // Look-ups are needed to check the targets; build a first view, then the final one.
    PlanConfig lookups =
        new PlanConfig(
            plan.value(), regions.value(), indicators.value(), units.value(), settings.value(),
            checksums);
    Plan resolved = withResolvedTargets(plan, targetsFile(dir, plan), lookups);
    return new PlanConfig(
        resolved, regions.value(), indicators.value(), units.value(), settings.value(), checksums);
  }

  private <T> ConfigFile<T> read(String dir, String file, Class<T> type) {
    String path = dir.endsWith("/") ? dir + file : dir + "/" + file;
    byte[] bytes;
    try {
      bytes = storage.readAll(path);
    } catch (FileNotFoundException e) {
      throw new ConfigException(path + ": missing (the configuration folder needs " + file + ")");
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot be read: " + e.getMessage());
    }
    checksums.put(file, sha256(bytes));
    return ConfigFile.parse(path, bytes, type);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- units.yaml

  private static void validateUnits(ConfigFile<Units> file) {
    List<Unit> units = required(file, "units", file.value().units());
    Names seen = new Names(file);
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      String at = "units[" + i + "]";
      requiredText(file, at + ".unit", u.unit());
      requiredText(file, at + ".dimension", u.dimension());
      Double factor = required(file, at + ".factor", u.factor());
      if (!(factor > 0) || factor.isInfinite()) {
        throw file.error(at + ".factor", "must be a positive number, got " + factor);
      }
      seen.add(at, PlanConfig.unitNames(u), u.unit());
    }
  }

  // ---- regions.yaml

  private static void validateRegions(ConfigFile<Regions> file) {
    Region province = required(file, "province", file.value().province());
    List<Region> prefectures = required(file, "prefectures", file.value().prefectures());
    Names seen = new Names(file);
    validateRegion(file, "province", province, seen);
    Set<String> codes = new HashSet<>(Set.of(province.code()));
    for (int i = 0; i < prefectures.size(); i++) {
      Region r = prefectures.get(i);
      validateRegion(file, "prefectures[" + i + "]", r, seen);
      if (!codes.add(r.code())) {
        throw file.error("prefectures[" + i + "].code", "duplicate region code " + r.code());
      }
    }
  }

  private static void validateRegion(ConfigFile<?> file, String at, Region r, Names seen) {
    String code = requiredText(file, at + ".code", r.code());
    if (!REGION_CODE.matcher(code).matches()) {
      throw file.error(at + ".code", "must be a six-digit GB/T 2260 code, got '" + code + "'");
    }
    requiredText(file, at + ".name_zh", r.nameZh());
    requiredText(file, at + ".short_zh", r.shortZh());
    requiredText(file, at + ".name_en", r.nameEn());
    seen.add(at, PlanConfig.regionNames(r), r.code());
  }

  // ---- indicators.yaml

  private static void validateIndicators(ConfigFile<Indicators> file, Units units) {
    List<Indicator> list = required(file, "indicators", file.value().indicators());
    Names seen = new Names(file);
    Map<String, Unit> unitByName = unitIndex(units);
    for (int i = 0; i < list.size(); i++) {
      Indicator ind = list.get(i);
      String at = "indicators[" + i + "]";
      code(file, at + ".code", ind.code());
      requiredText(file, at + ".name_zh", ind.nameZh());
      requiredText(file, at + ".name_en", ind.nameEn());
      String dimension = requiredText(file, at + ".dimension", ind.dimension());
      required(file, at + ".additive", ind.additive());
      String direction = requiredText(file, at + ".direction", ind.direction());
      if (!DIRECTIONS.contains(direction)) {
        throw file.error(at + ".direction", "must be increase or decrease, got '" + direction + "'");
      }
      if (PHYSICAL.equals(dimension)) {
        if (ind.unit() != null) {
          throw file.error(at + ".unit", "a physical indicator takes its unit from each industry's units");
        }
      } else {
        String unitName = requiredText(file, at + ".unit", ind.unit());
        Unit unit = unitByName.get(org.industrygaps.config.Names.normalize(unitName));
        if (unit == null) {
          throw file.error(at + ".unit", "unknown unit '" + unitName + "' (not in units.yaml)");
        }
        if (!unit.dimension().equals(dimension)) {
          throw file.error(
              at + ".unit",
              "unit '" + unitName + "' measures " + unit.dimension() + ", not " + dimension);
        }
      }
      seen.add(at, PlanConfig.indicatorNames(ind), ind.code());
    }
  }

  // ---- settings.yaml

  private static void validateSettings(ConfigFile<Settings> file) {
    Settings s = file.value();
    Settings.Thresholds t = required(file, "status_thresholds", s.statusThresholds());
    double onTrack = required(file, "status_thresholds.on_track", t.onTrack());
    double accel =
        required(file, "status_thresholds.acceleration_needed", t.accelerationNeeded());
    if (!(0 <= accel && accel < onTrack)) {
      throw file.error(
          "status_thresholds.acceleration_needed",
          "must be at least 0 and below on_track (" + onTrack + "), got " + accel);
    }
    Settings.YearRange years = required(file, "years", s.years());
    int min = required(file, "years.min", years.min());
    int max = required(file, "years.max", years.max());
    if (min > max) {
      throw file.error("years.max", "must not be below years.min (" + min + "), got " + max);
    }
    double share = required(file, "reject_limit_share", s.rejectLimitShare());
    if (!(share >= 0 && share <= 1)) {
      throw file.error("reject_limit_share", "must be a share between 0 and 1, got " + share);
    }
    Settings.PaceThresholds pace = required(file, "pace_thresholds", s.paceThresholds());
    double ahead = required(file, "pace_thresholds.ahead", pace.ahead());
    double onPace = required(file, "pace_thresholds.on_pace", pace.onPace());
    if (!(0 < onPace && onPace < ahead)) {
      throw file.error(
          "pace_thresholds.on_pace", "must be above 0 and below ahead (" + ahead + "), got " + onPace);
    }
    if (!Double.isFinite(ahead)) {
      throw file.error("pace_thresholds.ahead", "must be a finite number, got " + ahead);
    }
    if (s.keepRuns() != null && s.keepRuns() < 1) {
      throw file.error("keep_runs", "must be at least 1 (latest/ is a copy of the newest run), got "
          + s.keepRuns());
    }
    if (s.lockTimeoutMinutes() != null && s.lockTimeoutMinutes() < 1) {
      throw file.error("lock_timeout_minutes", "must be at least 1, got " + s.lockTimeoutMinutes());
    }
  }

  // ---- plan.yaml

  private static void validatePlanShape(
      ConfigFile<Plan> file, Regions regions, Units units, Indicators indicators) {
    Plan p = file.value();
    code(file, "id", p.id() == null ? null : p.id().replace('-', '_'));
    requiredText(file, "name_zh", p.nameZh());
    requiredText(file, "name_en", p.nameEn());
    String province = requiredText(file, "province", p.province());
    if (!province.equals(regions.province().code())) {
      throw file.error(
          "province",
          "must be the province of regions.yaml (" + regions.province().code() + "), got " + province);
    }
    int baseline = required(file, "baseline_year", p.baselineYear());
    int target = required(file, "target_year", p.targetYear());
    if (target <= baseline) {
      throw file.error("target_year", "must be after baseline_year " + baseline + ", got " + target);
    }
    requiredText(file, "source", p.source());
    status(file, "status", p.status());
    Set<String> regionCodes = new HashSet<>();
    regionCodes.add(regions.province().code());
    regions.prefectures().forEach(r -> regionCodes.add(r.code()));
    Map<String, Unit> unitByName = unitIndex(units);
    Map<String, Indicator> indicatorByCode = new HashMap<>();
    indicators.indicators().forEach(i -> indicatorByCode.put(i.code(), i));

    Names seen = new Names(file);
    Industry planWide = required(file, "plan_wide", p.planWide());
    validateIndustry(file, "plan_wide", planWide, seen, regionCodes, unitByName, indicatorByCode);
    List<Industry> industries = required(file, "industries", p.industries());
    if (industries.isEmpty()) {
      throw file.error("industries", "lists no industry");
    }
    for (int i = 0; i < industries.size(); i++) {
      validateIndustry(
          file, "industries[" + i + "]", industries.get(i), seen, regionCodes, unitByName,
          indicatorByCode);
    }
    if (p.targets() == null && p.targetsFile() == null) {
      throw file.error("targets", "is required (or targets_file, a CSV file of targets)");
    }
  }

  private static void validateIndustry(
      ConfigFile<Plan> file,
      String at,
      Industry ind,
      Names seen,
      Set<String> regionCodes,
      Map<String, Unit> unitByName,
      Map<String, Indicator> indicatorByCode) {
    code(file, at + ".code", ind.code());
    requiredText(file, at + ".name_zh", ind.nameZh());
    requiredText(file, at + ".name_en", ind.nameEn());
    List<String> places = PlanConfig.orEmpty(ind.keyPlaces());
    for (int k = 0; k < places.size(); k++) {
      if (!regionCodes.contains(places.get(k))) {
        throw file.error(
            at + ".key_places[" + k + "]", "unknown region code '" + places.get(k) + "'");
      }
    }
    if (ind.units() != null) {
      for (Map.Entry<String, String> e : ind.units().entrySet()) {
        Indicator indicator = indicatorByCode.get(e.getKey());
        if (indicator == null || !PHYSICAL.equals(indicator.dimension())) {
          throw file.error(
              at + ".units." + e.getKey(),
              "'" + e.getKey() + "' is not a physical indicator of indicators.yaml");
        }
        if (!unitByName.containsKey(org.industrygaps.config.Names.normalize(e.getValue()))) {
          throw file.error(at + ".units." + e.getKey(), "unknown unit '" + e.getValue() + "'");
        }
      }
    }
    seen.add(at, PlanConfig.industryNames(ind), ind.code());
  }

  /** The targets of {@code targets_file}, if plan.yaml names one. */
  private List<TargetsFile.Located> targetsFile(String dir, ConfigFile<Plan> plan) {
    String name = plan.value().targetsFile();
    if (name == null) {
      return List.of();
    }
    String path = dir.endsWith("/") ? dir + name : dir + "/" + name;
    try {
      byte[] bytes = storage.readAll(path);
      checksums.put(name, sha256(bytes));
      return TargetsFile.parse(path, bytes);
    } catch (FileNotFoundException e) {
      throw plan.error("targets_file", "no file " + path);
    } catch (IOException e) {
      throw plan.error("targets_file", "cannot read " + path + ": " + e.getMessage());
    }
  }

  private static Plan withResolvedTargets(
      ConfigFile<Plan> planFile, List<TargetsFile.Located> fromCsv, PlanConfig config) {
    Plan p = planFile.value();
    List<TargetsFile.Located> all = new ArrayList<>();
    PlanConfig.orEmpty(p.targets()).forEach(t -> all.add(new TargetsFile.Located(t, planFile)));
    all.addAll(fromCsv);
    List<Target> resolved = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    // A plan with a target per county holds a million targets for the whole run: each shares the
    // code, text and year objects of the others instead of keeping copies (5 times less heap).
    Map<Object, Object> shared = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      Target t = all.get(i).target();
      FieldErrors file = all.get(i).where();
      String at = "targets[" + i + "]";
      String industry = requiredText(file, at + ".industry", t.industry());
      if (config.industry(industry) == null) {
        throw file.error(at + ".industry", "unknown industry '" + industry + "' (known: "
            + String.join(", ", config.allIndustries().stream().map(Industry::code).toList()) + ")");
      }
      String indicator = requiredText(file, at + ".indicator", t.indicator());
      if (config.indicator(indicator) == null) {
        throw file.error(at + ".indicator", "unknown indicator '" + indicator + "' (known: "
            + String.join(", ", config.indicators().stream().map(Indicator::code).toList()) + ")");
      }
      String region = requiredText(file, at + ".region", t.region());
      if (config.region(region) == null) {
        throw file.error(at + ".region", "unknown region code '" + region + "'");
      }
      int baselineYear = t.baselineYear() == null ? p.baselineYear() : t.baselineYear();
      int year = t.year() == null ? p.targetYear() : t.year();
      if (year <= baselineYear) {
        throw file.error(at + ".year", "must be after the baseline year " + baselineYear + ", got " + year);
      }
      double value = required(file, at + ".value", t.value());
      if (!Double.isFinite(value)) {
        throw file.error(at + ".value", "must be a finite number");
      }
      Unit canonical =
          config
              .canonicalUnit(industry, indicator)
              .orElseThrow(
                  () ->
                      file.error(
                          at + ".indicator",
                          "'" + indicator + "' has no unit for industry '" + industry
                              + "' (set units." + indicator + " on the industry)"));
      String unitName = t.unit() == null ? canonical.unit() : t.unit();
      Unit unit =
          config
              .unitNamed(unitName)
              .orElseThrow(() -> file.error(at + ".unit", "unknown unit '" + unitName + "'"));
      if (!unit.dimension().equals(canonical.dimension())) {
        throw file.error(
            at + ".unit",
            "unit '" + unitName + "' does not convert to " + canonical.unit() + " ("
                + unit.dimension() + " vs " + canonical.dimension() + ")");
      }
      requiredText(file, at + ".source", t.source());
      status(file, at + ".status", t.status());
      if (!keys.add(industry + "|" + indicator + "|" + region + "|" + year)) {
        throw file.error(at, "a second target for " + industry + " / " + indicator + " / " + region
            + " / " + year);
      }
      resolved.add(
          new Target(
              config.industry(industry).code(), config.indicator(indicator).code(),
              config.region(region).code(), shared(shared, year), shared(shared, baselineYear),
              value * unit.factor() / canonical.factor(), canonical.unit(),
              shared(shared, t.source()), shared(shared, t.status())));
    }
    return new Plan(
        p.id(), p.nameZh(), p.nameEn(), p.province(), p.baselineYear(), p.targetYear(), p.source(),
        p.status(), PlanConfig.orEmpty(p.goalsZh()), PlanConfig.orEmpty(p.goalsEn()), p.planWide(),
        p.industries(), null, List.copyOf(resolved));
  }

  // ---- helpers

  /** The instance equal to {@code value} that {@code pool} already holds, else {@code value}. */
  @SuppressWarnings("unchecked")
  private static <T> T shared(Map<Object, Object> pool, T value) {
    return (T) pool.computeIfAbsent(value, v -> v);
  }

  private static Map<String, Unit> unitIndex(Units units) {
    Map<String, Unit> index = new HashMap<>();
    for (Unit u : units.units()) {
      PlanConfig.unitNames(u).forEach(n -> index.put(org.industrygaps.config.Names.normalize(n), u));
    }
    return index;
  }

  private static void status(FieldErrors file, String at, String status) {
    requiredText(file, at, status);
    if (!TARGET_STATUSES.contains(status)) {
      throw file.error(at, "must be official, draft or illustrative, got '" + status + "'");
    }
  }

  private static void code(FieldErrors file, String at, String code) {
    requiredText(file, at, code);
    if (!CODE.matcher(code).matches()) {
      throw file.error(at, "must be a lower-case code like power_battery, got '" + code + "'");
    }
  }

  private static <T> T required(FieldErrors file, String at, T value) {
    if (value == null) {
      throw file.error(at, "is required");
    }
    return value;
  }

  private static String requiredText(FieldErrors file, String at, String value) {
    if (value == null || value.isBlank()) {
      throw file.error(at, "is required");
    }
    return value;
  }

  /** Names already used in one file, so two entries never answer to the same name. */
  private static final class Names {
    private final ConfigFile<?> file;
    private final Map<String, String> owner = new HashMap<>();

    Names(ConfigFile<?> file) {
      this.file = file;
    }

    void add(String at, List<String> names, String key) {
      for (String name : names) {
        if (name == null || name.isBlank()) {
          continue;
        }
        String previous = owner.putIfAbsent(org.industrygaps.config.Names.normalize(name), key);
        if (previous != null && !previous.equals(key)) {
          throw file.error(at, "name '" + name + "' is already used by " + previous);
        }
      }
    }
  }
}
