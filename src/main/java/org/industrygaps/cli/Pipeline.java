package org.industrygaps.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.ingest.Drop;
import org.industrygaps.ingest.DropChanges;
import org.industrygaps.ingest.DropInspection;
import org.industrygaps.ingest.Inbox;
import org.industrygaps.ingest.InputException;
import org.industrygaps.ingest.ParsedDrops;
import org.industrygaps.report.ChangesReport;
import org.industrygaps.report.FooterCheck;
import org.industrygaps.report.OutputRecord;
import org.industrygaps.report.PostgresPublisher;
import org.industrygaps.report.ReportLabels;
import org.industrygaps.report.ReportPublisher;
import org.industrygaps.report.ReportTables;
import org.industrygaps.report.ReportWriter;
import org.industrygaps.report.RunManifest;
import org.industrygaps.report.SummaryData;
import org.industrygaps.report.SummaryPage;
import org.industrygaps.storage.Storage;
import org.industrygaps.warehouse.DropRecord;
import org.industrygaps.warehouse.FileRecord;
import org.industrygaps.warehouse.RunLock;
import org.industrygaps.warehouse.Warehouse;

/** The job's steps (ingest, report, validate) over one configuration, inbox and output folder. */
public final class Pipeline {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final Storage storage;
  private final PlanConfig config;
  private final Options options;
  private final Clock clock;
  private final Warehouse warehouse;
  private final ReportPublisher publisher;

  public Pipeline(
      SparkSession spark, Storage storage, PlanConfig config, Options options, Clock clock) {
    this.spark = spark;
    this.storage = storage;
    this.config = config;
    this.options = options;
    this.clock = clock;
    this.warehouse = new Warehouse(storage, options.out());
    this.publisher = new ReportPublisher(storage, options.out());
  }

  public String newRunId() {
    return RUN_ID.format(clock.instant());
  }

  private String now() {
    return clock.instant().toString();
  }

  /** Takes the run lock of --out (see {@link RunLock}); close it when the run ends. */
  public RunLock lock(String runId, String command) {
    return RunLock.acquire(
        storage, options.out(), RunLock.Holder.of(runId, command, clock),
        config.settings().lockTimeout(), options.waitForLock(), clock);
  }

  /**
   * Ingests the drops of the inbox that the warehouse has not seen, and those named by {@code
   * --reingest} (replacing what they contributed); returns them. An ingested drop is compared with
   * its registry entry ({@link DropChanges}): unchanged, it is skipped; changed and not named by
   * {@code --reingest}, the whole run is refused before anything is written (exit status 3).
   */
  public List<DropRecord> ingest(String runId) {
    warehouse.clearDebris();
    Map<String, DropRecord> known = new HashMap<>();
    warehouse.drops().forEach(d -> known.put(d.drop(), d));
    List<Drop> inbox = Inbox.list(storage, options.inbox());
    Set<String> ids = inbox.stream().map(Drop::id).collect(Collectors.toSet());
    for (String drop : options.reingest()) {
      if (!ids.contains(drop)) {
        throw new UsageException("--reingest " + drop + ": no such drop in " + options.inbox());
      }
    }
    List<Drop> fresh = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (Drop drop : inbox) {
      DropRecord ingested = known.get(drop.id());
      if (ingested == null || options.reingest().contains(drop.id())) {
        fresh.add(drop);
        continue;
      }
      List<String> changes =
          DropChanges.of(ingested, drop, path -> DropInspection.sha256(storage, path));
      if (!changes.isEmpty()) {
        changed.add(drop.id() + " (ingested " + ingested.ingestedAt() + " by run "
            + ingested.runId() + "):\n      " + String.join("\n      ", changes));
      }
    }
    if (!changed.isEmpty()) {
      throw new InputException(
          "input refused, nothing was ingested or published: " + changed.size() + " drop(s)"
              + " changed since they were ingested:\n  " + String.join("\n  ", changed)
              + "\n  To replace what such a drop contributed with its files as they are now, run"
              + " again with --reingest DROP (repeatable); or restore its files.");
    }
    if (fresh.isEmpty()) {
      Progress.info("no new drop in " + options.inbox());
      return List.of();
    }
    Progress.info("ingesting " + fresh.size() + " new drop(s): "
        + fresh.stream()
            .map(d -> known.containsKey(d.id()) ? d.id() + " (re-ingested)" : d.id())
            .collect(Collectors.joining(", ")));
    spark.sparkContext().setJobDescription("ingest: read and check " + fresh.size() + " drop(s)");
    Warehouse.Staging staged = warehouse.staging(spark, runId);
    DropInspection inspection =
        DropInspection.of(spark, config, storage, fresh, runId, now(), staged);
    try {
      if (!inspection.problems().isEmpty()) {
        throw new InputException(
            "input refused, nothing was ingested or published:\n  "
                + String.join("\n  ", inspection.problems()));
      }
      warehouse.store(staged, inspection.records());
    } finally {
      inspection.release();
    }
    for (DropRecord d : inspection.records()) {
      long read = d.rowsRead();
      long rejected = d.rowsRejected();
      Progress.info(String.format("  %s: %d rows read, %d accepted, %d rejected", d.drop(), read,
          read - rejected, rejected));
    }
    return inspection.records();
  }

