package org.industrygaps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;

/**
 * Checks that a step's rows come in the report's layout (each industry in one partition, rows in
 * key order), which lets the writer write them without a shuffle and sort of its own.
 */
public final class ReportLayout {
  private ReportLayout() {}

  /**
   * Computes {@code rows} in several partitions, as a large input has (the test session's few rows
   * would make one), and asserts the layout by {@code key} (industry first); returns how many
   * industries the rows hold.
   */
  public static long assertLaidOutByIndustry(Supplier<Dataset<Row>> rows, List<String> key) {
    List<List<List<Object>>> partitions = new ArrayList<>();
    RuntimeConfig conf = TestSpark.session().conf();
    conf.set("spark.sql.adaptive.coalescePartitions.enabled", "false");
    conf.set("spark.sql.shuffle.partitions", "5");
    try {
      Dataset<Row> dataset = rows.get();
      int[] columns = key.stream().mapToInt(dataset.schema()::fieldIndex).toArray();
      for (List<Row> partition : dataset.javaRDD().glom().collect()) {
        List<List<Object>> keys = new ArrayList<>();
        for (Row r : partition) {
          keys.add(java.util.Arrays.stream(columns).mapToObj(r::get).toList());
        }
        if (!keys.isEmpty()) {
          partitions.add(keys);
        }
      }
    } finally {
      conf.unset("spark.sql.adaptive.coalescePartitions.enabled");
      conf.set("spark.sql.shuffle.partitions", "2");
    }
    assertThat(partitions).as("partitions holding rows").hasSizeGreaterThan(1);
    List<Object> industries = new ArrayList<>();
    for (List<List<Object>> partition : partitions) {
      assertThat(partition).as("rows of a partition in key order").isSortedAccordingTo(
          ReportLayout::compareKeys);
      partition.stream().map(k -> k.get(0)).distinct().forEach(industries::add);
    }
    assertThat(industries).as("industries, each in one partition").doesNotHaveDuplicates();
    return industries.size();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = ((Comparable) a.get(i)).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
