package org.industrygaps.report;

import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.industrygaps.storage.Storage;

/**
 * Publishes a complete report set. A run writes into {@code reports/_staging/<run_id>/}; only when
 * everything is written does it become {@code reports/runs/<run_id>/} (one rename) and a copy of
 * it replace {@code reports/latest/} (copied aside first, then swapped with two renames). Readers
 * of {@code latest/} therefore see the previous report set or the new one, never a half-written
 * one; a run that dies leaves only {@code _staging} debris, which the next run clears.
 */
public final class ReportPublisher {
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
    String aside = reports + "/_previous_latest";
    if (storage.exists(latestDir())) {
      storage.rename(latestDir(), aside);
    }
    storage.rename(incoming, latestDir());
    storage.delete(aside);
    storage.delete(reports + "/_staging");
  }

  /** Run ids already published, oldest first. */
  public List<String> publishedRuns() {
    return storage.list(reports + "/runs").stream()
        .filter(FileStatus::isDirectory)
        .map(f -> f.getPath().getName())
        .toList();
  }
}
