package org.industrygaps.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.hadoop.conf.Configuration;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.industrygaps.config.Indicator;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.config.Region;
import org.industrygaps.config.Target;
import org.industrygaps.config.Unit;
import org.industrygaps.storage.Storage;

/**
 * The benchmark's reference: the same job written as DuckDB SQL. It parses the CSV drops, resolves
 * codes and units through the same conf/, keeps the later drop's value, adds up cities where the
 * province reports nothing, computes the gap metrics of every target, and writes the gap report as
 * Parquet (partitioned by industry) and CSV. Benchmark-only: test scope, never in the application.
 *
 * <p>{@code DuckDbGapJob CONF INBOX OUT}
 */
public final class DuckDbGapJob {
  private DuckDbGapJob() {}

  public static void main(String[] args) throws Exception {
    PlanConfig config = PlanConfigLoader.load(new Storage(new Configuration()), args[0]);
    Path inbox = Path.of(args[1]).toAbsolutePath();
    Path out = Path.of(args[2]).toAbsolutePath();
    Files.createDirectories(out);
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = 2");
      s.execute("SET preserve_insertion_order = false");
      referenceTables((DuckDBConnection) c, s, config);
      run(s, inbox, out, config);
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM gaps")) {
        r.next();
        System.out.printf("duckdb: %d gap rows in %.1f s%n", r.getLong(1), (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static String norm(String s) {
    return s.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }

  private static void referenceTables(DuckDBConnection c, Statement s, PlanConfig config)
      throws SQLException {
    s.execute("CREATE TABLE names (kind VARCHAR, name VARCHAR, code VARCHAR)");
    s.execute("CREATE TABLE units (name VARCHAR, unit VARCHAR, dimension VARCHAR, factor DOUBLE)");
    s.execute("CREATE TABLE series_def (industry VARCHAR, indicator VARCHAR, unit VARCHAR,"
        + " dimension VARCHAR, factor DOUBLE, additive BOOLEAN, d INTEGER, non_negative BOOLEAN)");
    s.execute("CREATE TABLE targets (industry VARCHAR, indicator VARCHAR, region VARCHAR,"
        + " target_year INTEGER, baseline_plan_year INTEGER, target_value DOUBLE)");
    try (DuckDBAppender names = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "names");
        DuckDBAppender units = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "units");
        DuckDBAppender defs = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "series_def");
        DuckDBAppender targets = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "targets")) {
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (Region r : config.allRegions()) {
        for (String n : PlanConfig.regionNames(r)) {
          if (seen.add("region|" + norm(n))) {
            names.beginRow().append("region").append(norm(n)).append(r.code()).endRow();
          }
        }
      }
      for (Industry i : config.allIndustries()) {
        for (String n : PlanConfig.industryNames(i)) {
          if (seen.add("industry|" + norm(n))) {
            names.beginRow().append("industry").append(norm(n)).append(i.code()).endRow();
          }
        }
        for (Indicator ind : config.indicators()) {
          var unit = config.canonicalUnit(i.code(), ind.code());
          if (unit.isPresent()) {
            defs.beginRow().append(i.code()).append(ind.code()).append(unit.get().unit())
                .append(unit.get().dimension()).append(unit.get().factor())
                .append(ind.additive()).append(ind.direction().equals("increase") ? 1 : -1)
                .append(!Boolean.FALSE.equals(ind.nonNegative())).endRow();
          }
        }
      }
      for (Indicator ind : config.indicators()) {
        for (String n : PlanConfig.indicatorNames(ind)) {
          if (seen.add("indicator|" + norm(n))) {
            names.beginRow().append("indicator").append(norm(n)).append(ind.code()).endRow();
          }
        }
      }
      java.util.Set<String> unitNames = new java.util.HashSet<>();
      for (Unit unit : config.units()) {
        for (String u : PlanConfig.unitNames(unit)) {
          if (unitNames.add(norm(u))) {
            units.beginRow().append(norm(u)).append(unit.unit()).append(unit.dimension())
                .append(unit.factor()).endRow();
          }
        }
      }
      for (Target t : config.targets()) {
        targets.beginRow().append(t.industry()).append(t.indicator()).append(t.region())
            .append(t.year()).append(t.baselineYear()).append(t.value()).endRow();
      }
    }
  }

  private static void run(Statement s, Path inbox, Path out, PlanConfig config) throws SQLException {
    var settings = config.settings();
    String province = config.province().code();
    s.execute("CREATE TABLE raw AS SELECT regexp_extract(filename, '([^/]+)/[^/]+$', 1) AS drop_id,"
        + " * FROM read_csv('" + inbox + "/*/*.csv', header = true, all_varchar = true,"
        + " filename = true, union_by_name = true)");
    // Resolve, parse, convert; what fails any check is a rejected row.
    s.execute("CREATE TABLE parsed AS SELECT r.drop_id, try_cast(r.year AS INTEGER) AS year,"
        + " rg.code AS region, ind.code AS industry, ic.code AS indicator,"
        + " try_cast(replace(r.value, ',', '') AS DOUBLE) AS reported, u.factor AS ufactor,"
        + " u.dimension AS udim, d.factor AS cfactor, d.dimension AS cdim, d.non_negative"
        + " FROM raw r"
        + " LEFT JOIN names rg ON rg.kind = 'region' AND rg.name = lower(replace(trim(r.region), ' ', ''))"
        + " LEFT JOIN names ind ON ind.kind = 'industry' AND ind.name = lower(replace(trim(r.industry), ' ', ''))"
        + " LEFT JOIN names ic ON ic.kind = 'indicator' AND ic.name = lower(replace(trim(r.indicator), ' ', ''))"
        + " LEFT JOIN units u ON u.name = lower(replace(trim(r.unit), ' ', ''))"
        + " LEFT JOIN series_def d ON d.industry = ind.code AND d.indicator = ic.code");
    s.execute("CREATE TABLE accepted AS SELECT drop_id, year, region, industry, indicator,"
        + " reported * ufactor / cfactor AS value FROM parsed WHERE year BETWEEN "
        + settings.years().min() + " AND " + settings.years().max()
        + " AND region IS NOT NULL AND industry IS NOT NULL AND indicator IS NOT NULL"
        + " AND reported IS NOT NULL AND udim = cdim AND (reported >= 0 OR NOT non_negative)");
    // One value per key and drop (conflicting duplicates out), then the later drop wins.
    s.execute("CREATE TABLE latest AS SELECT industry, indicator, region, year,"
        + " arg_max(value, drop_id) AS value FROM (SELECT drop_id, industry, indicator, region,"
        + " year, min(value) AS value FROM accepted GROUP BY ALL HAVING min(value) = max(value))"
        + " GROUP BY ALL");
    s.execute("CREATE TABLE series AS"
        + " SELECT industry, indicator, region, year, value FROM latest WHERE region <> '" + province + "'"
        + " UNION ALL SELECT coalesce(p.industry, c.industry), coalesce(p.indicator, c.indicator), '"
        + province + "', coalesce(p.year, c.year), coalesce(p.value, c.value)"
        + " FROM (SELECT * FROM latest WHERE region = '" + province + "') p FULL OUTER JOIN"
        + " (SELECT l.industry, l.indicator, l.year, sum(l.value) AS value FROM latest l"
        + " JOIN series_def d USING (industry, indicator) WHERE d.additive AND l.region <> '"
        + province + "' GROUP BY ALL) c USING (industry, indicator, year)");
    double onTrack = settings.statusThresholds().onTrack();
    double accel = settings.statusThresholds().accelerationNeeded();
    s.execute("CREATE TABLE ends AS SELECT t.*, d.d, count(s.year) AS observations,"
        + " min(s.year) AS baseline_year, arg_min(s.value, s.year) AS baseline_value,"
        + " max(s.year) AS latest_year, arg_max(s.value, s.year) AS latest_value"
        + " FROM targets t JOIN series_def d USING (industry, indicator)"
        + " LEFT JOIN series s ON s.industry = t.industry AND s.indicator = t.indicator"
        + " AND s.region = t.region AND s.year BETWEEN t.baseline_plan_year AND t.target_year"
        + " GROUP BY ALL");
    s.execute("CREATE TABLE gaps AS SELECT *,"
        + " CASE WHEN gap_to_target <= 0 THEN 'target_achieved'"
        + " WHEN observations = 1 THEN 'not_assessable'"
        + " WHEN cagr_required = 0 THEN 'deterioration'"
        + " WHEN growth_ratio IS NULL THEN 'not_assessable'"
        + " WHEN growth_ratio >= " + onTrack + " THEN 'on_track'"
        + " WHEN growth_ratio >= " + accel + " THEN 'acceleration_needed'"
        + " WHEN growth_ratio >= 0 THEN 'limited_progress' ELSE 'deterioration' END AS status"
        + " FROM (SELECT *, d * cagr_actual / abs(nullif(cagr_required, 0)) AS growth_ratio,"
        + " CASE WHEN latest_year = target_year THEN latest_value"
        + "  ELSE latest_value * pow(1 + cagr_actual, target_year - latest_year) END AS projected_value"
        + " FROM (SELECT *, d * (target_value - latest_value) AS gap_to_target,"
        + " (latest_value - baseline_value) / nullif(target_value - baseline_value, 0) AS progress_share,"
        + " (latest_year - baseline_year) / (target_year - baseline_year) AS time_share,"
        + " CASE WHEN latest_year > baseline_year AND baseline_value > 0 AND latest_value > 0"
        + "  THEN pow(latest_value / baseline_value, 1.0 / (latest_year - baseline_year)) - 1 END AS cagr_actual,"
        + " CASE WHEN baseline_value > 0 AND target_value > 0"
        + "  THEN pow(target_value / baseline_value, 1.0 / (target_year - baseline_year)) - 1 END AS cagr_required,"
        + " CASE WHEN target_year > latest_year AND latest_value > 0 AND target_value > 0"
        + "  THEN pow(target_value / latest_value, 1.0 / (target_year - latest_year)) - 1 END AS cagr_needed_from_latest"
        + " FROM ends))");
    s.execute("COPY gaps TO '" + out.resolve("gaps") + "' (FORMAT PARQUET, PARTITION_BY (industry), OVERWRITE_OR_IGNORE)");
    s.execute("COPY gaps TO '" + out.resolve("all_industries.csv") + "' (HEADER)");
  }
}
