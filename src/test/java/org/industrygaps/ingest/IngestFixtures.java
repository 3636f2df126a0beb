package org.industrygaps.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.PlanConfigLoader;
import org.industrygaps.storage.Storage;

/** The sample configuration without Spark, and small helpers to parse drop files in tests. */
final class IngestFixtures {
  static final String DROP = "2025-01-01-test";
  private static PlanConfig config;

  private IngestFixtures() {}

  static Storage storage() {
    return org.industrygaps.TestSpark.localStorage();
  }

  /** conf/ of this repository, loaded through the local file system (no Spark session). */
  static synchronized PlanConfig config() {
    if (config == null) {
      config = PlanConfigLoader.load(storage(), "conf");
    }
    return config;
  }

  static ObservationValidator validator() {
    return new ObservationValidator(config());
  }

  /** The rows of CSV {@code text} in {@code charset}, read as {@code spec} says. */
  static List<IngestRow> csv(String file, String text, Charset charset, FileSpec spec) {
    return csv(file, text.getBytes(charset), spec);
  }

  static List<IngestRow> csv(String file, byte[] bytes, FileSpec spec) {
    return list(new DropFileParser(validator())
        .parse(DROP, DROP + "/" + file, spec, new ByteArrayInputStream(bytes)));
  }

  /** The rows of the Parquet file at {@code path}. */
  static List<IngestRow> parquet(Path path, FileSpec spec) {
    return list(new ParquetDropParser(validator())
        .parse(DROP, DROP + "/" + path.getFileName(), spec, new LocalInputFile(path)));
  }

  static <T> List<T> list(Iterator<T> it) {
    List<T> all = new ArrayList<>();
    it.forEachRemaining(all::add);
    return all;
  }

  /**
   * Writes a Parquet file of {@code schema} (message type text) with {@code rows}, each a map of
   * column name to value (Integer, Long, Double or String; absent or null means no value).
   */
  static Path writeParquet(Path path, String schema, List<Map<String, Object>> rows) {
    MessageType type = MessageTypeParser.parseMessageType(schema);
    SimpleGroupFactory groups = new SimpleGroupFactory(type);
    try {
      Files.deleteIfExists(path);
      try (ParquetWriter<Group> writer =
          ExampleParquetWriter.builder(new LocalOutputFile(path)).withType(type).build()) {
        for (Map<String, Object> row : rows) {
          Group g = groups.newGroup();
          row.forEach((name, value) -> {
            if (value instanceof Integer i) {
              g.append(name, i);
            } else if (value instanceof Long l) {
              g.append(name, l);
            } else if (value instanceof Double d) {
              g.append(name, d);
            } else if (value != null) {
              g.append(name, value.toString());
            }
          });
          writer.write(g);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  /** A long-format spec with drop.json-like settings. */
  static FileSpec spec(
      String encoding, Map<String, DropColumn> columns, DropDescriptor.Fixed defaults,
      String source) {
    return new FileSpec(encoding, FileSpec.Layout.LONG, 1, columns, Map.of(), defaults, source);
  }
}
