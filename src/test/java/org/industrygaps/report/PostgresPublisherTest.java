package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.industrygaps.TestSpark;
import org.industrygaps.cli.Main;
import org.industrygaps.warehouse.Warehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --publish-jdbc} against a real PostgreSQL server ({@code .ci/run} starts one on
 * 127.0.0.1 and exports {@value #URL_ENV}, {@code INDUSTRY_GAPS_JDBC_USER} and {@code
 * INDUSTRY_GAPS_JDBC_PASSWORD}). Each test class run works in a schema of its own, dropped at the
 * end. Skipped only where no server is configured and {@code CI} is not {@code true}.
 */
class PostgresPublisherTest {
  static final String URL_ENV = "INDUSTRY_GAPS_TEST_JDBC_URL";
  private static final List<String> TABLES =
      List.of("rollup", "gaps", "trajectory", "city_contributions", "revisions", "coverage",
          "rejected_rows");

  private static String server;
  private static String schema;
  private static List<PostgresPublisher.Table> sample;
  private static RunManifest sampleManifest;

  @BeforeAll
  static void needsAServer() throws Exception {
    server = System.getenv(URL_ENV);
    assumeTrue(server != null || "true".equals(System.getenv("CI")),
        "no PostgreSQL server configured (" + URL_ENV + "); skipped outside CI");
    assertThat(server).as(URL_ENV + " must be set in CI (.ci/run starts the server)").isNotBlank();
    schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = connect(server); Statement s = c.createStatement()) {
      s.executeUpdate("CREATE SCHEMA " + schema);
    }
    // The sample run's report tables, computed once and kept: each publish streams them again.
    Path out = SampleRun.out();
    Warehouse warehouse = new Warehouse(TestSpark.storage(), out.toString());
    ReportTables tables =
        ReportTables.build(TestSpark.session(), TestSpark.sampleConfig(),
            warehouse.observations(TestSpark.session()),
            warehouse.drops(),
            warehouse.rejected(TestSpark.session()));
    sample = new ArrayList<>();
    for (PostgresPublisher.Table t : PostgresPublisher.tables(tables)) {
      List<Row> rows = new ArrayList<>();
      t.rows().get().forEachRemaining(rows::add);
      sample.add(new PostgresPublisher.Table(t.name(), t.schema(), rows::iterator));
    }
    sampleManifest =
        RunManifest.fromJson(Files.readAllBytes(SampleRun.reports().resolve("manifest.json")));
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection c = connect(server); Statement s = c.createStatement()) {
        s.executeUpdate("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }

  /** The server's URL with this test's schema as the current one. */
  private static String url() {
    return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, System.getenv(PostgresPublisher.USER_ENV),
        System.getenv(PostgresPublisher.PASSWORD_ENV));
  }

  private static PostgresPublisher publisher() {
    return PostgresPublisher.fromEnvironment(url());
  }

  private static Map<String, Long> counts() throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, count(t));
    }
    return counts;
  }

  private static long runs() throws SQLException {
    return count("runs");
  }

  private static long count(String table) throws SQLException {
    try (Connection c = connect(url()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static Map<String, Long> manifestCounts(RunManifest m) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String t : TABLES) {
      counts.put(t, m.outputs().stream().filter(o -> o.name().equals(t)).findFirst()
          .orElseThrow().rows());
    }
    return counts;
  }

  @Test
  void theJobPublishesItsTablesWithTypesAndValues() throws Exception {
    // End to end: a report run with Chinese CSV headers that also publishes to PostgreSQL.
    int status =
        Main.run(List.of("report", "--out", SampleRun.out().toString(), "--csv-headers", "zh",
            "--publish-jdbc", url()));
    assertThat(status).isZero();
    Path latest = SampleRun.out().resolve("reports/latest");
    RunManifest manifest = RunManifest.fromJson(Files.readAllBytes(latest.resolve("manifest.json")));
    assertThat(counts()).isEqualTo(manifestCounts(manifest));
    int targets = TestSpark.sampleConfig().targets().size();
    assertThat(counts().get("gaps")).isEqualTo(targets);
    assertThat(counts().get("rollup")).isEqualTo(TestSpark.sampleConfig().allIndustries().size());
    assertThat(counts().get("rejected_rows")).isEqualTo(10);

    try (Connection c = connect(url()); Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery(
          "SELECT latest_year, latest_value, target_value, target_status, status, status_zh,"
              + " industry_name_zh FROM gaps WHERE industry = 'power_battery'"
              + " AND indicator = 'revenue' AND region = '510000' AND target_year = 2027")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getObject(1)).isEqualTo(2025);
        assertThat(r.getDouble(2)).isEqualTo(3500.0);
        assertThat(r.getDouble(3)).isEqualTo(5000.0);
        assertThat(r.getString(4)).isEqualTo("draft");
        assertThat(r.getString(5)).isEqualTo("acceleration_needed");
        assertThat(r.getString(6)).isEqualTo("需加快");
        assertThat(r.getString(7)).isEqualTo("动力电池");
      }
      try (ResultSet r = s.executeQuery(
          "SELECT count(*) FROM trajectory WHERE industry = 'premium_baijiu' AND year = 2022"
              + " AND actual_value = 3447.2")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(1);
      }
      // Column types are the data dictionary's.
      try (ResultSet r = s.executeQuery(
          "SELECT table_name, column_name, data_type FROM information_schema.columns"
              + " WHERE table_schema = current_schema()")) {
        int columns = 0;
        while (r.next()) {
          columns++;
          ColumnDictionary.Column documented =
              ColumnDictionary.output(r.getString(1)).column(r.getString(2));
          assertThat(r.getString(3)).as(r.getString(1) + "." + r.getString(2))
              .isEqualTo(documented.type().postgres());
        }
        assertThat(columns).isEqualTo(ColumnDictionary.outputs().stream()
            .mapToInt(o -> o.columns().size()).sum());
      }
      try (ResultSet r = s.executeQuery(
          "SELECT run_id, manifest ->> 'run_id', rows_rejected, published_at IS NOT NULL FROM runs"
              + " ORDER BY published_at DESC LIMIT 1")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo(manifest.runId()).isEqualTo(r.getString(2));
        assertThat(r.getLong(3)).isEqualTo(10);
        assertThat(r.getBoolean(4)).isTrue();
      }
    }
    // --csv-headers zh: the same files with the Chinese labels of the data dictionary.
    String csv = Files.readString(latest.resolve("csv/all_industries.csv"), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF产业代码,指标代码,地区代码,产业名称,");
    assertThat(csv.lines().count()).isEqualTo(targets + 1);
    assertThat(Files.readString(latest.resolve("rejected_rows.csv"), StandardCharsets.UTF_8))
        .startsWith("\uFEFF数据批次,文件,行号,拒收原因,说明,原始内容\r\n");
  }

  @Test
  void aSecondPublishReplacesTheTablesAndAddsARun() throws Exception {
    publisher().publish(sample, sampleManifest, "file:/tmp/first");
    Map<String, Long> first = counts();
    long runs = runs();
    publisher().publish(sample, sampleManifest, "file:/tmp/second");
    assertThat(counts()).isEqualTo(first).isEqualTo(manifestCounts(sampleManifest));
    assertThat(runs()).isEqualTo(runs + 1);
  }

  @Test
  void aPublishThatFailsHalfWayLeavesThePreviousTables() throws Exception {
    publisher().publish(sample, sampleManifest, "file:/tmp/good");
    Map<String, Long> before = counts();
    long runs = runs();
    // The new set: gaps shrinks to one row, trajectory goes through, coverage dies after 5 rows.
    List<PostgresPublisher.Table> failing = new ArrayList<>();
    for (PostgresPublisher.Table t : sample) {
      if (t.name().equals("gaps")) {
        failing.add(new PostgresPublisher.Table(t.name(), t.schema(),
            () -> List.of(t.rows().get().next()).iterator()));
      } else if (t.name().equals("coverage")) {
        failing.add(new PostgresPublisher.Table(t.name(), t.schema(), () -> dying(t.rows().get(), 5)));
      } else {
        failing.add(t);
      }
    }
    assertThatThrownBy(() -> publisher().publish(failing, sampleManifest, "file:/tmp/bad"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unchanged");
    assertThat(counts()).isEqualTo(before);
    assertThat(runs()).isEqualTo(runs);
  }

  @Test
  void aTableWhoseColumnsChangedIsCreatedAgain() throws Exception {
    try (Connection c = connect(url()); Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE IF EXISTS revisions");
      s.executeUpdate("CREATE TABLE revisions (industry text, old_column integer)");
      s.executeUpdate("INSERT INTO revisions VALUES ('x', 1), ('y', 2), ('z', 3)");
    }
    publisher().publish(sample, sampleManifest, "file:/tmp/evolved");
    assertThat(counts().get("revisions")).isEqualTo(manifestCounts(sampleManifest).get("revisions"));
    try (Connection c = connect(url()); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT old_drop, new_value FROM revisions WHERE industry = 'clean_energy_equipment'")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("2023-06-30-yearbook-2022");
      assertThat(r.getDouble(2)).isEqualTo(3086.4);
    }
  }

  @Test
  void theUrlIsLoggedWithoutItsQueryAndABadPasswordFailsClearly() {
    assertThat(PostgresPublisher.redact("jdbc:postgresql://h:5432/db?user=u&password=secret"))
        .isEqualTo("jdbc:postgresql://h:5432/db?…")
        .doesNotContain("secret");
    PostgresPublisher wrong = new PostgresPublisher(url(),
        System.getenv(PostgresPublisher.USER_ENV), "not-the-password-" + UUID.randomUUID());
    assertThatThrownBy(() -> wrong.publish(sample, sampleManifest, "file:/tmp/never"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unchanged")
        .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT))
            .doesNotContain("not-the-password"));
  }

  private static Iterator<Row> dying(Iterator<Row> rows, int after) {
    return new Iterator<>() {
      int given;

      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        if (given++ == after) {
          throw new IllegalStateException("simulated failure while reading the coverage");
        }
        return rows.next();
      }
    };
  }
}
