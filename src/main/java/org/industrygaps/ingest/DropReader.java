package org.industrygaps.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.config.PlanConfig;

/**
 * Reads the files of the given drops into a dataset of {@link IngestSchema} rows, one per CSV
 * record. Each file is parsed whole by one task (line numbers need the file's order), streaming, on
 * the executors; the driver only lists the files.
 */
public final class DropReader {
  private DropReader() {}

  public static Dataset<Row> read(SparkSession spark, PlanConfig config, List<Drop> drops) {
    String paths =
        drops.stream()
            .flatMap(d -> d.files().stream())
            .map(Drop.DropFile::path)
            .collect(Collectors.joining(","));
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), IngestSchema.SCHEMA);
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Broadcast once: the configuration can be large (a target per county) and every task needs it.
    Broadcast<DropFileParser> parser =
        sc.broadcast(new DropFileParser(new ObservationValidator(config)));
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows =
        sc.binaryFiles(paths, partitions)
            .flatMap(
                file -> {
                  Path path = new Path(file._1());
                  String drop = path.getParent().getName();
                  return rows(parser.value(), drop, drop + "/" + path.getName(), file._2());
                });
    return spark.createDataFrame(rows, IngestSchema.SCHEMA);
  }

  private static Iterator<Row> rows(
      DropFileParser parser, String drop, String name, PortableDataStream stream) {
    DataInputStream in = stream.open();
    Iterator<IngestRow> parsed = parser.parse(drop, name, in);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = parsed.hasNext();
        if (!more) {
          try {
            in.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return more;
      }

      @Override
      public Row next() {
        return IngestSchema.toRow(parsed.next());
      }
    };
  }
}
