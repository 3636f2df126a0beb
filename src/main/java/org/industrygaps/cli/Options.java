package org.industrygaps.cli;

import java.util.List;
import java.util.Locale;
import org.industrygaps.report.ColumnDictionary;

/**
 * The command line: {@code [COMMAND] [--conf DIR] [--inbox DIR] [--out DIR] [--csv-headers en|zh]
 * [--publish-jdbc URL] [--reingest DROP]... [--wait]}. {@code publishJdbc} is null when the reports
 * go to files only.
 */
public record Options(
    Command command,
    String conf,
    String inbox,
    String out,
    ColumnDictionary.Headers csvHeaders,
    String publishJdbc,
    List<String> reingest,
    boolean waitForLock) {

  /** The options of a run that publishes to files only, with English CSV headers. */
  public Options(Command command, String conf, String inbox, String out) {
    this(command, conf, inbox, out, ColumnDictionary.Headers.EN, null, List.of(), false);
  }

  /** What the job does. */
  public enum Command {
    /** Ingest new drops, then publish the reports. */
    RUN,
    /** Ingest new drops into the warehouse only. */
    INGEST,
    /** Publish the reports from the warehouse only. */
    REPORT,
    /** Check conf/ and the drops in the inbox, write nothing. */
    VALIDATE;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String USAGE =
      String.join(
          "\n",
          "usage: industry-gaps [COMMAND] [--conf DIR] [--inbox DIR] [--out DIR]"
              + " [--reingest DROP]... [--wait]",
          "",
          "COMMAND   run (default: ingest new drops, then report) | ingest | report | validate",
          "          | generate --out DIR [--observations N] [--years N] [--files N] [--seed N]"
              + " (synthetic plan and drops)",
          "--conf DIR    configuration (default conf/); spark-files: for the files shipped with"
              + " spark-submit --files",
          "--inbox DIR   the drops (default data-sample/drops)",
          "--out DIR     state and reports (default out/): DIR/warehouse/ and DIR/reports/",
          "--csv-headers en|zh   CSV header row: column names (default) or Chinese labels",
          "--publish-jdbc URL    also publish the report tables to PostgreSQL, replacing the previous",
          "              ones in one transaction (user and password from INDUSTRY_GAPS_JDBC_USER and",
          "              INDUSTRY_GAPS_JDBC_PASSWORD)",
          "--reingest DROP   replace an ingested drop whose files changed (repeatable)",
          "--wait        wait for a run that holds the lock of --out instead of refusing",
          "",
          "exit status   0 success | 2 bad usage or configuration |"
              + " 3 input rejected beyond the configured limit | 1 other failure"
              + " (also: another run holds the lock of --out)");

  /** Parses {@code args}; {@code --help} gives null. */
  public static Options parse(List<String> args) {
    Command command = Command.RUN;
    String conf = "conf";
    String inbox = "data-sample/drops";
    String out = "out";
    ColumnDictionary.Headers csvHeaders = ColumnDictionary.Headers.EN;
    String publishJdbc = null;
    boolean commandSeen = false;
    List<String> reingest = new java.util.ArrayList<>();
    boolean waitForLock = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--conf" -> conf = value(args, ++i, arg);
        case "--inbox" -> inbox = value(args, ++i, arg);
        case "--out" -> out = value(args, ++i, arg);
        case "--csv-headers" -> {
          String code = value(args, ++i, arg);
          csvHeaders = ColumnDictionary.Headers.parse(code);
          if (csvHeaders == null) {
            throw new UsageException("--csv-headers is en or zh, not " + code);
          }
        }
        case "--publish-jdbc" -> {
          publishJdbc = value(args, ++i, arg);
          if (!publishJdbc.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--publish-jdbc needs a jdbc:postgresql: URL");
          }
        }
        case "--reingest" -> reingest.add(strip(value(args, ++i, arg)));
        case "--wait" -> waitForLock = true;
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          if (commandSeen) {
            throw new UsageException("one command only, got " + command.code() + " and " + arg);
          }
          command = command(arg);
          commandSeen = true;
        }
      }
    }
    return new Options(
        command, strip(conf), strip(inbox), strip(out), csvHeaders, publishJdbc,
        List.copyOf(reingest), waitForLock);
  }

  private static Command command(String arg) {
    for (Command c : Command.values()) {
      if (c.code().equals(arg)) {
        return c;
      }
    }
    throw new UsageException("unknown command " + arg + " (run, ingest, report or validate)");
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).isBlank()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  private static String strip(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
