package org.industrygaps.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** The rows of a file, made a record at a time (a record of a wide table makes several rows). */
abstract class RowBuffer implements Iterator<IngestRow> {
  private final Deque<IngestRow> pending = new ArrayDeque<>();
  private boolean done;

  /** Adds the rows of the next record to {@code rows}; false when the file is done. */
  protected abstract boolean fill(Deque<IngestRow> rows);

  @Override
  public final boolean hasNext() {
    while (pending.isEmpty() && !done) {
      done = !fill(pending);
    }
    return !pending.isEmpty();
  }

  @Override
  public final IngestRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.removeFirst();
  }
}
