package org.industrygaps.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.industrygaps.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedConfTest {
  @TempDir Path tmp;

  @Test
  void aFolderOrUriIsKeptAsGiven() {
    assertThat(ShippedConf.resolve("conf")).isEqualTo("conf");
    assertThat(ShippedConf.resolve("hdfs://nn:8020/industry-gaps/conf"))
        .isEqualTo("hdfs://nn:8020/industry-gaps/conf");
  }

  @Test
  void theMarkerIsTheFirstFolderHoldingTheShippedFiles() throws IOException {
    Path sparkFiles = Files.createDirectories(tmp.resolve("spark-files"));
    Path workDir = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(workDir.resolve("plan.yaml"), "plan: {}\n");

    assertThat(ShippedConf.resolve(List.of(sparkFiles.toString(), workDir.toString())))
        .isEqualTo("file:" + workDir)
        .startsWith("file:/");
  }

  @Test
  void shippedFilesThatAreNowhereAreABadConfiguration() {
    assertThatThrownBy(() -> ShippedConf.resolve(List.of(tmp.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("spark-submit --files")
        .hasMessageContaining(tmp.toString());
  }
}
