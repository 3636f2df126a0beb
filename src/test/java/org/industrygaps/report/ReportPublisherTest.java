package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.industrygaps.TestSpark;
import org.industrygaps.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing, repairing an interrupted swap, and retention, on plain folders (no Spark). */
class ReportPublisherTest {
  @TempDir Path out;
  private final Storage storage = TestSpark.localStorage();

  private ReportPublisher publisher() {
    return new ReportPublisher(storage, out.toString());
  }

  /** Stages a report set of run {@code id} and publishes it. */
  private void publish(String id) throws IOException {
    Path staged = Files.createDirectories(out.resolve("reports/_staging/" + id));
    Files.writeString(staged.resolve("manifest.json"), "{\"run_id\" : \"" + id + "\"}");
    publisher().publish(id);
  }

  private List<String> runs() throws IOException {
    try (Stream<Path> s = Files.list(out.resolve("reports/runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static String id(int n) {
    return String.format("20260101T0000%02d.000Z", n);
  }

  @Test
  void aSwapInterruptedBetweenItsTwoRenamesIsRepairedByTheNextRun() throws IOException {
    publish(id(1));
    // The state a kill between the two renames of publish() leaves: latest/ moved aside.
    Files.move(out.resolve("reports/latest"), out.resolve("reports/_previous_latest"));
    Files.createDirectories(out.resolve("reports/_staging/latest-" + id(2)));

    publisher().recover();

    assertThat(publisher().latestRunId()).isEqualTo(id(1));
    assertThat(out.resolve("reports/_previous_latest")).doesNotExist();
    assertThat(out.resolve("reports/_staging")).doesNotExist();
  }

  @Test
  void retentionKeepsTheNewestRunsAndNeverTheOneLatestCameFrom() throws IOException {
    for (int i = 1; i <= 5; i++) {
      publish(id(i));
    }
    Files.createDirectories(out.resolve("reports/runs/my-notes")); // not a run: never touched

    assertThat(publisher().prune(3, id(5))).containsExactly(id(1), id(2));
    assertThat(runs()).containsExactly(id(3), id(4), id(5), "my-notes");

    // latest/ copied from an older run (e.g. a later run died after its run folder was in place)
    storage.write(out.resolve("reports/latest/manifest.json").toString(),
        ("{\"run_id\" : \"" + id(3) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(publisher().prune(1, id(5))).containsExactly(id(4));
    assertThat(runs()).containsExactly(id(3), id(5), "my-notes");
    assertThat(out.resolve("reports/_staging")).doesNotExist();
  }

  @Test
  void latestRunIdIsNullBeforeTheFirstPublish() {
    assertThat(publisher().latestRunId()).isNull();
    assertThat(publisher().prune(1, id(1))).isEmpty();
  }
}
