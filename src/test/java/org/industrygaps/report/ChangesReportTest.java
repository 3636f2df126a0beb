package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

/** What the changes report lists: new, removed and changed targets, never an unchanged one. */
class ChangesReportTest {

  private static Dataset<Row> gaps(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return TestSpark.session().createDataFrame(list, ChangesReport.COMPARED);
  }

  private static Object[] gap(String region, String status, Integer year, Double latest, Double gap) {
    return new Object[] {"power_battery", "revenue", region, 2027, status, year, latest, gap};
  }

  private static List<String> changes(Dataset<Row> previous, Dataset<Row> current) {
    return ChangesReport.of(previous, current, "R0").orderBy("region").collectAsList().stream()
        .map(r -> r.getAs("region") + " " + r.getAs("change_kind") + " status:"
            + r.getAs("status_changed") + " value:" + r.getAs("latest_value_changed") + " gap:"
            + r.getAs("projected_gap_changed") + " | " + r.getAs("old_status") + " -> "
            + r.getAs("new_status") + ", " + r.getAs("old_latest_value") + " -> "
            + r.getAs("new_latest_value") + ", " + r.getAs("old_projected_gap") + " -> "
            + r.getAs("new_projected_gap") + " since " + r.getAs("previous_run_id"))
        .toList();
  }

  @Test
  void everyTargetIsNewOnAFirstRun() {
    assertThat(
            changes(
                gaps(),
                gaps(gap("510000", "on_track", 2025, 10.0, 1.0),
                    gap("510100", "not_assessable", null, null, null))))
        .containsExactly(
            "510000 new status:true value:true gap:true | null -> on_track, null -> 10.0, null -> 1.0 since R0",
            "510100 new status:true value:false gap:false | null -> not_assessable, null -> null, null -> null since R0");
  }

  @Test
  void onlyWhatMovedIsListedWithItsOldAndNewValues() {
    Dataset<Row> previous =
        gaps(
            gap("510000", "on_track", 2025, 10.0, 1.0), // unchanged
            gap("510100", "on_track", 2024, 5.0, 2.0), // a new year of data, same status
            gap("510300", "on_track", 2025, 7.0, 3.0), // only the projection moved
            gap("510400", "on_track", 2025, 8.0, 4.0), // status changed
            gap("510500", "on_track", 2025, 9.0, 5.0)); // no longer a target
    Dataset<Row> current =
        gaps(
            gap("510000", "on_track", 2025, 10.0, 1.0),
            gap("510100", "on_track", 2025, 5.0, 2.0),
            gap("510300", "on_track", 2025, 7.0, 3.5),
            gap("510400", "deterioration", 2025, 6.0, 9.0),
            gap("510600", "on_track", 2025, 1.0, 0.5)); // a new target

    assertThat(changes(previous, current))
        .containsExactly(
            "510100 changed status:false value:true gap:false | on_track -> on_track, 5.0 -> 5.0, 2.0 -> 2.0 since R0",
            "510300 changed status:false value:false gap:true | on_track -> on_track, 7.0 -> 7.0, 3.0 -> 3.5 since R0",
            "510400 changed status:true value:true gap:true | on_track -> deterioration, 8.0 -> 6.0, 4.0 -> 9.0 since R0",
            "510500 removed status:true value:true gap:true | on_track -> null, 9.0 -> null, 5.0 -> null since R0",
            "510600 new status:true value:true gap:true | null -> on_track, null -> 1.0, null -> 0.5 since R0");
  }
}
