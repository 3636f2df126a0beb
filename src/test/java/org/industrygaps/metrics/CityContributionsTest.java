package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.ReportLayout;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

class CityContributionsTest {
  /** The city contributions of {@code observations} (one drop), as the report computes them. */
  private static Dataset<Row> contributionsOf(Observations observations) {
    Dataset<Row> latest = observations.latest();
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);
    return CityContributions.of(TestSpark.session(), TestSpark.sampleConfig(), latest, coverage);
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
    long industries =
        ReportLayout.assertLaidOutByIndustry(
            () -> new org.industrygaps.report.ReportLabels(TestSpark.sampleConfig())
                .apply(contributionsOf(observations)),
            List.of("industry", "indicator", "region", "year"));

    assertThat(industries).isEqualTo(3);
  }
}