  /**
   * Computes the reports from the warehouse, with the changes since the previous published run,
   * checks the staged Parquet footers against the manifest, publishes, and applies retention;
   * returns the run folder.
   */
  public String report(String runId, String command, String startedAt, Set<String> ingestedNow) {
    publisher.recover();
    // Data cached by an earlier run in this session (tests, notebooks) describes the warehouse as it
    // was: a re-ingested drop has the same paths and another content.
    spark.catalog().refreshByPath(options.out() + "/warehouse");
    List<DropRecord> drops = warehouse.drops();
    // Building the tables plans the latest values (see ReportTables.build: cached or not).
    spark.sparkContext().setJobDescription("report: latest values");
    ReportTables tables =
        ReportTables.build(
            spark, config, warehouse.observations(spark), drops, warehouse.rejected(spark));
    tables =
        tables.withTable(
            ChangesReport.NAME,
            ChangesReport.table(
                new ReportLabels(config),
                ChangesReport.previousGaps(spark, storage, publisher.latestDir()),
                tables.parquet().get(ReportTables.GAPS).rows(),
                publisher.latestRunId()));
    String staging = publisher.stagingDir(runId);
    try {
      writeOutputs(runId, command, startedAt, ingestedNow, drops, tables, staging);
    } finally {
      tables.release();
    }
    publisher.publish(runId);
    List<String> expired = publisher.prune(config.settings().runsToKeep(), runId);
    if (!expired.isEmpty()) {
      Progress.info("retention (keep_runs " + config.settings().runsToKeep() + "): deleted "
          + String.join(", ", expired));
    }
    return publisher.runDir(runId);
  }

  private void writeOutputs(
      String runId, String command, String startedAt, Set<String> ingestedNow,
      List<DropRecord> drops, ReportTables tables, String staging) {
    ReportWriter.Written written =
        new ReportWriter(storage, config).csvHeaders(options.csvHeaders()).write(tables, staging);
    List<OutputRecord> outputs = new ArrayList<>(written.outputs());
    outputs.add(SummaryPage.output(config));
    RunManifest manifest = manifest(runId, command, startedAt, drops, ingestedNow, outputs);
    storage.write(
        staging + "/" + SummaryPage.FILE,
        SummaryPage.render(config, manifest, SummaryData.collect(written.tables(), config)));
    storage.write(staging + "/manifest.json", manifest.toJson());
    FooterCheck.verify(storage, staging, outputs);
    if (options.publishJdbc() != null) {
      // Before the files: a failed publication leaves both the tables and latest/ as they were.
      Progress.info("publishing to PostgreSQL " + PostgresPublisher.redact(options.publishJdbc()));
      PostgresPublisher.fromEnvironment(options.publishJdbc())
          .publish(PostgresPublisher.tables(written.tables()), manifest, storage.qualify(publisher.runDir(runId)));
    }
  }

  private RunManifest manifest(
      String runId,
      String command,
      String startedAt,
      List<DropRecord> drops,
      Set<String> ingestedNow,
      List<OutputRecord> outputs) {
    List<RunManifest.DropEntry> entries = new ArrayList<>();
    long read = 0;
    long rejected = 0;
    for (DropRecord d : drops) {
      entries.add(
          new RunManifest.DropEntry(d.drop(), d.source(), d.publicationDate(), d.ingestedAt(),
              d.runId(), ingestedNow.contains(d.drop()), d.files()));
      read += d.rowsRead();
      rejected += d.rowsRejected();
    }
    var plan = config.plan();
    return new RunManifest(
        runId,
        command,
        startedAt,
        now(),
        new RunManifest.PlanInfo(
            plan.id(), plan.nameZh(), plan.baselineYear(), plan.targetYear(), plan.status()),
        config.checksums(),
        storage.qualify(options.inbox()),
        storage.qualify(options.out()),
        entries,
        new RunManifest.Totals(read, read - rejected, rejected),
        outputs,
        new RunManifest.Engine(
            "industry-gaps " + version(),
            spark.version(),
            scala.util.Properties.versionNumberString(),
            System.getProperty("java.version")));
  }

  static String version() {
    String v = Pipeline.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /**
   * Checks conf/ (already loaded) and every drop of the inbox, printing per file the rows read,
   * accepted and rejected by reason. Writes nothing. Returns whether the input would be accepted.
   */
  public boolean validate(PrintStream out) {
    out.println("configuration " + options.conf() + ": ok (" + config.allIndustries().size()
        + " industries, " + config.targets().size() + " targets, " + config.allRegions().size()
        + " regions)");
    List<Drop> drops = Inbox.list(storage, options.inbox());
    DropInspection inspection =
        DropInspection.of(spark, config, storage, drops, "validate", now(), ParsedDrops.cached());
    try {
      int width = inspection.records().stream().flatMap(d -> d.files().stream())
          .mapToInt(f -> f.file().length()).max().orElse(0);
      for (DropRecord d : inspection.records()) {
        out.println("drop " + d.drop());
        for (FileRecord f : d.files()) {
          out.printf("  %-" + width + "s  read %6d  accepted %6d  rejected %6d%n", f.file(),
              f.rowsRead(), f.rowsAccepted(), f.rowsRejected());
          for (Map.Entry<String, Long> r : f.rejectedByReason().entrySet()) {
            out.printf("      %-30s %6d%n", r.getKey(), r.getValue());
          }
        }
      }
      inspection.problems().forEach(p -> out.println("PROBLEM " + p));
      out.println(inspection.problems().isEmpty()
          ? "input ok: " + drops.size() + " drop(s) would be accepted"
          : "input refused: " + inspection.problems().size() + " problem(s); a run would stop"
              + " with exit status 3 and publish nothing");
      return inspection.problems().isEmpty();
    } finally {
      inspection.release();
    }
  }
}
