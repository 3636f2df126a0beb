package org.industrygaps.ingest;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.industrygaps.config.PlanConfig;

/**
 * Reads the files of the given drops into a dataset of {@link IngestSchema} rows, one per CSV
 * record (one per value cell of a wide table, one per row of a Parquet file). Each file is parsed
 * whole by one task (line numbers need the file's order), streaming, on the executors, as its
 * {@link FileSpec} says; the driver only lists the files.
 */
public final class DropReader {
  private DropReader() {}

  /** Reads {@code drops}, each file as {@code specs} says (by {@code <drop>/<name>}). */
  public static Dataset<Row> read(
      SparkSession spark, PlanConfig config, List<Drop> drops, Map<String, FileSpec> specs) {
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
    ObservationValidator validator = new ObservationValidator(config.withoutTargets());
    Broadcast<Parsers> parsers =
        sc.broadcast(
            new Parsers(
                new DropFileParser(validator), new ParquetDropParser(validator),
                new HashMap<>(specs)));
    int partitions = Math.max(1, spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows =
        sc.binaryFiles(paths, partitions)
            .flatMap(
                file -> {
                  Path path = new Path(file._1());
                  String drop = path.getParent().getName();
                  String name = drop + "/" + path.getName();
                  Parsers p = parsers.value();
                  FileSpec spec = p.specs().getOrDefault(name, FileSpec.DEFAULT);
                  if (Inbox.isParquet(name)) {
                    return rows(parquet(p.parquet(), drop, name, spec, file._2()), null);
                  }
                  DataInputStream in = file._2().open();
                  return rows(p.csv().parse(drop, name, spec, in), in);
                });
    // Converted by the row encoder's generated code: createDataFrame(rows, schema) converts each
    // field through Spark's generic converters, about twice the cost (3.6 s of executor time
    // against 9 s per 10 million rows).
    return spark.createDataset(rows.rdd(), Encoders.row(IngestSchema.SCHEMA)).toDF();
  }

  /** What every task needs to parse its file. */
  private record Parsers(
      DropFileParser csv, ParquetDropParser parquet, HashMap<String, FileSpec> specs)
      implements java.io.Serializable {}

  private static Iterator<IngestRow> parquet(
      ParquetDropParser parser, String drop, String name, FileSpec spec,
      PortableDataStream stream) {
    InputFile input;
    try {
      input = HadoopInputFile.fromPath(new Path(stream.getPath()), stream.getConfiguration());
    } catch (IOException e) {
      return DropFileParser.single(
          drop, name, RejectReason.FILE_UNREADABLE, "cannot be read: " + e.getMessage());
    }
    return parser.parse(drop, name, spec, input);
  }

  /** {@code parsed} as Spark rows; {@code in} (if any) is closed after the last. */
  private static Iterator<Row> rows(Iterator<IngestRow> parsed, Closeable in) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        boolean more = parsed.hasNext();
        if (!more && in != null) {
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
