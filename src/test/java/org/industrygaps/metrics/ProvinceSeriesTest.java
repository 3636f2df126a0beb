package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

class ProvinceSeriesTest {

  private static List<String> coverage(Dataset<Row> latest) {
    return ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest)
        .orderBy("indicator", "year")
        .collectAsList()
        .stream()
        .map(r -> r.getAs("indicator") + " " + r.getAs("year") + ": " + r.getAs("value") + " "
            + r.getAs("value_source") + ", cities " + r.getAs("cities_reporting") + "/"
            + r.getAs("cities_total") + ", sum " + r.getAs("cities_sum_value"))
        .toList();
  }

  @Test
  void aReportedProvinceValueWinsOverTheSumOfItsCities() {
    Dataset<Row> latest =
        Observations.inDrop("d")
                .add("power_battery", "revenue", "510000", 2022, 500)
                .add("power_battery", "revenue", "511500", 2022, 300)
                .add("power_battery", "revenue", "510100", 2022, 150)
                .latest();

    assertThat(coverage(latest))
        .containsExactly("revenue 2022: 500.0 reported, cities 2/21, sum 450.0");
  }

  @Test
  void withoutAProvinceValueAnAdditiveIndicatorIsTheSumOfItsCities() {
    Dataset<Row> latest =
        Observations.inDrop("d")
                .add("vanadium_titanium_rare_earth", "revenue", "510400", 2024, 700)
                .add("vanadium_titanium_rare_earth", "revenue", "513400", 2024, 250.5)
                .add("vanadium_titanium_rare_earth", "revenue", "511100", 2024, 100)
                .latest();

    // 700 + 250.5 + 100 = 1050.5, from 3 of the 21 cities
    assertThat(coverage(latest))
        .containsExactly("revenue 2024: 1050.5 sum_of_cities, cities 3/21, sum 1050.5");
  }

  @Test
  void cityCountsAreNeverSummedIntoAProvinceValue() {
    Dataset<Row> latest =
        Observations.inDrop("d")
                .add("plan_wide", "fortune_global_500", "510100", 2024, 1)
                .add("plan_wide", "fortune_global_500", "510000", 2023, 2)
                .latest();

    assertThat(coverage(latest))
        .containsExactly("fortune_global_500 2023: 2.0 reported, cities 0/21, sum null");
  }

  @Test
  void theSeriesHoldTheCitiesAsReportedAndTheResolvedProvince() {
    Dataset<Row> latest =
        Observations.inDrop("d")
                .add("rail_transit", "revenue", "510100", 2023, 40)
                .add("rail_transit", "revenue", "512000", 2023, 2)
                .latest();
    Dataset<Row> coverage =
        ProvinceSeries.coverage(TestSpark.session(), TestSpark.sampleConfig(), latest);

    List<String> series =
        ProvinceSeries.series(TestSpark.sampleConfig(), latest, coverage)
            .orderBy("region")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("region") + "=" + r.getAs("value") + " " + r.getAs("value_source"))
            .toList();

    assertThat(series)
        .containsExactly("510000=42.0 sum_of_cities", "510100=40.0 reported", "512000=2.0 reported");
  }

  @Test
  void theSumOfTheCitiesIsExactAndTheSameWhateverTheOrderOfTheRows() {
    // By hand: 0.1 + 0.7 + 0.2 + 0.001 + 123.456 = 124.457. Added up as doubles, the result
    // depends on the order: 124.45700000000001 in ascending order, 124.457 in others.
    double[] values = {0.1, 0.7, 0.2, 1e-3, 123.456};
    String[] cities = {"510100", "510300", "510400", "510500", "510600"};
    Observations forward = Observations.inDrop("d");
    Observations backward = Observations.inDrop("d");
    for (int i = 0; i < values.length; i++) {
      forward.add("power_battery", "revenue", cities[i], 2022, values[i]);
      int j = values.length - 1 - i;
      backward.add("power_battery", "revenue", cities[j], 2022, values[j]);
    }

    List<String> a = coverage(LatestObservations.of(forward.toDataset().repartition(3), forward.drops()));
    List<String> b = coverage(LatestObservations.of(backward.toDataset().coalesce(1), backward.drops()));

    assertThat(a).isEqualTo(b).containsExactly(
        "revenue 2022: 124.457 sum_of_cities, cities 5/21, sum 124.457");
  }

  @Test
  void whatNoDecimalHoldsIsAddedUpAsADouble() {
    // decimal(38, 10) holds less than 1e28. 2022: a value of 1e28 (1e28 + 2.5 as doubles is 1e28);
    // 2023: each value fits, their sum 1.8e28 does not.
    Observations drop = Observations.inDrop("d")
        .add("power_battery", "revenue", "510100", 2022, 1e28)
        .add("power_battery", "revenue", "510300", 2022, 2.5)
        .add("power_battery", "revenue", "510100", 2023, 9e27)
        .add("power_battery", "revenue", "510300", 2023, 9e27);

    assertThat(coverage(LatestObservations.of(drop.toDataset(), drop.drops())))
        .containsExactlyInAnyOrder(
            "revenue 2022: 1.0E28 sum_of_cities, cities 2/21, sum 1.0E28",
            "revenue 2023: 1.8E28 sum_of_cities, cities 2/21, sum 1.8E28");
  }
}
