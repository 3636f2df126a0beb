package org.industrygaps.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registry entries read back, with the file modification time and years, and from before they
 * were recorded.
 */
class DropRecordJsonTest {
  private static final String OLD =
      "{\"drop\":\"d\",\"ingested_at\":\"t\",\"run_id\":\"r\",\"files\":[{\"file\":\"d/a.csv\","
          + "\"sha256\":\"aa\",\"bytes\":5,\"rows_read\":2,\"rows_accepted\":1,\"rows_rejected\":1,"
          + "\"rejected_by_reason\":{\"unknown_region\":1}}]}";

  @Test
  void aRegistryEntryRoundTripsWithItsModificationTimes() throws Exception {
    FileRecord data = new FileRecord("d/a.csv", "aa", 5, 2, 1, 1, Map.of("unknown_region", 1L),
        "2026-01-01T00:00:00Z", Map.of(2021, 1L));
    FileRecord descriptor = new FileRecord("d/drop.json", "bb", 40, 0, 0, 0, Map.of(),
        "2026-01-01T00:00:00Z", Map.of());
    DropRecord record =
        new DropRecord("d", "a yearbook", "2026-01-01", "t", "r", List.of(data),
            List.of(descriptor));

    byte[] json = Warehouse.JSON.writeValueAsBytes(record);

    assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"modified_at\" : \"2026-01-01T00:00:00Z\"")
        .contains("\"accepted_by_year\" : {\n      \"2021\" : 1\n    }")
        .contains("\"descriptor\" : [ {")
        .doesNotContain("accepted_by_year\" : {\n  \"2021");
    assertThat(Warehouse.JSON.readValue(json, DropRecord.class)).isEqualTo(record);
    assertThat(record.acceptedByYear()).contains(Map.of(2021, 1L));
  }

  @Test
  void anEntryWrittenBeforeModificationTimesWereRecordedReadsWithout() throws Exception {
    DropRecord record = Warehouse.JSON.readValue(OLD, DropRecord.class);

    assertThat(record.files()).singleElement().satisfies(f -> {
      assertThat(f.sha256()).isEqualTo("aa");
      assertThat(f.modifiedAt()).isNull();
      assertThat(f.acceptedByYear()).isNull();
    });
    assertThat(record.acceptedByYear()).isEmpty(); // not known: any year may hold a revision
    assertThat(record.descriptor()).isNull(); // not known: drop.json is not compared
  }
}
