package org.industrygaps.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.Observations;
import org.junit.jupiter.api.Test;

class LatestObservationsAndRevisionsTest {
  private final Observations history =
      Observations.inDrop("2023-06-30-a")
          .add("power_battery", "revenue", "510000", 2022, 100)
          .add("power_battery", "revenue", "510000", 2021, 80)
          .drop("2024-06-30-b")
          .add("power_battery", "revenue", "510000", 2022, 110) // revises 2022
          .add("power_battery", "revenue", "510000", 2021, 80) // same value again: no revision
          .drop("2025-06-30-c")
          .add("power_battery", "revenue", "510000", 2022, 105); // revises 2022 again
  private final Dataset<Row> observations = history.toDataset();

  @Test
  void theLaterDropWins() {
    List<String> latest =
        LatestObservations.of(observations, history.drops()).orderBy("year").collectAsList().stream()
            .map(r -> r.getAs("year") + "=" + r.getAs("value") + "@" + r.getAs("drop") + " of "
                + r.getAs("drops"))
            .toList();

    assertThat(latest)
        .containsExactly("2021=80.0@2024-06-30-b of 2", "2022=105.0@2025-06-30-c of 3");
  }

  @Test
  void dropsAreOrderedByTheirIdsNotByTheOrderTheyAreNamed() {
    List<DropYears> newestFirst =
        Stream.of("2025-06-30-c", "2023-06-30-a", "2024-06-30-b", "2023-06-30-a")
            .map(DropYears::unknown).toList();

    assertThat(
            LatestObservations.of(observations, newestFirst)
                .where("year = 2022").select("value", "drop").first().toString())
        .isEqualTo("[105.0,2025-06-30-c]");
  }

  @Test
  void anObservationOfADropNotNamedStopsTheRunWithTheDrop() {
    // Registered: 2023-06-30-a (2021, 2022) and 2025-06-30-c (2022). Only 2022 is aggregated, so
    // the 2021 rows pass as they are: 2024-06-30-b's is still checked.
    List<DropYears> withoutB =
        history.drops().stream().filter(d -> !d.drop().equals("2024-06-30-b")).toList();
    Dataset<Row> latest = LatestObservations.of(observations.where("year = 2021"), withoutB);

    assertThatThrownBy(latest::collectAsList)
        .hasStackTraceContaining("observations of a drop not in the registry: 2024-06-30-b");
  }

  @Test
  void onlyTheYearsOfSeveralDropsCanHoldARevisedKey() {
    List<DropYears> drops =
        List.of(
            new DropYears("a", Optional.of(Map.of(2020, 100L, 2021, 100L, 2022, 100L))),
            new DropYears("b", Optional.of(Map.of(2022, 10L, 2023, 90L))),
            new DropYears("b", Optional.of(Map.of(2022, 10L, 2023, 90L))), // named twice: one drop
            new DropYears("c", Optional.of(Map.of(2023, 5L, 2024, 95L))),
            new DropYears("d", Optional.of(Map.of())));
    List<DropYears> withAnOlderRegistry =
        List.of(drops.get(0), DropYears.unknown("older registry"));

    assertThat(LatestObservations.yearsOfSeveralDrops(drops)).contains(Set.of(2022, 2023));
    assertThat(LatestObservations.yearsOfSeveralDrops(List.of(drops.get(0))))
        .contains(Set.of());
    assertThat(LatestObservations.yearsOfSeveralDrops(withAnOlderRegistry)).isEmpty();
    // 2022: 100 + 10 rows, 2023: 90 + 5, of 100 + 100 + 100 + 10 + 90 + 5 + 95 = 500.
    assertThat(LatestObservations.aggregatedShare(drops)).isEqualTo(205.0 / 500);
    assertThat(LatestObservations.aggregatedShare(List.of(drops.get(0)))).isZero();
    assertThat(LatestObservations.aggregatedShare(List.of(drops.get(4)))).isZero();
    assertThat(LatestObservations.aggregatedShare(withAnOlderRegistry)).isEqualTo(1);
  }

  @Test
  void yearsOfOneDropPassAsTheyAreAndTheOthersAreAggregatedToTheSameLatestValues() {
    Observations twoDrops =
        Observations.inDrop("2024-06-30-a")
            .add("power_battery", "revenue", "510000", 2021, 80)
            .add("power_battery", "revenue", "510100", 2022, 30)
            .add("power_battery", "revenue", "510000", 2022, 100)
            .drop("2025-06-30-b")
            .add("power_battery", "revenue", "510000", 2022, 110) // revises 2022
            .addBreak("power_battery", "revenue", "510000", 2023, 120); // a new year
    List<DropYears> unknown = twoDrops.drops().stream().map(d -> DropYears.unknown(d.drop())).toList();

    List<String> everyKeyAggregated = latest(LatestObservations.of(twoDrops.toDataset(), unknown));
    List<String> only2022Aggregated = latest(twoDrops.latest());

    assertThat(only2022Aggregated)
        .isEqualTo(everyKeyAggregated)
        .containsExactly(
            "510000 2021=80.0@2024-06-30-a of 1 break false",
            "510000 2022=110.0@2025-06-30-b of 2 break false",
            "510000 2023=120.0@2025-06-30-b of 1 break true",
            "510100 2022=30.0@2024-06-30-a of 1 break false");
  }

  private static List<String> latest(Dataset<Row> latest) {
    return latest.orderBy("region", "year").collectAsList().stream()
        .map(r -> r.getAs("region") + " " + r.getAs("year") + "=" + r.getAs("value") + "@"
            + r.getAs("drop") + " of " + r.getAs("drops") + " break " + r.getAs("series_break"))
        .toList();
  }

  @Test
  void everyChangedValueIsARevisionWithOldAndNewDrop() {
    List<String> revisions =
        Revisions.of(observations, history.latest()).orderBy("new_drop").collectAsList().stream()
            .map(r -> r.getAs("year") + ": " + r.getAs("old_value") + " (" + r.getAs("old_drop")
                + ") -> " + r.getAs("new_value") + " (" + r.getAs("new_drop") + ") change "
                + r.getAs("change"))
            .toList();

    assertThat(revisions)
        .containsExactly(
            "2022: 100.0 (2023-06-30-a) -> 110.0 (2024-06-30-b) change 10.0",
            "2022: 110.0 (2024-06-30-b) -> 105.0 (2025-06-30-c) change -5.0");
  }

  @Test
  void keysOfASingleDropHaveNoRevision() {
    Observations firstDrop =
        Observations.inDrop("2023-06-30-a")
            .add("power_battery", "revenue", "510000", 2022, 100)
            .add("power_battery", "revenue", "510100", 2022, 40)
            .drop("2024-06-30-b")
            .add("power_battery", "revenue", "510000", 2023, 120); // a new year: no revision

    assertThat(Revisions.of(firstDrop.toDataset(), firstDrop.latest()).collectAsList()).isEmpty();
  }

  @Test
  void manyRevisedKeysAreMatchedByAJoinWithoutTheBroadcastHint() {
    // More revised keys (501) than are broadcast (10): the revisions through a shuffled join;
    // every odd key changed its value.
    Observations many = Observations.inDrop("2023-06-30-a");
    for (int k = 0; k <= 500; k++) {
      many.add("power_battery", "revenue", "510000", 1000 + k, 100);
    }
    many.drop("2024-06-30-b");
    for (int k = 0; k <= 500; k++) {
      many.add("power_battery", "revenue", "510000", 1000 + k, k % 2 == 0 ? 100 : 101);
    }
    assertThat(Revisions.of(many.toDataset(), many.latest(), 10).count()).isEqualTo(250);
  }
}
