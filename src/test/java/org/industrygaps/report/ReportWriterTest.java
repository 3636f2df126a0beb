package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @Test
  void csvRowsComeInKeyOrderInPartitionsOfBoundedSize() {
    List<Row> input = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      input.add(RowFactory.create("f" + (i * 7919 % 1000 / 100), (long) (i * 7919 % 100)));
    }
    StructType schema =
        new StructType().add("file", DataTypes.StringType).add("line", DataTypes.LongType);
    Dataset<Row> rows = TestSpark.session().createDataFrame(input, schema);

    Dataset<Row> sorted = ReportWriter.sorted(rows, List.of("file", "line"), 1000, 100);

    List<Row> streamed = new ArrayList<>();
    sorted.toLocalIterator().forEachRemaining(streamed::add);
    List<Row> expected = rows.orderBy("file", "line").collectAsList();
    assertThat(streamed).containsExactlyElementsOf(expected);
    List<Integer> sizes = sorted.javaRDD().glom().map(List::size).collect();
    assertThat(sizes).hasSize(10);
    // Range bounds come from a sample: about 100 rows each, never the whole input.
    assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThan(250));
  }

  @Test
  void tablesAreComputedOnceByTheirWriteReadBackAsWrittenAndTheirCacheFreed(@TempDir Path dir)
      throws Exception {
    StructType schema =
        new StructType()
            .add("region", DataTypes.StringType)
            .add("industry", DataTypes.StringType)
            .add("indicator", DataTypes.StringType)
            .add("value", DataTypes.DoubleType);
    Dataset<Row> gaps =
        TestSpark.session().createDataFrame(
            List.of(
                RowFactory.create("510000", "power_battery", "revenue", 1200.0),
                RowFactory.create("510100", "power_battery", "revenue", 450.0),
                RowFactory.create("510000", "aerospace", "output", null)),
            schema)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> none = TestSpark.session().createDataFrame(List.of(), schema);
    Map<String, ReportTables.Table> parquet = new LinkedHashMap<>();
    parquet.put(ReportTables.GAPS, new ReportTables.Table(gaps, List.of("industry", "region")));
    parquet.put("revisions", new ReportTables.Table(none, List.of("industry", "region")));
    ReportTables tables =
        new ReportTables(parquet, noRejectedRows(), List.of(gaps));
    assertThat(gaps.storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK());

    ReportWriter.Written written =
        new ReportWriter(TestSpark.storage(), TestSpark.sampleConfig())
            .write(tables, dir.toString());

    // Counts from the footers of the files written; the empty table still has one file to open.
    assertThat(written.outputs())
        .filteredOn(o -> o.format().equals("parquet"))
        .extracting(o -> o.name() + " " + o.rows())
        .containsExactly("gaps 3", "revisions 0");
    assertThat(Files.list(dir.resolve("revisions")).map(p -> p.getFileName().toString()))
        .anyMatch(name -> name.endsWith(".parquet"));
    // Read back with the columns in their computed order (industry is a folder on disk).
    Dataset<Row> gapsBack = written.tables().parquet().get(ReportTables.GAPS).rows();
    assertThat(gapsBack.columns()).containsExactly("region", "industry", "indicator", "value");
    assertThat(gapsBack.orderBy("industry", "region").collectAsList())
        .containsExactlyElementsOf(gaps.orderBy("industry", "region").collectAsList());
    assertThat(written.tables().parquet().get("revisions").rows().count()).isZero();
    assertThat(Files.readAllLines(dir.resolve("csv/power_battery.csv")))
        .hasSize(3); // header and two rows
    // What the tables were computed from is freed once they are written: the CSV files and the
    // summary page read the files, and need the heap.
    assertThat(gaps.storageLevel()).isEqualTo(StorageLevel.NONE());
  }

  @Test
  void doublesAreStoredPlainAndCodesWithADictionary(@TempDir Path dir) throws Exception {
    StructType schema =
        new StructType()
            .add("industry", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("year", DataTypes.IntegerType)
            .add("value", DataTypes.DoubleType);
    List<Row> input = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // Four values and ten regions: both would have a dictionary by Parquet's defaults.
      input.add(RowFactory.create("power_battery", "5101" + (i % 10), 2000 + i % 25, i % 4 * 100.0));
    }
    Dataset<Row> gaps = TestSpark.session().createDataFrame(input, schema);
    ReportTables tables =
        new ReportTables(
            Map.of(ReportTables.GAPS, new ReportTables.Table(gaps, List.of("industry", "region"))),
            noRejectedRows(), List.of());

    new ReportWriter(TestSpark.storage(), TestSpark.sampleConfig()).write(tables, dir.toString());

    Path file;
    try (var files = Files.walk(dir.resolve("gaps/industry=power_battery"))) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    assertThat(dictionaryEncoded(file)).containsExactly("region", "year");
  }

  /** An empty rejected-rows table. */
  private static ReportTables.Table noRejectedRows() {
    StructType schema =
        new StructType().add("drop", DataTypes.StringType).add("file", DataTypes.StringType)
            .add("line", DataTypes.LongType);
    return new ReportTables.Table(
        TestSpark.session().createDataFrame(List.of(), schema), List.of("drop", "file", "line"));
  }

  /** The columns of the first row group of {@code file} that have a dictionary page. */
  private static List<String> dictionaryEncoded(Path file) throws Exception {
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      return reader.getFooter().getBlocks().get(0).getColumns().stream()
          .filter(ColumnChunkMetaData::hasDictionaryPage)
          .map(c -> c.getPath().toDotString())
          .toList();
    }
  }
}
