package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark side of milestones and series breaks on the sample plan: one gap row per target, the
 * milestones on every trajectory of their series, and a break carried from the observations to
 * the gap row, the trajectory, the province sum and the city contributions.
 */
class MilestonesAndBreaksReportTest {
  private static final StatusThresholds STATUS = new StatusThresholds(0.95, 0.60);
  private static final PaceThresholds PACE = new PaceThresholds(1.05, 0.95);
  private static Dataset<Row> latest;
  private static List<Row> gaps;
  private static List<Row> trajectory;

  @BeforeAll
  static void sample() {
    latest =
        powerBatteryRevenue(Observations.inDrop("d"))
                    // Baijiu: a new statistical basis from 2023.
                    .add("premium_baijiu", "revenue", "510000", 2022, 3447.2)
                    .addBreak("premium_baijiu", "revenue", "510000", 2023, 3020)
                    .add("premium_baijiu", "revenue", "510000", 2024, 3190)
                    .add("premium_baijiu", "revenue", "510000", 2025, 3380)
                    // Panzhihua output value, its own city target for 2026; a break in 2024.
                    .add("vanadium_titanium_rare_earth", "output_value", "510400", 2023, 548)
                    .addBreak("vanadium_titanium_rare_earth", "output_value", "510400", 2024, 500)
                    .add("vanadium_titanium_rare_earth", "output_value", "510400", 2025, 520)
                    .latest()
            .cache();
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    Dataset<Row> targets =
        GapReport.assess(
                GapReport.targets(TestSpark.session(), TestSpark.sampleConfig()),
                ProvinceSeries.series(TestSpark.sampleConfig(), latest, coverage), STATUS, PACE,
                CityContributions.Scope.of(TestSpark.sampleConfig()))
            .cache();
    gaps = GapReport.gaps(targets).collectAsList();
    trajectory =
        GapReport.trajectory(targets, STATUS).orderBy("target_year", "year").collectAsList();
  }

  /**
   * Sichuan power-battery revenue of MilestoneTest, which carries the 2025 milestone (3600) and
   * the 2027 goal (5000) of the sample plan.
   */
  static Observations powerBatteryRevenue(Observations observations) {
    return observations
        .add("power_battery", "revenue", "510000", 2022, 2230)
        .add("power_battery", "revenue", "510000", 2023, 2700)
        .add("power_battery", "revenue", "510000", 2024, 3100)
        .add("power_battery", "revenue", "510000", 2025, 3500);
  }

  private static List<Row> gapsOf(String industry, String indicator, String region) {
    return gaps.stream()
        .filter(r -> r.getAs("industry").equals(industry) && r.getAs("indicator").equals(indicator)
            && r.getAs("region").equals(region))
        .sorted(java.util.Comparator.comparing(r -> r.<Integer>getAs("target_year")))
        .toList();
  }

  @Test
  void aMilestoneAndAGoalOfOneSeriesAreTwoGapRows() {
    List<Row> rows = gapsOf("power_battery", "revenue", "510000");

    assertThat(rows).extracting(r -> r.getAs("target_year") + " " + r.getAs("target_kind") + " "
            + r.getAs("target_scope") + " " + r.getAs("target_status"))
        .containsExactly("2025 milestone province illustrative", "2027 goal province draft");
    // Worked out in MilestoneTest: the milestone's pace_index 0.927 → behind, the projection is
    // the 2025 value; the goal's growth_ratio 0.925 → acceleration_needed.
    Row milestone = rows.get(0);
    assertThat(milestone.<Double>getAs("pace_index")).isCloseTo(1270.0 / 1370, within(1e-12));
    assertThat(milestone.<String>getAs("pace_status")).isEqualTo("behind");
    assertThat(milestone.<String>getAs("pace_status_zh")).isEqualTo("滞后");
    assertThat(milestone.<String>getAs("projected_method")).isEqualTo("observed_in_target_year");
    Row goal = rows.get(1);
    assertThat(goal.<String>getAs("status")).isEqualTo("acceleration_needed");
    assertThat(goal.<String>getAs("projected_method")).isEqualTo("compound_growth");
    assertThat(goal.<String>getAs("trend_method")).isEqualTo("log_linear_ols_95pi");
    assertThat(goal.<Integer>getAs("trend_points")).isEqualTo(4);
    assertThat(goal.<String>getAs("trend_reading")).isIn("likely_met", "uncertain", "likely_missed");
    assertThat(goal.<String>getAs("trend_reading")).isEqualTo(
        TrendReading.of(
                new TrendProjection(0, 0, 0, goal.getAs("trend_target_position"), 4),
                Direction.INCREASE)
            .code());
  }

