package org.industrygaps.metrics;

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

  public static Dataset<Row> of(Dataset<Row> observations) {
    WindowSpec history =
        Window.partitionBy("industry", "indicator", "region", "year").orderBy("drop");
    return observations
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
