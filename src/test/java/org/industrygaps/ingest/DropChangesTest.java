package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.industrygaps.warehouse.FileRecord;
import org.junit.jupiter.api.Test;

/** The quick check of a drop against its registry entry, and when it reads a file. */
class DropChangesTest {
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-02-01T00:00:00Z";
  private final List<String> hashed = new ArrayList<>();

  private static FileRecord ingested(String name, long bytes, String sha, String modifiedAt) {
    return new FileRecord("d/" + name, sha, bytes, 10, 10, 0, Map.of(), modifiedAt, List.of(2022));
  }

  private static Drop.DropFile file(String name, long bytes, String modifiedAt) {
    return new Drop.DropFile("d/" + name, "/inbox/d/" + name, bytes, modifiedAt);
  }

  /** The changes of drop d, ingested as {@code ingested}, now holding {@code now}. */
  private List<String> changes(
      List<FileRecord> ingested, List<Drop.DropFile> now, Map<String, String> shaByPath) {
    Function<String, String> hasher = path -> {
      hashed.add(path);
      return shaByPath.get(path);
    };
    return DropChanges.of(ingested, new Drop("d", "/inbox/d", now), hasher);
  }

  @Test
  void anUnchangedDropIsNotReadAtAll() {
    assertThat(changes(
            List.of(ingested("a.csv", 100, "aa", T0), ingested("b.csv", 50, "bb", T0)),
            List.of(file("a.csv", 100, T0), file("b.csv", 50, T0)), Map.of()))
        .isEmpty();
    assertThat(hashed).isEmpty();
  }

  @Test
  void filesAddedRemovedOrResizedAreChangesFoundWithoutReading() {
    assertThat(changes(
            List.of(ingested("a.csv", 100, "aa", T0), ingested("b.csv", 50, "bb", T0)),
            List.of(file("a.csv", 101, T0), file("c.csv", 7, T0)), Map.of()))
        .containsExactly(
            "d/b.csv: removed", "d/a.csv: 100 bytes when ingested, 101 now", "d/c.csv: added");
    assertThat(hashed).isEmpty();
  }

  @Test
  void aTouchedFileOfTheSameSizeIsHashedAndUnchangedWhenTheSha256Agrees() {
    assertThat(changes(List.of(ingested("a.csv", 100, "aa", T0)),
            List.of(file("a.csv", 100, T1)), Map.of("/inbox/d/a.csv", "aa")))
        .isEmpty();
    assertThat(hashed).containsExactly("/inbox/d/a.csv");
  }

  @Test
  void aFileEditedInPlaceToTheSameSizeIsFoundByItsSha256() {
    assertThat(changes(List.of(ingested("a.csv", 100, "aaaaaaaaaaaaaaaa", T0)),
            List.of(file("a.csv", 100, T1)), Map.of("/inbox/d/a.csv", "bbbbbbbbbbbbbbbb")))
        .containsExactly(
            "d/a.csv: content changed (sha256 aaaaaaaaaaaa… when ingested, bbbbbbbbbbbb… now)");
  }

  @Test
  void aRegistryWithoutModificationTimesFallsBackToTheSha256() {
    assertThat(changes(List.of(ingested("a.csv", 100, "aa", null)),
            List.of(file("a.csv", 100, T0)), Map.of("/inbox/d/a.csv", "aa")))
        .isEmpty();
    assertThat(hashed).hasSize(1);
  }
}
