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
    return new FileRecord("d/" + name, sha, bytes, 10, 10, 0, Map.of(), modifiedAt);
  }

  private static Drop drop(Drop.DropFile... files) {
    return new Drop("d", "/inbox/d", List.of(files));
  }

  private static Drop.DropFile file(String name, long bytes, String modifiedAt) {
    return new Drop.DropFile("d/" + name, "/inbox/d/" + name, bytes, modifiedAt);
  }

  private Function<String, String> hasher(Map<String, String> shaByPath) {
    return path -> {
      hashed.add(path);
      return shaByPath.get(path);
    };
  }

  @Test
  void anUnchangedDropIsNotReadAtAll() {
    List<String> changes =
        DropChanges.of(
            List.of(ingested("a.csv", 100, "aa", T0), ingested("b.csv", 50, "bb", T0)),
            drop(file("a.csv", 100, T0), file("b.csv", 50, T0)),
            hasher(Map.of()));

    assertThat(changes).isEmpty();
    assertThat(hashed).isEmpty();
  }

  @Test
  void filesAddedRemovedOrResizedAreChangesFoundWithoutReading() {
    List<String> changes =
        DropChanges.of(
            List.of(ingested("a.csv", 100, "aa", T0), ingested("b.csv", 50, "bb", T0)),
            drop(file("a.csv", 101, T0), file("c.csv", 7, T0)),
            hasher(Map.of()));

    assertThat(changes)
        .containsExactly(
            "d/b.csv: removed", "d/a.csv: 100 bytes when ingested, 101 now", "d/c.csv: added");
    assertThat(hashed).isEmpty();
  }

  @Test
  void aTouchedFileOfTheSameSizeIsHashedAndUnchangedWhenTheSha256Agrees() {
    List<String> changes =
        DropChanges.of(
            List.of(ingested("a.csv", 100, "aa", T0)),
            drop(file("a.csv", 100, T1)),
            hasher(Map.of("/inbox/d/a.csv", "aa")));

    assertThat(changes).isEmpty();
    assertThat(hashed).containsExactly("/inbox/d/a.csv");
  }

  @Test
  void aFileEditedInPlaceToTheSameSizeIsFoundByItsSha256() {
    List<String> changes =
        DropChanges.of(
            List.of(ingested("a.csv", 100, "aaaaaaaaaaaaaaaa", T0)),
            drop(file("a.csv", 100, T1)),
            hasher(Map.of("/inbox/d/a.csv", "bbbbbbbbbbbbbbbb")));

    assertThat(changes)
        .containsExactly(
            "d/a.csv: content changed (sha256 aaaaaaaaaaaa… when ingested, bbbbbbbbbbbb… now)");
  }

  @Test
  void aRegistryWithoutModificationTimesFallsBackToTheSha256() {
    List<String> changes =
        DropChanges.of(
            List.of(ingested("a.csv", 100, "aa", null)),
            drop(file("a.csv", 100, T0)),
            hasher(Map.of("/inbox/d/a.csv", "aa")));

    assertThat(changes).isEmpty();
    assertThat(hashed).hasSize(1);
  }
}
