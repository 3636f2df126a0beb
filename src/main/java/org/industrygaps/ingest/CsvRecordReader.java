package org.industrygaps.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Splits RFC 4180 CSV text into records, streaming, with line numbers. A quoted field may span
 * lines; a quote left open for more than {@link #MAX_LINES_PER_RECORD} lines or up to the end of
 * the file makes only its first line a malformed record, and reading resumes on the next line, so
 * one stray quote never swallows the rest of a file. Blank lines are not records.
 */
public final class CsvRecordReader implements Iterator<CsvRecord> {
  static final int MAX_LINES_PER_RECORD = 20;

  private final BufferedReader reader;
  private final char delimiter;
  /** Lines read ahead and given back after a broken quote. */
  private final Deque<Line> pending = new ArrayDeque<>();
  private long linesRead;
  private CsvRecord next;

  private record Line(long number, String text) {}

  public CsvRecordReader(BufferedReader reader, char delimiter) {
    this.reader = reader;
    this.delimiter = delimiter;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readRecord();
    }
    return next != null;
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    CsvRecord r = next;
    next = null;
    return r;
  }

  private Line readLine() {
    if (!pending.isEmpty()) {
      return pending.removeFirst();
    }
    try {
      String text = reader.readLine();
      return text == null ? null : new Line(++linesRead, text);
    } catch (StrictTextReader.DecodingException e) {
      throw new UncheckedIOException(e); // names its own line
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("line " + (linesRead + 1) + ": " + e.getMessage(), e));
    }
  }

  private CsvRecord readRecord() {
    Line first;
    do {
      first = readLine();
      if (first == null) {
        return null;
      }
    } while (first.text().isBlank());

    List<Line> lines = new ArrayList<>(List.of(first));
    while (true) {
      String raw = String.join("\n", lines.stream().map(Line::text).toList());
      Split split = split(raw);
      if (split.fields != null) {
        return new CsvRecord(first.number(), raw, split.fields, null);
      }
      if (split.openQuote && lines.size() < MAX_LINES_PER_RECORD) {
        Line more = readLine();
        if (more != null) {
          lines.add(more);
          continue;
        }
      }
      // Give back every line after the first: only the first is malformed.
      for (int i = lines.size() - 1; i >= 1; i--) {
        pending.addFirst(lines.get(i));
      }
      return new CsvRecord(first.number(), first.text(), List.of(), split.problem);
    }
  }

  private record Split(List<String> fields, boolean openQuote, String problem) {}

  private Split split(String raw) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = raw.length();
    while (true) {
      if (i < n && raw.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            return new Split(null, true, "unterminated quote in field " + (fields.size() + 1));
          }
          char c = raw.charAt(i);
          if (c == '"') {
            if (i + 1 < n && raw.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            field.append(c);
            i++;
          }
        }
        if (i < n && raw.charAt(i) != delimiter) {
          return new Split(
              null, false,
              "unexpected text after the closing quote of field " + (fields.size() + 1));
        }
      } else {
        while (i < n && raw.charAt(i) != delimiter) {
          field.append(raw.charAt(i++));
        }
      }
      fields.add(field.toString());
      field.setLength(0);
      if (i >= n) {
        return new Split(fields, false, null);
      }
      i++; // the delimiter
    }
  }
}
