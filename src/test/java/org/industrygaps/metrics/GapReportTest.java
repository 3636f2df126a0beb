package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.ReportLayout;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Spark side of the gap metrics: targets assessed against their series, on the sample plan. */
class GapReportTest {
  private static Dataset<Row> assessed;
  private static final StatusThresholds THRESHOLDS = new StatusThresholds(0.95, 0.60);
  private static final PaceThresholds PACE = new PaceThresholds(1.05, 0.95);

  @BeforeAll
  static void premiumBaijiu() {
    // Published Sichuan baijiu revenue 2019–2022, then two illustrative years.
    Dataset<Row> latest =
        Observations.inDrop("d")
                .add("premium_baijiu", "revenue", "510000", 2019, 2653.0)
                .add("premium_baijiu", "revenue", "510000", 2020, 2849.7)
                .add("premium_baijiu", "revenue", "510000", 2021, 3247.6)
                .add("premium_baijiu", "revenue", "510000", 2022, 3447.2)
                .add("premium_baijiu", "revenue", "510000", 2024, 3800.0)
                // Mianyang's series: no target of the plan is about it.
                .add("premium_baijiu", "revenue", "510700", 2024, 40.0)
                .latest();
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    assessed =
        GapReport.assess(
                GapReport.targets(TestSpark.session(), TestSpark.sampleConfig()),
                ProvinceSeries.series(TestSpark.sampleConfig(), latest, coverage),
                THRESHOLDS, PACE, CityContributions.Scope.of(TestSpark.sampleConfig()))
            .cache();
  }

  @Test
  void eachTargetComesOnceWithItsSeriesPointsInYearOrderAndACitySeriesWithoutTargetComesAlone() {
    Row baijiu = assessed.where("industry = 'premium_baijiu' and region = '510000'").first();
    Row mianyang = assessed.where("region = '510700'").first();

    assertThat(GapReport.gaps(assessed).count())
        .isEqualTo(TestSpark.sampleConfig().targets().size());
    // Mianyang's revenue, a city series of an additive indicator: one row, for the city
    // contributions, with its points and no target; not a row of the gap report.
    assertThat(assessed.count()).isEqualTo(TestSpark.sampleConfig().targets().size() + 1);
    assertThat(assessed.where("region = '510700'").count()).isOne();
    assertThat(mianyang.<Boolean>getAs(GapReport.CITY_SERIES)).isTrue();
    assertThat(mianyang.isNullAt(mianyang.fieldIndex("target_year"))).isTrue();
    assertThat(mianyang.<Double>getList(mianyang.fieldIndex("point_values"))).containsExactly(40.0);
    assertThat(GapReport.gaps(assessed).where("region = '510700'").count()).isZero();
    assertThat(baijiu.<Boolean>getAs(GapReport.CITY_SERIES)).isFalse();
    assertThat(baijiu.<Integer>getList(baijiu.fieldIndex("point_years")))
        .containsExactly(2019, 2020, 2021, 2022, 2024);
    assertThat(baijiu.<Double>getList(baijiu.fieldIndex("point_values")))
        .containsExactly(2653.0, 2849.7, 3247.6, 3447.2, 3800.0);
    assertThat(baijiu.<Integer>getList(baijiu.fieldIndex("break_years"))).isEmpty();
    assertThat(baijiu.<Integer>getList(baijiu.fieldIndex("milestone_years"))).containsExactly(2027);
    assertThat(baijiu.<Double>getList(baijiu.fieldIndex("milestone_values")))
        .containsExactly(5000.0);
    assertThat(baijiu.<String>getAs("direction")).isEqualTo("increase");
    assertThat(baijiu.<Integer>getAs("plan_baseline_year")).isEqualTo(2022);
  }

