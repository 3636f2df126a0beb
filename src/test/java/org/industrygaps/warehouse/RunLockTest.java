package org.industrygaps.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.industrygaps.TestSpark;
import org.industrygaps.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock of --out: one holder, refusal or waiting, stale locks taken over. */
class RunLockTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(60);
  private final Storage storage = TestSpark.localStorage();
  private final Clock clock = Clock.systemUTC();
  @TempDir Path out;

  private RunLock acquire(String runId, boolean wait) {
    return RunLock.acquire(
        storage, out.toString(), RunLock.Holder.of(runId, "run", clock), TIMEOUT, wait, clock);
  }

  private void writeLock(RunLock.Holder holder) throws Exception {
    Files.write(out.resolve(RunLock.FILE), RunLock.json(holder));
  }

  @Test
  void theLockHoldsTheRunAndIsRemovedWhenItEnds() throws Exception {
    try (RunLock lock = acquire("r1", false)) {
      String content = Files.readString(out.resolve(RunLock.FILE));
      assertThat(content)
          .contains("\"run_id\" : \"r1\"")
          .contains("\"pid\" : " + ProcessHandle.current().pid())
          .contains("\"host\" : \"" + RunLock.hostName() + "\"")
          .contains("\"started_at\"");
    }
    assertThat(out.resolve(RunLock.FILE)).doesNotExist();
  }

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() {
    try (RunLock first = acquire("r1", false)) {
      assertThatThrownBy(() -> acquire("r2", false))
          .isInstanceOf(RunLock.HeldException.class)
          .hasMessageContaining("another run is using " + out)
          .hasMessageContaining("run r1 (run) started ")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("pass --wait");
      assertThat(out.resolve(RunLock.FILE)).content().contains("\"run_id\" : \"r1\"");
    }
  }

  @Test
  void withWaitTheSecondRunStartsWhenTheFirstEnds() throws Exception {
    RunLock first = acquire("r1", false);
    CompletableFuture<RunLock> second = CompletableFuture.supplyAsync(() -> acquire("r2", true));
    Thread.sleep(500);
    assertThat(second).isNotDone();

    first.close();

    try (RunLock lock = second.get(30, TimeUnit.SECONDS)) {
      assertThat(out.resolve(RunLock.FILE)).content().contains("\"run_id\" : \"r2\"");
    }
  }

  @Test
  void aLockWhoseProcessIsGoneIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeLock(new RunLock.Holder("dead", "run", RunLock.hostName(), gone.pid(), clock.instant().toString()));

    try (RunLock lock = acquire("r2", false)) {
      assertThat(out.resolve(RunLock.FILE)).content().contains("\"run_id\" : \"r2\"");
    }
  }

  @Test
  void aLockOfAnotherHostIsLiveUntilTheTimeout() throws Exception {
    Instant started = clock.instant().minus(Duration.ofMinutes(30));
    RunLock.Holder other = new RunLock.Holder("far", "run", "another-host", 1, started.toString());

    assertThat(RunLock.staleReason(other, null, TIMEOUT, clock)).isNull();
    Clock later = Clock.fixed(started.plus(Duration.ofMinutes(61)), ZoneOffset.UTC);
    assertThat(RunLock.staleReason(other, null, TIMEOUT, later))
        .isEqualTo("it is older than lock_timeout_minutes (60) of settings.yaml");

    writeLock(new RunLock.Holder("far", "run", "another-host", 1, "2020-01-01T00:00:00Z"));
    try (RunLock lock = acquire("r2", false)) {
      assertThat(out.resolve(RunLock.FILE)).content().contains("\"run_id\" : \"r2\"");
    }
  }

  @Test
  void anUnreadableLockIsLiveForAMinuteThenStale() throws Exception {
    Path lock = Files.write(out.resolve(RunLock.FILE), new byte[0]); // died between create and write

    assertThatThrownBy(() -> acquire("r2", false)).isInstanceOf(RunLock.HeldException.class)
        .hasMessageContaining("another run holds the lock");

    Files.setLastModifiedTime(lock, java.nio.file.attribute.FileTime.from(
        clock.instant().minus(Duration.ofMinutes(2))));
    try (RunLock taken = acquire("r2", false)) {
      assertThat(lock).content().contains("\"run_id\" : \"r2\"");
    }
  }

  @Test
  void releasingTwiceOrAfterATakeOverLeavesAnotherRunsLockAlone() throws Exception {
    RunLock lock = acquire("r1", false);
    writeLock(RunLock.Holder.of("r2", "run", clock)); // as if r2 had taken it over
    lock.close();
    lock.close();
    assertThat(out.resolve(RunLock.FILE)).content().contains("\"run_id\" : \"r2\"");
  }
}
