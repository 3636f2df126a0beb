package org.industrygaps.ingest;

import java.util.List;
import java.util.Locale;

/**
 * The columns of the canonical long format, each with the header names it is recognised by, in
 * English and Chinese.
 */
public enum DropColumn {
  YEAR(true, "year", "年份", "年度", "年"),
  REGION(true, "region", "地区", "区域", "市州", "行政区划"),
  INDUSTRY(true, "industry", "产业", "行业"),
  INDICATOR(true, "indicator", "指标", "指标名称"),
  VALUE(true, "value", "数值", "值", "数据"),
  UNIT(true, "unit", "单位", "计量单位"),
  SOURCE(false, "source", "来源", "数据来源"),
  NOTE(false, "note", "备注", "说明"),
  /** true when the value starts a new statistical basis (a series break); empty is false. */
  SERIES_BREAK(false, "series_break", "口径调整");

  private final boolean required;
  private final List<String> headers;

  DropColumn(boolean required, String... headers) {
    this.required = required;
    this.headers = List.of(headers);
  }

  public boolean required() {
    return required;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public List<String> headers() {
    return headers;
  }
}
