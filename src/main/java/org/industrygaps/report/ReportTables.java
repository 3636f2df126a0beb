package org.industrygaps.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Settings;
import org.industrygaps.metrics.CityContributions;
import org.industrygaps.metrics.DropYears;
import org.industrygaps.metrics.GapReport;
import org.industrygaps.metrics.IndustryRollup;
import org.industrygaps.metrics.LatestObservations;
import org.industrygaps.metrics.PaceThresholds;
import org.industrygaps.metrics.ProvinceSeries;
import org.industrygaps.metrics.Revisions;
import org.industrygaps.metrics.StatusThresholds;
import org.industrygaps.warehouse.DropRecord;

/**
 * The tables of one report set, computed from the curated observations: the pipeline's transforms
 * wired together, nothing written yet. Each table has the key its rows are sorted by.
 */
public record ReportTables(Map<String, Table> parquet, Table rejected, List<Dataset<Row>> cached) {

  /**
   * A report table and the columns that order its rows. {@code inWriteOrder}: the rows are already
   * laid out as the writer lays them out (each industry in one partition, sorted by the key), so it
   * writes them as they come instead of shuffling and sorting them again.
   */
  public record Table(Dataset<Row> rows, List<String> key, boolean inWriteOrder) {
    public Table(Dataset<Row> rows, List<String> key) {
      this(rows, key, false);
    }
  }

  public static final String GAPS = "gaps";
  /** The share of aggregated observations above which the latest values are cached. */
  static final double CACHE_LATEST_ABOVE_SHARE = 0.1;
  /** The roll-up per industry and plan-wide: the first table a reader sees. */
  public static final String ROLLUP = "rollup";

  /** These tables and {@code table} written as Parquet under {@code name}, after the others. */
  public ReportTables withTable(String name, Table table) {
    Map<String, Table> more = new LinkedHashMap<>(parquet);
    more.put(name, table);
    return new ReportTables(more, rejected, cached);
  }

  /**
   * Builds the tables from the warehouse's observations (with {@code drop}, one of {@code drops},
   * the registered drops) and rejected rows.
   */
  public static ReportTables build(
      SparkSession spark, PlanConfig config, Dataset<Row> observations, List<DropRecord> drops,
      Dataset<Row> rejected) {
    Settings.Thresholds t = config.settings().statusThresholds();
    StatusThresholds thresholds = new StatusThresholds(t.onTrack(), t.accelerationNeeded());
    Settings.PaceThresholds p = config.settings().paceThresholds();
    PaceThresholds pace = new PaceThresholds(p.ahead(), p.onPace());
    ReportLabels labels = new ReportLabels(config);

    List<DropYears> years =
        drops.stream().map(d -> new DropYears(d.drop(), d.acceptedByYear())).toList();
    Dataset<Row> latest = LatestObservations.of(observations, years);
    // Read by the province sums, the series and the revisions. Mostly
    // passed as they are from the warehouse's files, the latest values cost less to read again
    // than to cache (a columnar cache of every observation); cached when a large share of them is
    // aggregated, which would otherwise run once per reader.
    if (LatestObservations.aggregatedShare(years) > CACHE_LATEST_ABOVE_SHARE) {
      latest = latest.persist(StorageLevel.MEMORY_AND_DISK());
    }
    Dataset<Row> coverage =
        ProvinceSeries.coverage(spark, config, latest).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> series = ProvinceSeries.series(config, latest, coverage);
    // Read by the gap report, the roll-up, the changes, the trajectory and the city
    // contributions: assessed once.
    Dataset<Row> assessed =
        GapReport.assess(
                GapReport.targets(spark, config), series, thresholds, pace,
                CityContributions.Scope.of(config))
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> gaps = GapReport.gaps(assessed);

    Map<String, Table> parquet = new LinkedHashMap<>();
    parquet.put(
        ROLLUP,
        new Table(
            labels.apply(IndustryRollup.of(spark, config, gaps)), List.of("industry")));
    parquet.put(
        GAPS,
        new Table(
            labels.apply(gaps),
            List.of("industry", "indicator", "region", "target_year")));
    parquet.put(
        "trajectory",
        new Table(
            GapReport.years(labels.apply(GapReport.trajectoryPoints(assessed, thresholds))),
            List.of("industry", "indicator", "region", "target_year", "year"),
            true));
    parquet.put(
        "city_contributions",
        new Table(
            CityContributions.years(labels.apply(CityContributions.series(assessed)), coverage),
            List.of("industry", "indicator", "region", "year"),
            true));
    parquet.put(
        "revisions",
        new Table(
            labels.apply(Revisions.of(observations, latest)),
            List.of("industry", "indicator", "region", "year", "new_drop")));
    parquet.put(
        "coverage",
        new Table(labels.apply(coverage), List.of("industry", "indicator", "region", "year")));
    return new ReportTables(
        parquet,
        new Table(
            rejected.select("drop", "file", "line", "reason", "detail", "raw"),
            List.of("drop", "file", "line")),
        List.of(latest, coverage, assessed));
  }

  /**
   * Frees what {@link #build} cached: once every Parquet table has been written (what comes
   * after reads the files), or when a run fails.
   */
  public void release() {
    cached.forEach(Dataset::unpersist);
  }
}
