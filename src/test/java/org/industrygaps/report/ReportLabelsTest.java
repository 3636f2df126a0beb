package org.industrygaps.report;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

/** The labels of the sample conf/ after the codes of a few report rows. */
class ReportLabelsTest {
  private static final StructType REPORT =
      new StructType()
          .add("year", DataTypes.IntegerType, false)
          .add("region", DataTypes.StringType, false)
          .add("industry", DataTypes.StringType, false)
          .add("indicator", DataTypes.StringType, false)
          .add("value", DataTypes.DoubleType, true);

  private static List<Row> labelled(Row... rows) {
    Dataset<Row> report = TestSpark.session().createDataFrame(Arrays.asList(rows), REPORT);
    return new ReportLabels(TestSpark.sampleConfig()).apply(report).orderBy("region", "year")
        .collectAsList();
  }

  @Test
  void codesComeFirstThenTheirNamesUnitAndDirectionThenTheReportsOwnColumns() {
    Dataset<Row> report = TestSpark.session().createDataFrame(List.of(), REPORT);
    StructType schema = new ReportLabels(TestSpark.sampleConfig()).apply(report).schema();

    assertThat(schema.fieldNames())
        .containsExactly("industry", "indicator", "region", "industry_name_zh", "industry_name_en",
            "indicator_name_zh", "indicator_name_en", "region_name_zh", "region_name_en", "unit",
            "direction", "year", "value");
    assertThat(schema.apply("year").nullable()).isFalse();
    assertThat(schema.apply("region_name_zh").nullable()).isTrue();
  }

  @Test
  void everyRowGetsTheLabelsOfItsCodes() {
    List<Row> rows =
        labelled(
            RowFactory.create(2024, "510100", "power_battery", "production", 62.5),
            RowFactory.create(2023, "510000", "power_battery", "revenue", null));

    assertThat(rows)
        .containsExactly(
            RowFactory.create("power_battery", "revenue", "510000", "动力电池", "Power batteries",
                "营业收入", "Operating revenue", "四川省", "Sichuan", "亿元", "increase",
                2023, null),
            RowFactory.create("power_battery", "production", "510100", "动力电池",
                "Power batteries", "产量", "Production", "成都市", "Chengdu", "GWh", "increase",
                2024, 62.5));
  }

  @Test
  void aCodeNoTableKnowsKeepsItsRowWithEmptyLabels() {
    List<Row> rows =
        labelled(
            RowFactory.create(2024, "999999", "power_battery", "revenue", 1.0),
            RowFactory.create(2024, "510100", "power_battery", "all", 2.0));

    assertThat(rows)
        .containsExactly(
            RowFactory.create("power_battery", "all", "510100", "动力电池", "Power batteries",
                "全部指标", "All indicators", "成都市", "Chengdu", null, null, 2024, 2.0),
            RowFactory.create("power_battery", "revenue", "999999", "动力电池", "Power batteries",
                "营业收入", "Operating revenue", null, null, "亿元", "increase", 2024, 1.0));
  }

  @Test
  void labellingKeepsEveryRowInItsPartitionAndOrder() {
    // The report writers rely on it: city contributions and the trajectory are sorted once,
    // before their labels, and written as they come. (Labels joined from broadcast tables would
    // not do: Spark's optimizer drops a sort below a join, and this test then fails.)
    List<Row> input = new ArrayList<>();
    for (int year = 2030; year >= 2001; year--) {
      input.add(RowFactory.create(year, year % 2 == 0 ? "510100" : "999999", "power_battery",
          year % 3 == 0 ? "revenue" : "unknown_indicator", (double) year));
    }
    Dataset<Row> report =
        TestSpark.session().createDataFrame(input, REPORT).repartition(3, col("region"))
            .sortWithinPartitions("year");
    List<List<Integer>> before = yearsByPartition(report);

    Dataset<Row> labelled = new ReportLabels(TestSpark.sampleConfig()).apply(report);

    assertThat(yearsByPartition(labelled)).isEqualTo(before);
    assertThat(before.stream().mapToInt(List::size).sum()).isEqualTo(30);
  }

  private static List<List<Integer>> yearsByPartition(Dataset<Row> report) {
    return report.select("year").javaRDD().glom().collect().stream()
        .map(rows -> rows.stream().map(r -> r.getInt(0)).toList())
        .toList();
  }
}
