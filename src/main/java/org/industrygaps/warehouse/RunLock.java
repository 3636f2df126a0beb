package org.industrygaps.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.hadoop.fs.FileStatus;
import org.industrygaps.cli.Progress;
import org.industrygaps.storage.Storage;

/**
 * The lock {@code <out>/run.lock} that keeps two runs from writing one warehouse and one report
 * folder: created atomically (create-if-absent), holding the run id, command, host, pid and start
 * time, removed when the run ends (also from a JVM shutdown hook). A lock whose process is gone
 * (same host, pid no longer alive) or that is older than {@code lock_timeout_minutes} is stale: it
 * is taken over with a warning. Otherwise the second run refuses, or waits with {@code --wait}.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = "run.lock";
  static final Duration POLL = Duration.ofSeconds(2);
  /** A lock file that cannot be read (its writer died between create and write) is stale after. */
  static final Duration UNREADABLE_GRACE = Duration.ofMinutes(1);

  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  /** Who holds the lock. */
  public record Holder(String runId, String command, String host, long pid, String startedAt) {
    /** This process, running {@code runId}. */
    public static Holder of(String runId, String command, Clock clock) {
      return new Holder(runId, command, hostName(), ProcessHandle.current().pid(),
          clock.instant().toString());
    }

    String describe() {
      return "run " + runId + " (" + command + ") started " + startedAt + " on host " + host
          + ", pid " + pid;
    }
  }

  /** Another live run holds the lock. Exit status 1. */
  public static final class HeldException extends RuntimeException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final Storage storage;
  private final String path;
  private final byte[] content;
  private final Thread hook;
  private boolean released;

  private RunLock(Storage storage, String path, byte[] content) {
    this.storage = storage;
    this.path = path;
    this.content = content;
    this.hook = new Thread(this::release, "industry-gaps-run-lock");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Takes the lock of {@code outDir} for {@code me}: at once, or after waiting for the holder to
   * finish when {@code wait}; throws {@link HeldException} when a live run holds it and not
   * {@code wait}.
   */
  public static RunLock acquire(
      Storage storage, String outDir, Holder me, Duration timeout, boolean wait, Clock clock) {
    String path = outDir + "/" + FILE;
    byte[] content = json(me);
    boolean announced = false;
    while (true) {
      if (storage.createNew(path, content)) {
        return new RunLock(storage, path, content);
      }
      byte[] seen = read(storage, path);
      FileStatus status = storage.status(path);
      if (status == null) {
        continue; // released between our create and our look: try again
      }
      Holder other = seen == null ? null : parse(seen);
      String stale = staleReason(other, status, timeout, clock);
      if (stale != null) {
        Progress.info("WARNING: taking over the stale lock " + path + " of "
            + (other == null ? "an unknown run" : other.describe()) + ": " + stale);
        // Only if it is still the lock we judged stale (another run may have taken it over).
        if (Arrays.equals(seen, read(storage, path))) {
          storage.delete(path);
        }
        continue;
      }
      String holder = other == null ? "another run" : other.describe();
      if (!wait) {
        throw new HeldException(
            "another run is using " + outDir + ": " + holder + " holds the lock " + path
                + "; this run stopped without writing anything. Run again when it has finished,"
                + " or pass --wait to wait for it.");
      }
      if (!announced) {
        Progress.info("waiting for " + holder + " to finish (lock " + path + ")");
        announced = true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new HeldException("interrupted while waiting for the lock " + path);
      }
    }
  }

  /**
   * Why the lock of {@code holder} (file {@code status}) is stale, or null when it is live: its
   * process is gone from this host, it is older than {@code timeout}, or it cannot be read and is
   * older than a minute.
   */
  static String staleReason(Holder holder, FileStatus status, Duration timeout, Clock clock) {
    Instant now = clock.instant();
    if (holder == null) {
      boolean old = status != null
          && Instant.ofEpochMilli(status.getModificationTime()).plus(UNREADABLE_GRACE).isBefore(now);
      return old ? "the lock file cannot be read" : null;
    }
    if (hostName().equals(holder.host())
        && !ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false)) {
      return "its process " + holder.pid() + " is no longer running on this host";
    }
    try {
      if (Instant.parse(holder.startedAt()).plus(timeout).isBefore(now)) {
        return "it is older than lock_timeout_minutes (" + timeout.toMinutes() + ") of settings.yaml";
      }
    } catch (RuntimeException e) {
      return "its start time '" + holder.startedAt() + "' cannot be read";
    }
    return null;
  }

  /** Removes the lock if it is still this run's; called at the end of the run and on shutdown. */
  public synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    try {
      if (Arrays.equals(content, read(storage, path))) {
        storage.delete(path);
      }
    } catch (RuntimeException e) {
      System.err.println("industry-gaps: could not remove the lock " + path + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) release() itself
    }
  }

  private static byte[] read(Storage storage, String path) {
    try {
      return storage.readAll(path);
    } catch (IOException e) {
      return null;
    }
  }

  static Holder parse(byte[] json) {
    try {
      return JSON.readValue(json, Holder.class);
    } catch (IOException e) {
      return null;
    }
  }

  static byte[] json(Holder holder) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(holder);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String host;

  static synchronized String hostName() {
    if (host == null) {
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        String env = System.getenv("HOSTNAME");
        host = env == null ? "unknown-host" : env;
      }
    }
    return host;
  }
}