  @Test
  void aTargetWithDataGetsTheMetricsOfProductMdInTheGapReportsColumns() {
    assertThat(GapReport.gaps(assessed).columns()).containsExactly(GapReport.GAPS.fieldNames());
    Row baijiu =
        GapReport.gaps(assessed)
            .where("industry = 'premium_baijiu'")
            .collectAsList()
            .get(0);

    // baseline 2022 = 3447.2, latest 2024 = 3800, target 2027 = 5000
    // gap = 5000 − 3800 = 1200; progress = 352.8 / 1552.8; time = 2 / 5 = 0.4
    // cagr_actual = (3800 / 3447.2)^(1/2) − 1; cagr_required = (5000 / 3447.2)^(1/5) − 1
    double actual = Math.sqrt(3800 / 3447.2) - 1;
    double required = Math.pow(5000 / 3447.2, 0.2) - 1;
    assertThat(baijiu.<Integer>getAs("baseline_year")).isEqualTo(2022);
    assertThat(baijiu.<Integer>getAs("latest_year")).isEqualTo(2024);
    assertThat(baijiu.<Integer>getAs("observations")).isEqualTo(2);
    assertThat(baijiu.<Double>getAs("gap_to_target")).isCloseTo(1200.0, within(1e-9));
    assertThat(baijiu.<Double>getAs("progress_share")).isCloseTo(352.8 / 1552.8, within(1e-12));
    assertThat(baijiu.<Double>getAs("time_share")).isCloseTo(0.4, within(1e-12));
    assertThat(baijiu.<Double>getAs("cagr_actual")).isCloseTo(actual, within(1e-12));
    assertThat(baijiu.<Double>getAs("growth_ratio")).isCloseTo(actual / required, within(1e-12));
    assertThat(baijiu.<Double>getAs("projected_value"))
        .isCloseTo(3800 * Math.pow(1 + actual, 3), within(1e-6));
    assertThat(baijiu.<String>getAs("status")).isEqualTo("acceleration_needed");
    assertThat(baijiu.<String>getAs("status_zh")).isEqualTo("需加快");
    assertThat(baijiu.<String>getAs("latest_value_source")).isEqualTo("reported");
    assertThat(baijiu.<String>getAs("target_status")).isEqualTo("draft");
  }

  @Test
  void aTargetWithoutDataIsNotAssessable() {
    List<Row> rows =
        GapReport.gaps(assessed).where("industry = 'aerospace'").collectAsList();

    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.<String>getAs("status")).isEqualTo("not_assessable");
      assertThat(r.<String>getAs("not_assessable_reason")).isEqualTo("no_data");
      assertThat(r.<Double>getAs("gap_to_target")).isNull();
    });
  }

  @Test
  void theTrajectoryRunsFromTheFirstObservationToTheTargetYear() {
    List<String> years =
        GapReport.trajectory(assessed, THRESHOLDS)
            .where("industry = 'premium_baijiu'")
            .orderBy("year")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("year") + ":" + r.getAs("actual_value") + "/"
                + (r.getAs("required_value") == null ? "-" : "req") + "/"
                + (r.getAs("projected_value") == null ? "-" : "proj"))
            .toList();

    assertThat(years)
        .containsExactly(
            "2019:2653.0/-/-", "2020:2849.7/-/-", "2021:3247.6/-/-", "2022:3447.2/req/-",
            "2023:null/req/-", "2024:3800.0/req/proj", "2025:null/req/proj",
            "2026:null/req/proj", "2027:null/req/proj");
  }

  @Test
  void theTrajectoryComesInTheReportsLayoutEachIndustryInOnePartitionInKeyOrder() {
    // The sample plan's targets: every industry, most without data here.
    long industries =
        ReportLayout.assertLaidOutByIndustry(
            () -> GapReport.trajectory(assessed, THRESHOLDS),
            List.of("industry", "indicator", "region", "target_year", "year"));

    assertThat(industries).isEqualTo(
        TestSpark.sampleConfig().targets().stream().map(t -> t.industry()).distinct().count());
  }
}
