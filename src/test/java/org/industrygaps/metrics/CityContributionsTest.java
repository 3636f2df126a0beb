package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.industrygaps.Observations;
import org.industrygaps.ReportLayout;
import org.industrygaps.TestSpark;
import org.industrygaps.report.ReportLabels;
import org.junit.jupiter.api.Test;

class CityContributionsTest {
  /** The city contributions of {@code observations} (one drop), as the report computes them. */
  private static Dataset<Row> contributionsOf(Observations observations) {
    return contributionsOf(observations.latest());
  }

  /**
   * The city contributions of the latest values {@code latest}, as the report computes them: from
   * the series assessed with the sample plan's targets.
   */
  static Dataset<Row> contributionsOf(Dataset<Row> latest) {
    return contributionsOf(latest, UnaryOperator.identity());
  }

  /** As {@link #contributionsOf(Dataset)}, {@code perSeries} applied to the rows per series. */
  private static Dataset<Row> contributionsOf(
      Dataset<Row> latest, UnaryOperator<Dataset<Row>> perSeries) {
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    Dataset<Row> assessed =
        assessed(latest, coverage, GapReport.targets(TestSpark.session(), TestSpark.sampleConfig()));
    return CityContributions.years(perSeries.apply(CityContributions.series(assessed)), coverage);
  }

  /** {@code targets} assessed against the series of {@code latest}, as the report does. */
  private static Dataset<Row> assessed(
      Dataset<Row> latest, Dataset<Row> coverage, Dataset<Row> targets) {
    return GapReport.assess(
        targets,
        ProvinceSeries.series(TestSpark.sampleConfig(), latest, coverage),
        new StatusThresholds(0.95, 0.60), new PaceThresholds(1.05, 0.95),
        CityContributions.Scope.of(TestSpark.sampleConfig()));
  }

  @Test
  void sharesGrowthAndContributionsToTheProvincesGrowth() {
    Dataset<Row> contributions =
        contributionsOf(
            Observations.inDrop("d")
                .add("power_battery", "revenue", "510000", 2022, 1000)
                .add("power_battery", "revenue", "510000", 2023, 1200)
                .add("power_battery", "revenue", "511500", 2022, 600)
                .add("power_battery", "revenue", "511500", 2023, 750)
                .add("power_battery", "revenue", "510100", 2022, 400)
                .add("power_battery", "revenue", "510100", 2023, 450));

    List<String> rows =
        contributions
            .where("year = 2023")
            .orderBy("region")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("region") + " share " + r.getAs("share_of_province") + " growth "
                + r.getAs("growth") + " contribution " + r.getAs("contribution_to_growth"))
            .toList();