  @Test
  void everyTrajectoryOfTheSeriesShowsItsMilestones() {
    List<String> goal =
        trajectory.stream()
            .filter(r -> r.getAs("industry").equals("power_battery")
                && r.getAs("indicator").equals("revenue") && r.getAs("region").equals("510000"))
            .map(r -> r.getAs("target_year") + "/" + r.getAs("year") + ": "
                + r.getAs("milestone_value"))
            .toList();

    assertThat(goal)
        .containsExactly(
            "2025/2022: null", "2025/2023: null", "2025/2024: null", "2025/2025: 3600.0",
            "2027/2022: null", "2027/2023: null", "2027/2024: null", "2027/2025: 3600.0",
            "2027/2026: null", "2027/2027: 5000.0");
  }

  @Test
  void aBreakMovesTheBaselineAndTheReportSaysSo() {
    // Worked out in SeriesBreakTest: baseline 2023 / 3020, growth_ratio 0.4312 → limited_progress
    Row baijiu = gapsOf("premium_baijiu", "revenue", "510000").get(0);

    assertThat(baijiu.<Integer>getAs("series_break_year")).isEqualTo(2023);
    assertThat(baijiu.<String>getAs("baseline_note")).isEqualTo("baseline_moved_to_break");
    assertThat(baijiu.<Integer>getAs("baseline_year")).isEqualTo(2023);
    assertThat(baijiu.<Integer>getAs("observations")).isEqualTo(3);
    assertThat(baijiu.<Double>getAs("growth_ratio")).isCloseTo(0.431202852160, within(1e-9));
    assertThat(baijiu.<String>getAs("status")).isEqualTo("limited_progress");
    assertThat(baijiu.<String>getAs("pace_status")).isEqualTo("behind");
    assertThat(baijiu.<String>getAs("trend_method")).isNull();

    assertThat(trajectory.stream()
            .filter(r -> r.getAs("industry").equals("premium_baijiu"))
            .map(r -> r.getAs("year") + (r.<Boolean>getAs("series_break") ? " break" : "")
                + " req " + (r.getAs("required_value") != null)))
        .containsExactly(
            "2022 req false", "2023 break req true", "2024 req true", "2025 req true",
            "2026 req true", "2027 req true");
  }

  @Test
  void aCityTargetWithABreak() {
    // Panzhihua output value: 2024 = 500 starts a new basis, 2025 = 520; target 650 in 2026.
    // baseline 2024 (the plan's 2022 has no data; the break moves it past 2023):
    // cagr_actual = 520 / 500 − 1 = 0.04; cagr_required = (650 / 500)^(1/2) − 1 = 0.140175425
    // growth_ratio = 0.04 / 0.140175425099 = 0.285357…  → limited_progress
    Row panzhihua = gapsOf("vanadium_titanium_rare_earth", "output_value", "510400").get(0);

    assertThat(panzhihua.<String>getAs("target_scope")).isEqualTo("city");
    assertThat(panzhihua.<String>getAs("target_kind")).isEqualTo("milestone");
    assertThat(panzhihua.<Integer>getAs("series_break_year")).isEqualTo(2024);
    assertThat(panzhihua.<Double>getAs("growth_ratio"))
        .isCloseTo(0.04 / (Math.sqrt(1.3) - 1), within(1e-12));
    assertThat(panzhihua.<String>getAs("status")).isEqualTo("limited_progress");
  }

  @Test
  void aCitysBreakIsABreakOfTheProvinceSumAndStopsItsGrowth() {
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    List<String> province =
        coverage.where("indicator = 'output_value'").orderBy("year").collectAsList().stream()
            .map(r -> r.getAs("year") + " " + r.getAs("value_source") + " " + r.getAs("series_break"))
            .toList();
    assertThat(province)
        .containsExactly("2023 sum_of_cities false", "2024 sum_of_cities true", "2025 sum_of_cities false");

    List<String> city =
        CityContributionsTest.contributionsOf(latest)
            .where("indicator = 'output_value'")
            .orderBy("year")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("year") + " growth " + r.getAs("growth") + " break "
                + r.getAs("series_break"))
            .toList();
    // 2024 is on a new basis: no growth against 2023. 2025: 520 / 500 − 1 = 0.04
    assertThat(city.get(0)).isEqualTo("2023 growth null break false");
    assertThat(city.get(1)).isEqualTo("2024 growth null break true");
    assertThat(city.get(2)).startsWith("2025 growth 0.04");
  }
}
