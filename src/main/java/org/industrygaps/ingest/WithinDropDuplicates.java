package org.industrygaps.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * One drop reports each (year, region, industry, indicator) once. When it reports a key twice with
 * different values, no one can tell which is right: every such row is rejected
 * ({@code conflicting_duplicate}). When it repeats the same value, the first row (by file and line)
 * is kept and the repeats are rejected ({@code duplicate_row}), so each row is counted once.
 */
public final class WithinDropDuplicates {
  private WithinDropDuplicates() {}

  public static Dataset<Row> mark(Dataset<Row> rows) {
    WindowSpec key =
        Window.partitionBy("drop", "year", "region", "industry", "indicator");
    Column accepted = col("reason").isNull();
    Column conflicting = accepted.and(min("value").over(key).notEqual(max("value").over(key)));
    WindowSpec inOrder = key.orderBy(col("file"), col("line"));
    Column repeat = accepted.and(row_number().over(inOrder).gt(1));
    Column firstLine = first(concat(col("file"), lit(" line "), col("line"))).over(inOrder);
    return rows.withColumn(
            "detail",
            when(conflicting, concat(lit("the drop reports this key with different values; "
                + "first at "), firstLine))
                .when(repeat, concat(lit("repeats the same value; kept "), firstLine))
                .otherwise(col("detail")))
        .withColumn(
            "reason",
            when(conflicting, lit(RejectReason.CONFLICTING_DUPLICATE.code()))
                .when(repeat, lit(RejectReason.DUPLICATE_ROW.code()))
                .otherwise(col("reason")));
  }
}
