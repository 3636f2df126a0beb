package org.industrygaps.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanConfigLoaderTest {
  @TempDir Path dir;

  /** A copy of conf/ with {@code from} replaced by {@code to} in {@code file}. */
  private Path confWith(String file, String from, String to) throws IOException {
    for (String name : List.of("plan.yaml", "regions.yaml", "indicators.yaml", "units.yaml", "settings.yaml")) {
      Files.copy(Path.of("conf", name), dir.resolve(name));
    }
    Path target = dir.resolve(file);
    String text = Files.readString(target);
    assertThat(text).contains(from);
    Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    return dir;
  }

  private static PlanConfig load(Path conf) {
    return PlanConfigLoader.load(TestSpark.localStorage(), conf.toString());
  }

  /** The 1-based line of the first occurrence of {@code text} in {@code file}. */
  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Test
  void theSampleConfigurationHoldsTheTenIndustriesTheRegionsAndTheTargets() {
    PlanConfig config = TestSpark.sampleConfig();

    assertThat(config.plan().industries()).extracting(Industry::code).containsExactly(
        "new_display", "clean_energy_equipment", "power_battery", "crystalline_silicon_pv",
        "aerospace", "biomedicine", "vanadium_titanium_rare_earth", "natural_gas", "rail_transit",
        "premium_baijiu");
    assertThat(config.cities()).hasSize(21);
    assertThat(config.province().code()).isEqualTo("510000");
    assertThat(config.targets()).hasSize(18);
    assertThat(config.targets())
        .filteredOn(t -> t.region().equals("511500") && t.indicator().equals("revenue"))
        .singleElement()
        .satisfies(t -> {
          assertThat(t.year()).isEqualTo(2024);
          assertThat(t.baselineYear()).isEqualTo(2022);
          assertThat(t.value()).isEqualTo(1300.0);
          assertThat(t.status()).isEqualTo("draft");
        });
  }

  @Test
  void regionsResolveByCodeFullNameShortNamePinyinAndAutonomousPrefectureForms() {
    PlanConfig config = TestSpark.sampleConfig();

    for (String name : List.of("513400", "凉山彝族自治州", "凉山州", "凉山", "Liangshan", " liangshan ")) {
      assertThat(config.regionNamed(name)).as(name).map(Region::code).contains("513400");
    }
    assertThat(config.regionNamed("成都").map(Region::code)).contains("510100");
    assertThat(config.regionNamed("Atlantis")).isEmpty();
  }

  @Test
  void targetsInAnotherUnitAreConvertedToTheCanonicalOne() throws IOException {
    // 50,000,000 万元 = 5 × 10^7 × 10^4 / 10^8 亿元 = 5000 亿元
    Path conf = confWith("plan.yaml", "value: 5000, unit: 亿元", "value: 50000000, unit: 万元");
    assertThat(load(conf).targets().get(0).value()).isEqualTo(5000.0);
    assertThat(load(conf).targets().get(0).unit()).isEqualTo("亿元");
  }

  @Test
  void anUnknownIndicatorInATargetNamesFileLineAndField() throws IOException {
    Path conf = confWith("plan.yaml", "indicator: revenue", "indicator: revnue");
    int line = lineOf(conf.resolve("plan.yaml"), "indicator: revnue");

    assertThatThrownBy(() -> load(conf))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(conf.resolve("plan.yaml") + " line " + line
            + ", field targets[0].indicator: unknown indicator 'revnue' (known: revenue,");
  }

  @Test
  void aMistypedKeyIsRefusedWithTheKnownOnes() throws IOException {
    Path conf = confWith("settings.yaml", "on_track:", "ontrack:");

    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("settings.yaml line " + lineOf(conf.resolve("settings.yaml"), "ontrack:"))
        .hasMessageContaining("unknown field 'ontrack' (known: acceleration_needed, on_track)");
  }

  @Test
  void thresholdsOutOfOrderAreRefused() throws IOException {
    Path conf = confWith("settings.yaml", "acceleration_needed: 0.60", "acceleration_needed: 0.99");

    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("field status_thresholds.acceleration_needed: must be at least 0 and"
            + " below on_track (0.95), got 0.99");
  }

  @Test
  void retentionAndLockTimeoutHaveDefaultsAndMustBePositive() throws IOException {
    assertThat(TestSpark.sampleConfig().settings().runsToKeep()).isEqualTo(10);
    Path conf = confWith("settings.yaml", "keep_runs: 10", "");
    Path settings = conf.resolve("settings.yaml");
    Files.writeString(settings, Files.readString(settings).replace("lock_timeout_minutes: 720", ""));
    assertThat(load(conf).settings().runsToKeep()).isEqualTo(Settings.DEFAULT_KEEP_RUNS);
    assertThat(load(conf).settings().lockTimeout()).hasMinutes(Settings.DEFAULT_LOCK_TIMEOUT_MINUTES);

    Files.writeString(settings, Files.readString(settings) + "keep_runs: 0\n");
    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("settings.yaml line " + lineOf(settings, "keep_runs: 0")
            + ", field keep_runs: must be at least 1");
  }

  @Test
  void twoRegionsMayNotShareAName() throws IOException {
    Path conf = confWith("regions.yaml", "short_zh: 自贡", "short_zh: 成都");

    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("name '成都' is already used by 510100");
  }

  @Test
  void aTargetYearNotAfterItsBaselineIsRefused() throws IOException {
    Path conf = confWith("plan.yaml", "year: 2024", "year: 2021");

    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("year: must be after the baseline year 2022, got 2021");
  }

  @Test
  void brokenYamlNamesItsLine() throws IOException {
    Path conf = confWith("units.yaml", "units:", "units: [");

    assertThatThrownBy(() -> load(conf))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(conf.resolve("units.yaml") + " line ");
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path conf = confWith("units.yaml", "units:", "units:");
    Files.delete(conf.resolve("regions.yaml"));

    assertThatThrownBy(() -> load(conf))
        .hasMessage(conf + "/regions.yaml: missing (the configuration folder needs regions.yaml)");
  }

  @Test
  void oneSeriesCarriesAMilestoneAndAGoalAndCitiesTheirOwnTargets() {
    PlanConfig config = TestSpark.sampleConfig();

    assertThat(config.targets())
        .filteredOn(t -> t.industry().equals("power_battery") && t.indicator().equals("revenue")
            && t.region().equals("510000"))
        .extracting(t -> t.year() + ":" + t.value() + ":" + t.status())
        .containsExactlyInAnyOrder("2025:3600.0:illustrative", "2027:5000.0:draft");
    assertThat(config.targets())
        .extracting(t -> t.industry() + "/" + t.indicator() + "/" + t.region() + "/" + t.year()
            + "=" + t.value() + " " + t.unit())
        .contains(
            "power_battery/production/511500/2024=130.0 GWh",
            "biomedicine/revenue/510500/2027=500.0 亿元",
            "vanadium_titanium_rare_earth/output_value/510400/2026=650.0 亿元",
            "natural_gas/production/510000/2025=600.0 亿立方米");
    assertThat(config.settings().paceThresholds().ahead()).isEqualTo(1.05);
    assertThat(config.settings().paceThresholds().onPace()).isEqualTo(0.95);
  }

  @Test
  void paceThresholdsOutOfOrderAreRefused() throws IOException {
    Path conf = confWith("settings.yaml", "on_pace: 0.95", "on_pace: 1.2");

    assertThatThrownBy(() -> load(conf))
        .hasMessageContaining("settings.yaml line " + lineOf(conf.resolve("settings.yaml"), "on_pace: 1.2")
            + ", field pace_thresholds.on_pace: must be above 0 and below ahead (1.05), got 1.2");
  }

  @Test
  void paceThresholdsAreRequired() throws IOException {
    Path conf = confWith("settings.yaml", "pace_thresholds:\n  ahead: 1.05\n  on_pace: 0.95\n", "");

    assertThatThrownBy(() -> load(conf)).hasMessageContaining("field pace_thresholds: is required");
  }

  /** The sample conf/ with {@code csv} as its targets file (targets.csv) besides its own targets. */
  private Path confWithTargetsFile(String csv) throws IOException {
    Path conf = confWith("plan.yaml", "\ntargets:\n", "\ntargets_file: targets.csv\ntargets:\n");
    Files.writeString(conf.resolve("targets.csv"), csv);
    return conf;
  }

  @Test
  void targetsMayComeFromACsvFileBesideTheYamlOnes() throws IOException {
    // 8,000,000 万元 = 8 × 10^6 × 10^4 / 10^8 亿元 = 800 亿元
    Path conf = confWithTargetsFile("\uFEFFindustry,indicator,region,year,baseline_year,value,unit,source,status\n"
        + "rail_transit,revenue,512000,2026,,8000000,万元,资阳市目标 (illustrative),illustrative\n");

    PlanConfig config = load(conf);

    assertThat(config.targets()).hasSize(TestSpark.sampleConfig().targets().size() + 1);
    assertThat(config.targets().get(config.targets().size() - 1))
        .isEqualTo(new Target("rail_transit", "revenue", "512000", 2026, 2022, 800.0, "亿元",
            "资阳市目标 (illustrative)", "illustrative"));
    assertThat(config.checksums()).containsKey("targets.csv");
  }

  @Test
  void checksumsAreListedInFileNameOrderSoEveryManifestListsThemAlike() {
    assertThat(TestSpark.sampleConfig().checksums().keySet())
        .containsExactly("indicators.yaml", "plan.yaml", "regions.yaml", "settings.yaml",
            "units.yaml");
  }

  @Test
  void targetsShareTheirCodesAndTextsRatherThanEachKeepingCopies() throws IOException {
    // A plan with a target per county keeps a million of them in the driver's heap for the run.
    Path conf = confWithTargetsFile("industry,indicator,region,year,baseline_year,value,unit,source,status\n"
        + "rail_transit,revenue,512000,2026,,800,,county plan,illustrative\n"
        + "rail_transit,output_value,512000,2026,,900,,county plan,illustrative\n");

    PlanConfig config = load(conf);

    Target a = config.targets().get(config.targets().size() - 2);
    Target b = config.targets().get(config.targets().size() - 1);
    assertThat(a.industry()).isSameAs(b.industry()).isSameAs(config.industry("rail_transit").code());
    assertThat(a.region()).isSameAs(b.region()).isSameAs(config.region("512000").code());
    assertThat(a.indicator()).isSameAs(config.indicator("revenue").code());
    assertThat(a.source()).isSameAs(b.source());
    assertThat(a.status()).isSameAs(b.status());
    assertThat(a.year()).isSameAs(b.year());
    assertThat(a.baselineYear()).isSameAs(b.baselineYear());
  }

  @Test
  void aBadValueInTheTargetsFileNamesItsLineAndField() throws IOException {
    Path conf = confWithTargetsFile("industry,indicator,region,year,baseline_year,value,unit,source,status\n"
        + "rail_transit,revenue,512000,2026,,8000000,万元,x,illustrative\n"
        + "rail_transit,revenue,510100,2026,,lots,,x,illustrative\n");

    assertThatThrownBy(() -> load(conf))
        .isInstanceOf(ConfigException.class)
        .hasMessage(conf.resolve("targets.csv") + " line 3, field value: 'lots' is not a number");
  }
}
