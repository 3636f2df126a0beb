package org.industrygaps.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.industrygaps.report.ColumnDictionary.Column;
import org.industrygaps.report.ColumnDictionary.Output;
import org.industrygaps.report.ColumnDictionary.Type;

/**
 * Writes {@code docs/data-dictionary.md} from {@link ColumnDictionary}:
 * {@code jobs/data-dictionary.sh} (or {@code java -cp target/classes
 * org.industrygaps.report.DataDictionary [FILE]}; without FILE it prints to standard output).
 */
public final class DataDictionary {
  /** Where the generated dictionary lives in the repository. */
  public static final String PATH = "docs/data-dictionary.md";

  private DataDictionary() {}

  public static void main(String[] args) throws IOException {
    String text = markdown();
    if (args.length == 0) {
      System.out.print(text);
    } else {
      Files.writeString(Path.of(args[0]), text, StandardCharsets.UTF_8);
    }
  }

  /** The data dictionary as Markdown. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary\n\n")
        .append("<!-- Generated from src/main/java/org/industrygaps/report/ColumnDictionary.java by")
        .append(" jobs/data-dictionary.sh. Do not edit by hand: a test fails when this file is stale. -->\n\n")
        .append("Every output of a report set (`out/reports/latest/`, `out/reports/runs/<run_id>/`) and of the")
        .append(" PostgreSQL publication (`--publish-jdbc`), with every column: its name (snake_case")
        .append(" English, the same in Parquet, CSV and PostgreSQL), type, unit, Chinese label (the CSV")
        .append(" header with `--csv-headers zh`) and definition. In definitions, d = +1 when higher is")
        .append(" better (`direction` = `increase`) and −1 when lower is better. An empty cell (CSV) or")
        .append(" NULL (Parquet, PostgreSQL) means the value is not defined for the row, never zero.\n\n");

    md.append("## A report folder\n\n")
        .append("| output | format | what |\n|---|---|---|\n");
    for (Output o : ColumnDictionary.outputs()) {
      if (!o.where().startsWith("PostgreSQL")) {
        md.append("| ").append(cell(o.where().replaceAll("; PostgreSQL .*", ""))).append(" | ")
            .append(format(o.where()))
            .append(" | [").append(o.name()).append("](#").append(o.name()).append(") ")
            .append(o.labelZh()).append(" |\n");
      }
    }
    md.append("| `summary.html` | HTML | The report for people (中文 with English subtitles):")
        .append(" the ten industries at a glance, one section per industry with its targets, a chart")
        .append(" of actual values against the required and projected paths, the cities'")
        .append(" contributions and the data coverage, the plan-wide goals and the rejected rows. Self-")
        .append("contained: it loads no script, style sheet, font or image from elsewhere. |\n")
        .append("| `manifest.json` | JSON | The run: `run_id`, `command`, `started_at`, `finished_at`, `plan`")
        .append(" (id, name, baseline and target year, status), `config_checksums` (sha256 of each")
        .append(" conf/ file), `inbox`, `out`, `drops` (each file with sha256, bytes, rows read /")
        .append(" accepted / rejected and rejected by reason), `totals`, `outputs` (each with its row")
        .append(" count), `engine` (versions). |\n\n")
        .append("CSV files are UTF-8 with a byte-order mark (Excel shows Chinese), comma-separated,")
        .append(" RFC 4180 quoting, CRLF line ends, a header row, plain decimals (never 1.0E-5) and")
        .append(" text cells that would start with `=`, `+`, `-`, `@` (or a tab / carriage return)")
        .append(" prefixed with `'` so that a spreadsheet never runs them as formulas.\n\n");

    md.append("## Types\n\n")
        .append("| type | Parquet | PostgreSQL | DuckDB |\n|---|---|---|---|\n");
    for (Type t : Type.values()) {
      md.append("| ").append(t.spark()).append(" | ").append(t.parquet()).append(" | ")
          .append(t.postgres()).append(" | ").append(t.duckdb()).append(" |\n");
    }
    md.append("\nNo report table has a timestamp column (so no INT96); years are `int`.\n\n");

    for (Output o : ColumnDictionary.outputs()) {
      md.append("## ").append(o.name()).append("\n\n")
          .append(o.labelZh()).append(" · ").append(cell(o.where())).append("\n\n")
          .append(o.description()).append("\n\n")
          .append("| column | type | unit | 中文 | definition |\n|---|---|---|---|---|\n");
      for (Column c : o.columns()) {
        md.append("| `").append(c.name()).append("` | ").append(c.type().spark()).append(" | ")
            .append(cell(c.unit())).append(" | ").append(cell(c.labelZh())).append(" | ")
            .append(cell(c.definition())).append(" |\n");
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String format(String where) {
    boolean parquet = where.contains(".parquet");
    boolean csv = where.contains(".csv");
    return parquet && csv ? "Parquet, CSV" : parquet ? "Parquet" : "CSV";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
