package org.industrygaps.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.industrygaps.warehouse.DropRecord;
import org.industrygaps.warehouse.FileRecord;
import org.junit.jupiter.api.Test;

/** The quick check of a drop (data files and drop.json) against its registry entry, and when it reads a file. */
class DropChangesTest {
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String T1 = "2026-02-01T00:00:00Z";
  private final List<String> hashed = new ArrayList<>();

  private static FileRecord ingested(String name, long bytes, String sha, String modifiedAt) {
    return new FileRecord("d/" + name, sha, bytes, 10, 10, 0, Map.of(), modifiedAt, Map.of(2022, 10L));
  }

  private static Drop.DropFile file(String name, long bytes, String modifiedAt) {
    return new Drop.DropFile("d/" + name, "/inbox/d/" + name, bytes, modifiedAt);
  }

  /** The changes of drop d, ingested as {@code ingested}, now holding {@code now}. */
  private List<String> changes(
      List<FileRecord> ingested, List<Drop.DropFile> now, Map<String, String> shaByPath) {
    return changes(record(ingested, List.of()), new Drop("d", "/inbox/d", now), shaByPath);
  }

  private List<String> changes(DropRecord ingested, Drop now, Map<String, String> shaByPath) {
    Function<String, String> hasher = path -> {
      hashed.add(path);
      return shaByPath.get(path);
    };
    return DropChanges.of(ingested, now, hasher);
  }

  private static DropRecord record(List<FileRecord> files, List<FileRecord> descriptor) {
    return new DropRecord("d", null, null, T0, "r", files, descriptor);
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

  @Test
  void aDropJsonAddedRemovedOrEditedIsAChangeOfTheDrop() {
    List<FileRecord> data = List.of(ingested("a.csv", 100, "aa", T0));
    List<Drop.DropFile> dataNow = List.of(file("a.csv", 100, T0));
    FileRecord json = ingested("drop.json", 300, "cccccccccccccccc", T0);

    assertThat(changes(record(data, List.of()),
            new Drop("d", "/inbox/d", dataNow, List.of(file("drop.json", 300, T0))), Map.of()))
        .containsExactly("d/drop.json: added");
    assertThat(changes(record(data, List.of(json)), new Drop("d", "/inbox/d", dataNow),
            Map.of()))
        .containsExactly("d/drop.json: removed");
    assertThat(changes(record(data, List.of(json)),
            new Drop("d", "/inbox/d", dataNow, List.of(file("drop.json", 300, T1))),
            Map.of("/inbox/d/drop.json", "dddddddddddddddd")))
        .containsExactly(
            "d/drop.json: content changed (sha256 cccccccccccc… when ingested, dddddddddddd… now)");
    assertThat(changes(record(data, List.of(json)),
            new Drop("d", "/inbox/d", dataNow, List.of(file("drop.json", 300, T0))), Map.of()))
        .isEmpty();
  }

  @Test
  void aRegistryWrittenBeforeDropJsonWasRecordedComparesTheDataFilesOnly() {
    assertThat(changes(record(List.of(ingested("a.csv", 100, "aa", T0)), null),
            new Drop("d", "/inbox/d", List.of(file("a.csv", 100, T0)),
                List.of(file("drop.json", 300, T0))), Map.of()))
        .isEmpty();
  }
}
