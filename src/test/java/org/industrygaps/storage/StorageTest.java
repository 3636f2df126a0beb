package org.industrygaps.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.fs.FileStatus;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
  @TempDir Path dir;

  @Test
  void listFilesFindsMatchingFilesAtEveryDepthSortedByPath() throws IOException {
    for (String f : new String[] {"t/industry=b/part-1.parquet", "t/industry=a/part-2.parquet",
        "t/industry=a/deeper/part-0.parquet", "t/industry=a/notes.txt", "t/top.parquet"}) {
      Files.createDirectories(dir.resolve(f).getParent());
      Files.writeString(dir.resolve(f), f);
    }
    Storage storage = TestSpark.localStorage();

    assertThat(storage.listFiles(dir.resolve("t").toString(), ".parquet"))
        .extracting(s -> dir.resolve("t").relativize(Path.of(s.getPath().toUri())).toString())
        .containsExactly("industry=a/deeper/part-0.parquet", "industry=a/part-2.parquet",
            "industry=b/part-1.parquet", "top.parquet");
    assertThat(storage.listFiles(dir.resolve("t").toString(), ".parquet"))
        .extracting(FileStatus::getLen)
        .containsExactly(34L, 27L, 27L, 13L); // each file holds its own path
    assertThat(storage.listFiles(dir.resolve("missing").toString(), ".parquet")).isEmpty();
    assertThat(storage.listFiles(dir.resolve("t/top.parquet").toString(), ".parquet"))
        .hasSize(1);
  }

  @Test
  void copyCopiesTheWholeTreeAndRefusesAnExistingTarget() throws IOException {
    Files.createDirectories(dir.resolve("run/gaps/industry=a"));
    Files.writeString(dir.resolve("run/manifest.json"), "{}");
    Files.writeString(dir.resolve("run/gaps/industry=a/part-0.parquet"), "rows");
    Files.createDirectories(dir.resolve("run/empty"));
    Storage storage = TestSpark.localStorage();

    storage.copy(dir.resolve("run").toString(), dir.resolve("staging/latest").toString());

    assertThat(Files.readString(dir.resolve("staging/latest/manifest.json"))).isEqualTo("{}");
    assertThat(Files.readString(dir.resolve("staging/latest/gaps/industry=a/part-0.parquet")))
        .isEqualTo("rows");
    assertThat(dir.resolve("staging/latest/empty")).isEmptyDirectory();
    assertThatThrownBy(
            () -> storage.copy(dir.resolve("run").toString(), dir.resolve("staging/latest").toString()))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("cannot copy");
  }
}
