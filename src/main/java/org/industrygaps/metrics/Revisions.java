package org.industrygaps.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Every value that a later drop changed: key, old and new value, old and new drop. */
public final class Revisions {
  private Revisions() {}

  private static final String[] KEY = {"industry", "indicator", "region", "year"};
  /** The most revised keys sent to every task; more are matched by a shuffle. */
  static final long BROADCAST_KEYS = 500_000;

  /**
   * Observations and their latest values ({@link LatestObservations}) → the revisions. Only a key
   * that more than one drop reported can have one: the history of those keys alone is sorted
   * (none after a first drop, a few after a small next drop), not every observation.
   */
  public static Dataset<Row> of(Dataset<Row> observations, Dataset<Row> latest) {
    return of(observations, latest, BROADCAST_KEYS);
  }

  static Dataset<Row> of(Dataset<Row> observations, Dataset<Row> latest, long broadcastKeys) {
    Dataset<Row> revised = latest.where(col("drops").gt(1)).select(col(KEY[0]), col(KEY[1]),
        col(KEY[2]), col(KEY[3]));
    long keys = revised.count();
    Dataset<Row> candidates =
        keys == 0
            ? observations.limit(0)
            : observations.join(keys <= broadcastKeys ? broadcast(revised) : revised, KEY,
                "left_semi");
    WindowSpec history = Window.partitionBy(KEY[0], KEY[1], KEY[2], KEY[3]).orderBy("drop");
    return candidates
        .withColumn("old_value", lag("value", 1).over(history))
        .withColumn("old_drop", lag("drop", 1).over(history))
        .where(col("old_value").isNotNull().and(col("old_value").notEqual(col("value"))))
        .select(
            col("industry"),
            col("indicator"),
            col("region"),
            col("year"),
            col("old_value"),
            col("value").as("new_value"),
            col("value").minus(col("old_value")).as("change"),
            when(col("old_value").notEqual(0), col("value").divide(col("old_value")).minus(1))
                .as("change_share"),
            col("old_drop"),
            col("drop").as("new_drop"));
  }
}
