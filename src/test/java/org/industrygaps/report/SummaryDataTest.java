package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.industrygaps.TestSpark;
import org.industrygaps.config.PlanConfig;
import org.junit.jupiter.api.Test;

/** What the summary page collects from the sample run's report tables. */
class SummaryDataTest {
  @Test
  void theLargestCitiesShownAreThoseOfEachSeriesLastYearInWhichCitiesReported() {
    SparkSession spark = TestSpark.session();
    PlanConfig config = TestSpark.sampleConfig();
    String dir = SampleRun.reports().toString();
    Map<String, ReportTables.Table> tables = new LinkedHashMap<>();
    for (String name : List.of("gaps", "trajectory", "city_contributions", "coverage", "revisions")) {
      tables.put(name, new ReportTables.Table(spark.read().parquet(dir + "/" + name),
          List.of("industry", "indicator", "region")));
    }
    StructType rejectedSchema = new StructType().add("drop", DataTypes.StringType)
        .add("file", DataTypes.StringType).add("line", DataTypes.LongType);
    ReportTables.Table rejected = new ReportTables.Table(
        spark.createDataFrame(List.of(), rejectedSchema), List.of("drop", "file", "line"));

    SummaryData data =
        SummaryData.collect(new ReportTables(tables, rejected, List.of()), config);

    // Worked out here from every city row: per targeted series its last year, then that year's
    // cities by value, the largest first, at most CITIES_SHOWN of them.
    Set<String> targeted =
        config.targets().stream().map(t -> t.indicator()).collect(Collectors.toSet());
    List<Row> cities = tables.get("city_contributions").rows().collectAsList();
    Map<String, Integer> lastYear = new HashMap<>();
    for (Row r : cities) {
      if (targeted.contains(r.<String>getAs("indicator"))) {
        lastYear.merge(r.getAs("industry") + "/" + r.getAs("indicator"), r.<Integer>getAs("year"),
            Math::max);
      }
    }
    Map<String, List<Row>> bySeries = new HashMap<>();
    for (Row r : cities) {
      String series = r.getAs("industry") + "/" + r.getAs("indicator");
      if (r.<Integer>getAs("year").equals(lastYear.get(series))) {
        bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(r);
      }
    }
    List<String> expected = new ArrayList<>();
    bySeries.forEach((series, rows) -> rows.stream()
        .sorted(Comparator.comparing((Row r) -> r.<Double>getAs("value"),
            Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(SummaryData.CITIES_SHOWN)
        .forEach(r -> expected.add(series + "/" + r.getAs("region") + "/" + r.getAs("year"))));

    assertThat(expected).isNotEmpty();
    assertThat(data.cities())
        .map(c -> c.s("industry") + "/" + c.s("indicator") + "/" + c.s("region") + "/"
            + c.i("year"))
        .containsExactlyInAnyOrderElementsOf(expected);
  }
}
