package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.TestSpark;
import org.industrygaps.report.ReportLabels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The roll-up table from the gap report of the sample plan, with a few series of data. */
class IndustryRollupTest {
  private static Map<String, Row> rollup;

  @BeforeAll
  static void rollUp() {
    Dataset<Row> latest =
        MilestonesAndBreaksReportTest.powerBatteryRevenue(Observations.inDrop("d"))
                .add("power_battery", "revenue", "511500", 2022, 860)
                .add("power_battery", "revenue", "511500", 2023, 1030)
                .add("power_battery", "revenue", "511500", 2024, 1180)
                .add("power_battery", "production", "511500", 2022, 62)
                .add("power_battery", "production", "511500", 2024, 135)
                .latest();
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    Dataset<Row> gaps =
        GapReport.gaps(
            GapReport.assess(
                GapReport.targets(TestSpark.session(), TestSpark.sampleConfig()),
                ProvinceSeries.series(TestSpark.sampleConfig(), latest, coverage),
                new StatusThresholds(0.95, 0.60),
                new PaceThresholds(1.05, 0.95),
                CityContributions.Scope.of(TestSpark.sampleConfig())));
    Dataset<Row> table =
        new ReportLabels(TestSpark.sampleConfig())
            .apply(IndustryRollup.of(TestSpark.session(), TestSpark.sampleConfig(), gaps));
    rollup =
        table.collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("industry"), Function.identity()));
  }

  @Test
  void oneRowPerIndustryAndOnePlanWideRow() {
    assertThat(rollup.keySet())
        .containsExactlyInAnyOrder(
            "new_display", "clean_energy_equipment", "power_battery", "crystalline_silicon_pv",
            "aerospace", "biomedicine", "vanadium_titanium_rare_earth", "natural_gas",
            "rail_transit", "premium_baijiu", "plan_wide");
    Row row = rollup.get("power_battery");
    assertThat(row.<String>getAs("indicator")).isEqualTo("all");
    assertThat(row.<String>getAs("region")).isEqualTo("510000");
    assertThat(row.<String>getAs("indicator_name_zh")).isEqualTo("全部指标");
    assertThat(row.<String>getAs("industry_name_zh")).isEqualTo("动力电池");
    assertThat(row.<String>getAs("region_name_zh")).isEqualTo("四川省");
    assertThat(row.<String>getAs("unit")).isNull();
  }

  @Test
  void powerBatteryRollsUpItsFourTargets() {
    // 2025 milestone 3600 (3500: acceleration_needed, relative gap (3600 − 3500) / 3600 = 0.0278)
    // 2027 goal 5000 (acceleration_needed, projected 4726.90: 273.10 / 5000 = 0.0546)
    // Yibin revenue 2024 1300 (1180: acceleration_needed, 120 / 1300 = 0.0923)
    // Yibin production 2024 130 (135: target_achieved, −5 / 130 = −0.0385)
    // worst first: accel, accel, accel, achieved → worst and lower median acceleration_needed;
    // share on track = 1 / 4; key gap: Yibin revenue.
    Row row = rollup.get("power_battery");
    assertThat(row.<Integer>getAs("targets")).isEqualTo(4);
    assertThat(row.<Integer>getAs("targets_assessable")).isEqualTo(4);
    assertThat(row.<Integer>getAs("targets_acceleration_needed")).isEqualTo(3);
    assertThat(row.<Integer>getAs("targets_target_achieved")).isEqualTo(1);
    assertThat(row.<Integer>getAs("targets_not_assessable")).isZero();
    assertThat(row.<String>getAs("worst_status")).isEqualTo("acceleration_needed");
    assertThat(row.<String>getAs("worst_status_zh")).isEqualTo("需加快");
    assertThat(row.<String>getAs("median_status")).isEqualTo("acceleration_needed");
    assertThat(row.<Double>getAs("on_track_share")).isEqualTo(0.25);
    assertThat(row.<String>getAs("key_gap_indicator")).isEqualTo("revenue");
    assertThat(row.<String>getAs("key_gap_region")).isEqualTo("511500");
    assertThat(row.<Integer>getAs("key_gap_target_year")).isEqualTo(2024);
    assertThat(row.<Double>getAs("key_gap_relative")).isCloseTo(120.0 / 1300, within(1e-12));
    assertThat(row.<String>getAs("key_gap_status")).isEqualTo("acceleration_needed");
  }

  @Test
  void anIndustryWithoutDataCountsItsTargetsAsNotAssessable() {
    Row row = rollup.get("aerospace");
    assertThat(row.<Integer>getAs("targets")).isEqualTo(1);
    assertThat(row.<Integer>getAs("targets_not_assessable")).isEqualTo(1);
    assertThat(row.<Integer>getAs("targets_assessable")).isZero();
    assertThat(row.<String>getAs("worst_status")).isNull();
    assertThat(row.<Double>getAs("on_track_share")).isNull();
    assertThat(row.<String>getAs("key_gap_indicator")).isNull();
  }

  @Test
  void thePlanWideRowIsOverAllTargets() {
    Row row = rollup.get("plan_wide");
    int all = TestSpark.sampleConfig().targets().size();
    assertThat(row.<Integer>getAs("targets")).isEqualTo(all);
    assertThat(row.<Integer>getAs("targets_not_assessable")).isEqualTo(all - 4);
    assertThat(row.<String>getAs("key_gap_region")).isEqualTo("511500");
    assertThat(row.<String>getAs("industry_name_zh")).isEqualTo("全方案");
  }

  @Test
  void sparkRollsUpFromCountsAndTheKeyGapAsTheJavaSummaryDoes() {
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("industry", "string").add("indicator", "string").add("region", "string")
            .add("target_year", "int").add("target_value", "double")
            .add("projected_gap", "double").add("status", "string");
    // Relative gaps: 50/500 = 0.1 and 5/50 = 0.1 (a tie: output_value is first by indicator),
    // 1/100 = 0.01, none for the zero target; statuses worst first: deterioration,
    // limited_progress, on_track ×2 → 4 assessable, lower median index (4 − 1) / 2 = 1:
    // limited_progress.
    List<Row> rows =
        List.of(
            org.apache.spark.sql.RowFactory.create("aerospace", "revenue", "510000", 2027, 500.0,
                50.0, "on_track"),
            org.apache.spark.sql.RowFactory.create("aerospace", "output_value", "510400", 2026,
                50.0, 5.0, "deterioration"),
            org.apache.spark.sql.RowFactory.create("aerospace", "revenue", "510100", 2027, 100.0,
                1.0, "limited_progress"),
            org.apache.spark.sql.RowFactory.create("aerospace", "production", "510000", 2027, 0.0,
                3.0, "on_track"),
            org.apache.spark.sql.RowFactory.create("aerospace", "exports", "510000", 2027, 10.0,
                null, "not_assessable"));
    Row r =
        IndustryRollup.of(TestSpark.session(), TestSpark.sampleConfig(),
                TestSpark.session().createDataFrame(rows, schema))
            .where("industry = 'aerospace'")
            .first();

    assertThat(r.<Integer>getAs("targets")).isEqualTo(5);
    assertThat(r.<Integer>getAs("targets_assessable")).isEqualTo(4);
    assertThat(r.<String>getAs("worst_status")).isEqualTo("deterioration");
    assertThat(r.<String>getAs("median_status")).isEqualTo("limited_progress");
    assertThat(r.<Double>getAs("on_track_share")).isEqualTo(0.5);
    assertThat(r.<String>getAs("key_gap_indicator")).isEqualTo("output_value");
    assertThat(r.<Double>getAs("key_gap_relative")).isEqualTo(0.1);
  }
}
