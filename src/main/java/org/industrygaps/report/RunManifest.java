package org.industrygaps.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.industrygaps.warehouse.FileRecord;

/**
 * {@code manifest.json}: what a run read, what it wrote, and with which configuration and engine,
 * so that a report set describes itself.
 */
public record RunManifest(
    String runId,
    String command,
    String startedAt,
    String finishedAt,
    PlanInfo plan,
    Map<String, String> configChecksums,
    String inbox,
    String out,
    List<DropEntry> drops,
    Totals totals,
    List<OutputRecord> outputs,
    Engine engine) {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** The plan the report measures against. */
  public record PlanInfo(String id, String nameZh, int baselineYear, int targetYear, String status) {}

  /** A drop in the warehouse: ingested by this run or by an earlier one; source from drop.json. */
  public record DropEntry(
      String drop,
      String source,
      String publicationDate,
      String ingestedAt,
      String ingestedByRun,
      boolean ingestedThisRun,
      List<FileRecord> files) {}

  /** Rows read, accepted and rejected over all drops. */
  public record Totals(long rowsRead, long rowsAccepted, long rowsRejected) {}

  /** Versions of what computed the report. */
  public record Engine(String application, String spark, String scala, String java) {}

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunManifest fromJson(byte[] json) {
    try {
      return JSON.readValue(json, RunManifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
