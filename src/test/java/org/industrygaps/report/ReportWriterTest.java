package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.TestSpark;
import org.junit.jupiter.api.Test;

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

    Dataset<Row> sorted = ReportWriter.sorted(rows, List.of("file", "line"), 100);

    List<Row> streamed = new ArrayList<>();
    sorted.toLocalIterator().forEachRemaining(streamed::add);
    List<Row> expected = rows.orderBy("file", "line").collectAsList();
    assertThat(streamed).containsExactlyElementsOf(expected);
    List<Integer> sizes = sorted.javaRDD().glom().map(List::size).collect();
    assertThat(sizes).hasSize(10);
    // Range bounds come from a sample: about 100 rows each, never the whole input.
    assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThan(250));
  }
}
