package org.industrygaps.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything in {@code conf/}, validated, with the look-ups ingest and the reports need. Immutable
 * and serializable: Spark ships it to the executors with each task.
 */
public final class PlanConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Plan plan;
  private final Regions regions;
  private final Indicators indicators;
  private final Units units;
  private final Settings settings;
  private final Map<String, String> checksums;

  private final Map<String, Region> regionByName = new LinkedHashMap<>();
  private final Map<String, Region> regionByCode = new LinkedHashMap<>();
  private final Map<String, Industry> industryByName = new LinkedHashMap<>();
  private final Map<String, Industry> industryByCode = new LinkedHashMap<>();
  private final Map<String, Indicator> indicatorByName = new LinkedHashMap<>();
  private final Map<String, Indicator> indicatorByCode = new LinkedHashMap<>();
  private final Map<String, Unit> unitByName = new LinkedHashMap<>();
  /** Names as drops spell them → normalised: a drop repeats the same few names millions of times. */
  private transient Map<String, String> normalized;

  /** Built by {@link PlanConfigLoader} once every file has been validated. */
  PlanConfig(
      Plan plan,
      Regions regions,
      Indicators indicators,
      Units units,
      Settings settings,
      Map<String, String> checksums) {
    this.plan = plan;
    this.regions = regions;
    this.indicators = indicators;
    this.units = units;
    this.settings = settings;
    // Sorted: the run manifest lists them in this order, the same in every run.
    this.checksums = Collections.unmodifiableSortedMap(new TreeMap<>(checksums));
    for (Region r : allRegions()) {
      regionByCode.put(r.code(), r);
      for (String name : regionNames(r)) {
        regionByName.put(Names.normalize(name), r);
      }
    }
    for (Industry i : allIndustries()) {
      industryByCode.put(i.code(), i);
      for (String name : industryNames(i)) {
        industryByName.put(Names.normalize(name), i);
      }
    }
    for (Indicator i : indicators.indicators()) {
      indicatorByCode.put(i.code(), i);
      for (String name : indicatorNames(i)) {
        indicatorByName.put(Names.normalize(name), i);
      }
    }
    for (Unit u : units.units()) {
      for (String name : unitNames(u)) {
        unitByName.put(Names.normalize(name), u);
      }
    }
  }

  /**
   * This configuration without the plan's targets: what reading drops needs, and all a task is
   * sent (a plan with a target per county and indicator weighs hundreds of megabytes in a heap).
   */
  public PlanConfig withoutTargets() {
    return new PlanConfig(plan.withoutTargets(), regions, indicators, units, settings, checksums);
  }

  public static List<String> regionNames(Region r) {
    List<String> names = new ArrayList<>(List.of(r.code(), r.nameZh(), r.shortZh(), r.nameEn()));
    names.addAll(orEmpty(r.aliases()));
    return names;
  }

  public static List<String> industryNames(Industry i) {
    List<String> names = new ArrayList<>(List.of(i.code(), i.nameZh(), i.nameEn()));
    names.addAll(orEmpty(i.aliases()));
    return names;
  }

  public static List<String> indicatorNames(Indicator i) {
    List<String> names = new ArrayList<>(List.of(i.code(), i.nameZh(), i.nameEn()));
    names.addAll(orEmpty(i.aliases()));
    return names;
  }

  public static List<String> unitNames(Unit u) {
    List<String> names = new ArrayList<>(List.of(u.unit()));
    names.addAll(orEmpty(u.aliases()));
    return names;
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  public Plan plan() {
    return plan;
  }

  public Settings settings() {
    return settings;
  }

  /** sha256 of each file read from {@code conf/}, by file name, in name order. */
  public Map<String, String> checksums() {
    return checksums;
  }

  public Region province() {
    return regions.province();
  }

  /** The prefecture-level divisions, whose values add up to the province's. */
  public List<Region> cities() {
    return regions.prefectures();
  }

  public List<Region> allRegions() {
    List<Region> all = new ArrayList<>();
    all.add(regions.province());
    all.addAll(regions.prefectures());
    return all;
  }

  /** The plan's industries followed by the plan-wide pseudo-industry. */
  public List<Industry> allIndustries() {
    List<Industry> all = new ArrayList<>(plan.industries());
    all.add(plan.planWide());
    return all;
  }

  public List<Unit> units() {
    return units.units();
  }

  public List<Indicator> indicators() {
    return indicators.indicators();
  }

  public Optional<Region> regionNamed(String name) {
    return Optional.ofNullable(regionByName.get(normalize(name)));
  }

  public Optional<Industry> industryNamed(String name) {
    return Optional.ofNullable(industryByName.get(normalize(name)));
  }

  public Optional<Indicator> indicatorNamed(String name) {
    return Optional.ofNullable(indicatorByName.get(normalize(name)));
  }

  public Optional<Unit> unitNamed(String name) {
    return Optional.ofNullable(unitByName.get(normalize(name)));
  }

  private String normalize(String name) {
    if (normalized == null) {
      normalized = new ConcurrentHashMap<>();
    }
    String n = normalized.get(name);
    if (n == null) {
      n = Names.normalize(name);
      if (normalized.size() < 100_000) {
        normalized.put(name, n);
      }
    }
    return n;
  }

  public Region region(String code) {
    return regionByCode.get(code);
  }

  public Industry industry(String code) {
    return industryByCode.get(code);
  }

  public Indicator indicator(String code) {
    return indicatorByCode.get(code);
  }

  /**
   * The canonical unit of {@code indicator} in {@code industry}: the industry's own for physical
   * indicators, else the indicator's. Empty when neither sets one.
   */
  public Optional<Unit> canonicalUnit(String industryCode, String indicatorCode) {
    Indicator indicator = indicator(indicatorCode);
    String unit = indicator.unit();
    Industry industry = industry(industryCode);
    if (unit == null && industry != null && industry.units() != null) {
      unit = industry.units().get(indicatorCode);
    }
    return unit == null ? Optional.empty() : unitNamed(unit);
  }

  /** The targets, with years filled in and values in canonical units. */
  public List<Target> targets() {
    return plan.targets();
  }
}
