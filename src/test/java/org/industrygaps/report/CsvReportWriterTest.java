package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportWriterTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("industry", DataTypes.StringType)
          .add("region", DataTypes.StringType)
          .add("value", DataTypes.DoubleType);

  private static final String BOM = "\uFEFF";

  /** Six rows in key order; in three partitions of two rows, one industry across two of them. */
  private static Dataset<Row> rows() {
    List<Row> rows =
        List.of(
            RowFactory.create("aerospace", "510100", 1.5),
            RowFactory.create("aerospace", "510300", null),
            RowFactory.create("aerospace", "510400", 0.00001),
            RowFactory.create("power_battery", "510000", 1200.0),
            RowFactory.create("power_battery", "510100", 2.0),
            RowFactory.create("power_battery", "510700", -3.25));
    return ReportWriter.sorted(
        TestSpark.session().createDataFrame(rows, SCHEMA), List.of("industry", "region"), 6, 2);
  }

  private static String read(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  @Test
  void eachFileHasTheBomTheHeaderAndItsRowsInKeyOrder(@TempDir Path dir) throws Exception {
    assertThat(rows().javaRDD().glom().map(List::size).collect()).containsExactly(2, 2, 2);
    Map<String, String> byIndustry =
        Map.of(
            "aerospace", dir + "/aerospace.csv",
            "power_battery", dir + "/power_battery.csv",
            "natural_gas", dir + "/natural_gas.csv");

    Map<String, Long> counts =
        new CsvReportWriter(TestSpark.storage())
            .withHeader(columns -> new String[] {"行业", "地区", "值"})
            .writeSplit(rows(), "industry", byIndustry, dir + "/all.csv");

    String header = BOM + "行业,地区,值\r\n";
    String aerospace = "aerospace,510100,1.5\r\naerospace,510300,\r\naerospace,510400,0.00001\r\n";
    String battery =
        "power_battery,510000,1200\r\npower_battery,510100,2\r\npower_battery,510700,-3.25\r\n";
    assertThat(read(dir.resolve("all.csv"))).isEqualTo(header + aerospace + battery);
    assertThat(read(dir.resolve("aerospace.csv"))).isEqualTo(header + aerospace);
    assertThat(read(dir.resolve("power_battery.csv"))).isEqualTo(header + battery);
    // An industry without rows still gets its file: the header alone.
    assertThat(read(dir.resolve("natural_gas.csv"))).isEqualTo(header);
    assertThat(counts)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                dir + "/aerospace.csv", 3L,
                dir + "/power_battery.csv", 3L,
                dir + "/natural_gas.csv", 0L,
                dir + "/all.csv", 6L));
    // The executors' part files are gone once joined: only the reports are left.
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "all.csv", "aerospace.csv", "power_battery.csv", "natural_gas.csv");
    }
  }

  @Test
  void anEmptyTableGivesTheHeaderAloneAndOneFileWithoutSplit(@TempDir Path dir) throws Exception {
    Dataset<Row> none = TestSpark.session().createDataFrame(List.of(), SCHEMA);
    CsvReportWriter writer = new CsvReportWriter(TestSpark.storage());

    assertThat(writer.write(none, dir + "/empty.csv")).isZero();
    assertThat(writer.write(rows(), dir + "/all.csv")).isEqualTo(6);

    assertThat(read(dir.resolve("empty.csv"))).isEqualTo(BOM + "industry,region,value\r\n");
    assertThat(read(dir.resolve("all.csv")).split("\r\n"))
        .containsExactly(
            BOM + "industry,region,value",
            "aerospace,510100,1.5",
            "aerospace,510300,",
            "aerospace,510400,0.00001",
            "power_battery,510000,1200",
            "power_battery,510100,2",
            "power_battery,510700,-3.25");
  }
}
