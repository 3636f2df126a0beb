package org.industrygaps.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.report.ColumnDictionary.Type;

/**
 * Publishes the report tables to PostgreSQL for BI tools (Superset, Metabase, Power BI): {@code
 * rollup}, {@code gaps}, {@code trajectory}, {@code city_contributions}, {@code revisions}, {@code coverage},
 * {@code rejected_rows}, replaced in ONE transaction, and a row in {@code runs}. A dashboard
 * therefore sees the previous report set or the new one, never a mix: the old rows are deleted
 * and the new ones inserted in that transaction (readers keep the old rows until it commits,
 * without waiting, and views on the tables keep working). A table whose columns changed is
 * dropped and created again, in the same transaction.
 *
 * <p>Tables go into the connection's current schema ({@code ?currentSchema=...} in the URL).
 * User and password come from {@value #USER_ENV} and {@value #PASSWORD_ENV}, never from the
 * command line, and are never logged; the URL is logged without its query string.
 */
public final class PostgresPublisher {
  public static final String USER_ENV = "INDUSTRY_GAPS_JDBC_USER";
  public static final String PASSWORD_ENV = "INDUSTRY_GAPS_JDBC_PASSWORD";
  /** The history of publications (appended, never replaced). */
  public static final String RUNS = "runs";

  private static final int BATCH = 500;

  /** One table to publish: its name, columns and rows (streamed once). */
  public record Table(String name, StructType schema, Supplier<Iterator<Row>> rows) {}

  private final String url;
  private final Properties properties = new Properties();

  public PostgresPublisher(String url, String user, String password) {
    this.url = url;
    if (user != null && !user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", "industry-gaps");
    properties.setProperty("reWriteBatchedInserts", "true");
  }

  /** A publisher to {@code url} with the user and password of the environment. */
  public static PostgresPublisher fromEnvironment(String url) {
    return new PostgresPublisher(url, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV));
  }

