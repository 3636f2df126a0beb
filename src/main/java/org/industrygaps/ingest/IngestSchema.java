package org.industrygaps.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** The Spark schema of {@link IngestRow}s, and the conversion. */
public final class IngestSchema {
  public static final StructType SCHEMA =
      new StructType()
          .add("drop", StringType, false)
          .add("file", StringType, false)
          .add("line", LongType, false)
          .add("raw", StringType)
          .add("year", IntegerType)
          .add("region", StringType)
          .add("industry", StringType)
          .add("indicator", StringType)
          .add("value", DoubleType)
          .add("unit", StringType)
          .add("reported_value", DoubleType)
          .add("reported_unit", StringType)
          .add("source", StringType)
          .add("note", StringType)
          .add("reason", StringType)
          .add("detail", StringType)
          .add("series_break", BooleanType, false);

  private IngestSchema() {}

  public static Row toRow(IngestRow r) {
    return RowFactory.create(
        r.drop(), r.file(), r.line(), r.raw(), r.year(), r.region(), r.industry(), r.indicator(),
        r.value(), r.unit(), r.reportedValue(), r.reportedUnit(), r.source(), r.note(),
        r.reason() == null ? null : r.reason().code(), r.detail(), r.seriesBreak());
  }
}
