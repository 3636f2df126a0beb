package org.industrygaps.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.industrygaps.cli.Progress;
import org.industrygaps.storage.PausePoint;
import org.industrygaps.storage.Storage;

/**
 * Publishes a complete report set. A run writes into {@code reports/_staging/<run_id>/}; only when
 * everything is written (and checked, see {@link FooterCheck}) does it become {@code
 * reports/runs/<run_id>/} (one rename) and a copy of it replace {@code reports/latest/} (copied
 * aside first, then swapped with two renames). Readers of {@code latest/} therefore see the
 * previous report set or the new one, never a half-written one; a run that dies leaves {@code
 * _staging} debris, which the next run's {@link #recover()} clears (killed after the first rename,
 * also a complete run folder that never became latest, left to retention: {@link #prune}).
 */
public final class ReportPublisher {
  /** How run ids look (yyyyMMdd'T'HHmmss.SSS'Z', see Pipeline): they sort in time order. */
  static final Pattern RUN_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");
  private final Storage storage;
  private final String reports;

  public ReportPublisher(Storage storage, String outDir) {
    this.storage = storage;
    this.reports = outDir + "/reports";
  }

  public String stagingDir(String runId) {
    return reports + "/_staging/" + runId;
  }

  public String runDir(String runId) {
    return reports + "/runs/" + runId;
  }

  public String latestDir() {
    return reports + "/latest";
  }

  /**
   * Repairs what an interrupted publish can leave: a {@code latest} moved aside but not replaced is
   * put back. Called at the start of every run, before anything else is written.
   */
  public void recover() {
    String aside = reports + "/_previous_latest";
    if (!storage.exists(latestDir()) && storage.exists(aside)) {
      storage.rename(aside, latestDir());
    }
    storage.delete(aside);
    storage.delete(reports + "/_staging");
  }

  /** Makes the staged run {@code runId} the run folder and the latest report set. */
  public void publish(String runId) {
    String staged = stagingDir(runId);
    storage.rename(staged, runDir(runId));
    String incoming = reports + "/_staging/latest-" + runId;
    storage.copy(runDir(runId), incoming);
    PausePoint.reached("publish");
    String aside = reports + "/_previous_latest";
    if (storage.exists(latestDir())) {
      storage.rename(latestDir(), aside);
    }
    storage.rename(incoming, latestDir());
    storage.delete(aside);
    storage.delete(reports + "/_staging");
  }

  /** The run id of the report set in {@code latest/} (from its manifest), or null before any. */
  public String latestRunId() {
    String manifest = latestDir() + "/manifest.json";
    if (!storage.exists(manifest)) {
      return null;
    }
    try {
      JsonNode id = new ObjectMapper().readTree(storage.readAll(manifest)).get("run_id");
      if (id == null || id.asText().isEmpty()) {
        throw new IOException("no run_id");
      }
      return id.asText();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run id of " + manifest, e);
    }
  }

  /**
   * Retention: keeps the newest {@code keep} run folders and deletes older ones, never the run
   * {@code latest/} was copied from nor {@code current} (the run in progress; under the run lock
   * it is the only one). Only folders named like a run id are touched. Each is first renamed into
   * {@code _staging/} (so it disappears at once; a run killed while deleting leaves debris that the
   * next {@link #recover()} clears), then deleted. Returns the deleted run ids.
   */
  public List<String> prune(int keep, String current) {
    String fromLatest;
    try {
      fromLatest = latestRunId();
    } catch (UncheckedIOException e) {
      Progress.info("WARNING: retention skipped: " + e.getMessage());
      return List.of();
    }
    List<String> runs = publishedRuns().stream().filter(id -> RUN_ID.matcher(id).matches()).toList();
    List<String> deleted = new ArrayList<>();
    int excess = runs.size() - keep;
    for (String id : runs) { // oldest first
      if (excess <= 0) {
        break;
      }
      if (id.equals(fromLatest) || id.equals(current)) {
        continue;
      }
      String expired = reports + "/_staging/expired-" + id;
      storage.rename(runDir(id), expired);
      storage.delete(expired);
      deleted.add(id);
      excess--;
    }
    if (!deleted.isEmpty()) {
      storage.delete(reports + "/_staging");
    }
    return deleted;
  }

  /** Run ids already published, oldest first. */
  public List<String> publishedRuns() {
    return storage.list(reports + "/runs").stream()
        .filter(FileStatus::isDirectory)
        .map(f -> f.getPath().getName())
        .toList();
  }
}