  /** {@code url} without its query string (which may hold a password): safe to log. */
  public static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q) + "?…";
  }

  /**
   * The report tables of {@code tables} as they are written to files (a database table has no row
   * order, so the rows are not sorted).
   */
  public static List<Table> tables(ReportTables tables) {
    List<Table> out = new ArrayList<>();
    for (Map.Entry<String, ReportTables.Table> e : tables.parquet().entrySet()) {
      out.add(table(e.getKey(), e.getValue()));
    }
    out.add(table("rejected_rows", tables.rejected()));
    return out;
  }

  private static Table table(String name, ReportTables.Table t) {
    return new Table(name, t.rows().schema(), () -> t.rows().toLocalIterator());
  }

  /**
   * Replaces {@code tables} and adds the run of {@code manifest} to {@value #RUNS}, in one
   * transaction. On any failure it rolls back (the previous tables stay as they were) and throws.
   */
  public void publish(List<Table> tables, RunManifest manifest, String reportDir) {
    try (Connection c = DriverManager.getConnection(url, properties)) {
      c.setAutoCommit(false);
      try {
        for (Table t : tables) {
          replace(c, t);
        }
        addRun(c, manifest, reportDir);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r); // the server rolls back what it never saw committed anyway
        }
        throw e;
      }
    } catch (SQLException | RuntimeException e) {
      throw new IllegalStateException(
          "publishing to PostgreSQL " + redact(url) + " failed, its tables are unchanged: "
              + e.getMessage(),
          e);
    }
  }

  private static void replace(Connection c, Table t) throws SQLException {
    List<StructField> fields = List.of(t.schema().fields());
    List<String> wanted =
        fields.stream().map(f -> f.name() + " " + postgresType(f)).toList();
    List<String> existing = columns(c, t.name());
    try (Statement s = c.createStatement()) {
      if (existing.equals(wanted)) {
        s.executeUpdate("DELETE FROM " + quote(t.name()));
      } else {
        if (!existing.isEmpty()) {
          s.executeUpdate("DROP TABLE " + quote(t.name()));
        }
        s.executeUpdate(createTable(t.name(), fields));
        comment(s, t.name(), fields.stream().map(StructField::name).toList());
      }
    }
    String insert =
        "INSERT INTO " + quote(t.name()) + " ("
            + fields.stream().map(f -> quote(f.name())).collect(Collectors.joining(", "))
            + ") VALUES (" + fields.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
    Type[] types = fields.stream().map(f -> type(f)).toArray(Type[]::new);
    try (PreparedStatement p = c.prepareStatement(insert)) {
      int pending = 0;
      Iterator<Row> rows = t.rows().get();
      while (rows.hasNext()) {
        Row row = rows.next();
        for (int i = 0; i < types.length; i++) {
          bind(p, i + 1, types[i], row.isNullAt(i) ? null : row.get(i));
        }
        p.addBatch();
        if (++pending == BATCH) {
          p.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        p.executeBatch();
      }
    }
  }

  private static void bind(PreparedStatement p, int index, Type type, Object value)
      throws SQLException {
    if (value == null) {
      p.setNull(index, switch (type) {
        case INT -> Types.INTEGER;
        case BIGINT -> Types.BIGINT;
        case DOUBLE -> Types.DOUBLE;
        case BOOLEAN -> Types.BOOLEAN;
        default -> Types.VARCHAR;
      });
      return;
    }
    switch (type) {
      case STRING -> p.setString(index, value.toString());
      case INT -> p.setInt(index, ((Number) value).intValue());
      case BIGINT -> p.setLong(index, ((Number) value).longValue());
      case DOUBLE -> p.setDouble(index, ((Number) value).doubleValue());
      case BOOLEAN -> p.setBoolean(index, (Boolean) value);
      default -> throw new IllegalArgumentException("no report column of type " + type);
    }
  }

  private static void addRun(Connection c, RunManifest m, String reportDir) throws SQLException {
    ColumnDictionary.Output runs = ColumnDictionary.output(RUNS);
    try (Statement s = c.createStatement()) {
      if (columns(c, RUNS).isEmpty()) {
        StringBuilder sql = new StringBuilder("CREATE TABLE " + quote(RUNS) + " (");
        for (ColumnDictionary.Column col : runs.columns()) {
          sql.append(quote(col.name())).append(' ').append(col.type().postgres()).append(", ");
        }
        sql.setLength(sql.length() - 2);
        s.executeUpdate(sql.append(')').toString());
        comment(s, RUNS, runs.names());
      }
    }
    String sql =
        "INSERT INTO " + quote(RUNS) + " ("
            + runs.names().stream().map(PostgresPublisher::quote).collect(Collectors.joining(", "))
            + ") VALUES (?, ?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, m.runId());
      p.setString(2, m.command());
      p.setObject(3, OffsetDateTime.parse(m.startedAt()));
      p.setObject(4, OffsetDateTime.parse(m.finishedAt()));
      p.setString(5, m.plan().id());
      p.setString(6, m.plan().status());
      p.setInt(7, m.plan().baselineYear());
      p.setInt(8, m.plan().targetYear());
      p.setLong(9, m.totals().rowsRead());
      p.setLong(10, m.totals().rowsAccepted());
      p.setLong(11, m.totals().rowsRejected());
      p.setString(12, reportDir);
      p.setString(13, new String(m.toJson(), java.nio.charset.StandardCharsets.UTF_8));
      p.executeUpdate();
    }
  }

  /** The columns of {@code table} in the current schema as "name type", empty when absent. */
  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      p.setString(1, table);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          columns.add(r.getString(1) + " " + r.getString(2));
        }
      }
    }
    return columns;
  }

  private static String createTable(String name, List<StructField> fields) {
    return "CREATE TABLE " + quote(name) + " ("
        + fields.stream()
            .map(f -> quote(f.name()) + " " + postgresType(f))
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** The data dictionary's label and definition as comments, which BI tools show. */
  private static void comment(Statement s, String table, List<String> names) throws SQLException {
    ColumnDictionary.Output o = ColumnDictionary.output(table);
    s.executeUpdate("COMMENT ON TABLE " + quote(table) + " IS "
        + literal(o.labelZh() + " · " + o.description()));
    for (String name : names) {
      ColumnDictionary.Column col = o.column(name);
      s.executeUpdate("COMMENT ON COLUMN " + quote(table) + "." + quote(name) + " IS "
          + literal(col.labelZh() + " · " + col.definition()));
    }
  }

  private static Type type(StructField f) {
    return Type.ofSpark(f.dataType().simpleString());
  }

  private static String postgresType(StructField f) {
    return type(f).postgres();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