    // 宜宾: 750/1200 = 0.625; 750/600 − 1 = 0.25; (750 − 600)/1000 = 0.15
    // 成都: 450/1200 = 0.375; 450/400 − 1 = 0.125; (450 − 400)/1000 = 0.05
    // 0.15 + 0.05 = 0.20 = 1200/1000 − 1, the province's growth
    assertThat(rows)
        .containsExactly(
            "510100 share 0.375 growth 0.125 contribution 0.05",
            "511500 share 0.625 growth 0.25 contribution 0.15");
  }

  @Test
  void aYearWithoutTheYearBeforeHasNoGrowth() {
    // 成都 skipped 2022: 2023's year before is missing, not 2021.
    Dataset<Row> contributions =
        contributionsOf(
            Observations.inDrop("d")
                .add("power_battery", "revenue", "510000", 2021, 900)
                .add("power_battery", "revenue", "510000", 2022, 1000)
                .add("power_battery", "revenue", "510000", 2023, 1200)
                .add("power_battery", "revenue", "510100", 2021, 300)
                .add("power_battery", "revenue", "510100", 2023, 450)
                .add("power_battery", "revenue", "511500", 2022, 600)
                .add("power_battery", "revenue", "511500", 2023, 750));

    List<String> rows =
        contributions
            .orderBy("region", "year")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("region") + " " + r.getAs("year") + " previous "
                + r.getAs("previous_value") + " growth " + r.getAs("growth"))
            .toList();

    // 宜宾 2023: 750/600 − 1 = 0.25; its first year and 成都's two have no year before.
    assertThat(rows)
        .containsExactly(
            "510100 2021 previous null growth null",
            "510100 2023 previous null growth null",
            "511500 2022 previous null growth null",
            "511500 2023 previous 600.0 growth 0.25");
  }

  @Test
  void rowsComeLabelledInTheReportsLayoutEachIndustryInOnePartitionInKeyOrder() {
    Observations observations = Observations.inDrop("d");
    for (String industry : List.of("power_battery", "aerospace", "biomedicine")) {
      for (String city : List.of("511500", "510100", "510700")) {
        for (int year = 2024; year >= 2020; year--) {
          observations.add(industry, "revenue", city, year, year - 2000);
        }
      }
    }
    ReportLabels labels = new ReportLabels(TestSpark.sampleConfig());
    // As the report makes them: labelled once per series, then made into years.
    long industries =
        ReportLayout.assertLaidOutByIndustry(
            () -> contributionsOf(observations.latest(), labels::apply),
            List.of("industry", "indicator", "region", "year"));

    assertThat(industries).isEqualTo(3);
    assertThat(contributionsOf(observations.latest(), labels::apply).columns())
        .startsWith(ReportLabels.LEADING.toArray(String[]::new))
        .endsWith("year", "value", "province_value", "share_of_province", "previous_value",
            "growth", "contribution_to_growth", "series_break");
  }

  @Test
  void aCitySeriesComesOnceWhateverItsTargetsTwoOneOrNone() {
    // 宜宾's revenue has the sample plan's 2027 target and, added here, a 2025 milestone; 成都's
    // revenue has no target; 宜宾's production (one target) is another series.
    Dataset<Row> latest =
        Observations.inDrop("d")
            .add("power_battery", "revenue", "510000", 2022, 1000)
            .add("power_battery", "revenue", "510000", 2023, 1200)
            .add("power_battery", "revenue", "511500", 2022, 600)
            .add("power_battery", "revenue", "511500", 2023, 750)
            .add("power_battery", "revenue", "510100", 2022, 400)
            .add("power_battery", "revenue", "510100", 2023, 450)
            .add("power_battery", "production", "511500", 2023, 90)
            .latest();
    Dataset<Row> targets = GapReport.targets(TestSpark.session(), TestSpark.sampleConfig());
    Dataset<Row> milestone =
        TestSpark.session().createDataFrame(
            List.of(RowFactory.create("power_battery", "revenue", "511500", 2025, 2022, 1000.0,
                "test", "draft", "increase", GapReport.MILESTONE, "city")),
            GapReport.TARGETS);
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    Dataset<Row> assessed = assessed(latest, coverage, targets.unionByName(milestone));

    List<String> rows =
        CityContributions.years(CityContributions.series(assessed), coverage)
            .orderBy("indicator", "region", "year").collectAsList().stream()
            .map(r -> r.getAs("indicator") + " " + r.getAs("region") + " " + r.getAs("year")
                + " share " + r.getAs("share_of_province"))
            .toList();

    // 2023: 750/1200 = 0.625, 450/1200 = 0.375; production: 90 of a province sum of 90
    assertThat(rows)
        .containsExactly(
            "production 511500 2023 share 1.0",
            "revenue 510100 2022 share 0.4",
            "revenue 510100 2023 share 0.375",
            "revenue 511500 2022 share 0.6",
            "revenue 511500 2023 share 0.625");
    assertThat(GapReport.gaps(assessed).where("region = '511500' and indicator = 'revenue'")
            .count())
        .isEqualTo(2);
  }

  @Test
  void theYearBeforeIsTheSeriesPreviousPointOnlyWhenItIsTheYearJustBefore() {
    List<String> years =
        CityContributions.yearsOf(
                List.of(2019, 2020, 2022, 2023), List.of(10.0, 11.0, 13.0, 14.0), List.of(2023))
            .stream()
            .map(r -> r.get(0) + " " + r.get(1) + " previous " + r.get(2) + " break " + r.get(3))
            .toList();

    assertThat(years)
        .containsExactly(
            "2019 10.0 previous null break false",
            "2020 11.0 previous 10.0 break false",
            "2022 13.0 previous null break false",
            "2023 14.0 previous 13.0 break true");
    assertThat(CityContributions.yearsOf(List.of(), List.of(), List.of())).isEmpty();
  }
}
