package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WithinDropDuplicatesTest {

  private static IngestRow row(String drop, long line, String region, double value) {
    return new IngestRow(drop, drop + "/f.csv", line, "raw", 2024, region, "power_battery",
        "revenue", value, "亿元", value, "亿元", null, null, null, null);
  }

  /** Repeated key hashes broadcast to the tasks (the usual few), or matched by a shuffled join. */
  @ParameterizedTest
  @ValueSource(longs = {WithinDropDuplicates.BROADCAST_HASHES, 0})
  void conflictingValuesAreAllRejectedAndRepeatsAfterTheFirst(long broadcastHashes) {
    List<Row> input =
        List.of(
                row("d1", 2, "510100", 10), // conflicts with line 3
                row("d1", 3, "510100", 12),
                row("d1", 4, "511500", 7), // kept
                row("d1", 5, "511500", 7), // repeat
                row("d2", 2, "510100", 99)) // another drop: a revision, not a duplicate
            .stream()
            .map(IngestSchema::toRow)
            .toList();

    Dataset<Row> rows = TestSpark.session().createDataFrame(input, IngestSchema.SCHEMA);
    List<String> marked =
        WithinDropDuplicates.mark(rows, WithinDropDuplicates.duplicateKeys(rows, broadcastHashes))
            .orderBy("drop", "line")
            .collectAsList()
            .stream()
            .map(r -> r.getAs("drop") + ":" + r.getAs("line") + " " + r.getAs("reason") + " "
                + r.getAs("detail"))
            .toList();

    assertThat(marked)
        .containsExactly(
            "d1:2 conflicting_duplicate the drop reports this key with different values; first at d1/f.csv line 2",
            "d1:3 conflicting_duplicate the drop reports this key with different values; first at d1/f.csv line 2",
            "d1:4 null null",
            "d1:5 duplicate_row repeats the same value; kept d1/f.csv line 4",
            "d2:2 null null");
  }

  @Test
  void aDropWithoutRepeatedKeysHasNoDuplicateKeys() {
    List<Row> input =
        List.of(row("d1", 2, "510100", 10), row("d1", 3, "511500", 10), row("d2", 2, "510100", 10))
            .stream()
            .map(IngestSchema::toRow)
            .toList();

    assertThat(
            WithinDropDuplicates.duplicateKeys(
                    TestSpark.session().createDataFrame(input, IngestSchema.SCHEMA))
                .collectAsList())
        .isEmpty();
  }

  @Test
  void theRepeatedHashesOfATaskAreEachValueSeenMoreThanOnceOnceInOrder() {
    // 5 three times, 3 twice, 1 and 9 once; more values than the first array holds (1,024), so
    // the array grows: 2,000 distinct values from 10,000 up, and 10,500 among them again.
    List<Long> hashes = new java.util.ArrayList<>(List.of(5L, 3L, 5L, 5L, 1L, 3L, 9L));
    for (long h = 10_000; h < 12_000; h++) {
      hashes.add(h);
    }
    hashes.add(10_500L);

    assertThat(WithinDropDuplicates.repeated(hashes.iterator()))
        .toIterable()
        .containsExactly(3L, 5L, 10_500L);
    assertThat(WithinDropDuplicates.repeated(List.of(7L, -7L, 0L).iterator())).toIterable().isEmpty();
    assertThat(WithinDropDuplicates.repeated(List.<Long>of().iterator())).toIterable().isEmpty();
  }
}
