package org.industrygaps.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.industrygaps.metrics.Status;

/**
 * Every column of every report table: name, type, unit, Chinese label and definition. The one
 * source of truth for the data dictionary ({@link DataDictionary}), the Chinese CSV headers
 * ({@code --csv-headers zh}) and the PostgreSQL column types. Pure Java: no Spark needed to read it.
 *
 * <p>Column names are the Parquet/CSV/PostgreSQL names (snake_case English, stable). A test checks
 * that the tables a run writes have exactly these columns with these types.
 */
public final class ColumnDictionary {

  /** A column type as Spark names it, with what Parquet, PostgreSQL and DuckDB make of it. */
  public enum Type {
    STRING("string", "BYTE_ARRAY (UTF8)", "text", "VARCHAR"),
    INT("int", "INT32", "integer", "INTEGER"),
    BIGINT("bigint", "INT64", "bigint", "BIGINT"),
    DOUBLE("double", "DOUBLE", "double precision", "DOUBLE"),
    BOOLEAN("boolean", "BOOLEAN", "boolean", "BOOLEAN"),
    /** PostgreSQL only (the runs table): an instant, UTC. */
    TIMESTAMPTZ("timestamp", "—", "timestamp with time zone", "TIMESTAMP WITH TIME ZONE"),
    /** PostgreSQL only (the runs table): manifest.json as it was published. */
    JSONB("json", "—", "jsonb", "JSON");

    private final String spark;
    private final String parquet;
    private final String postgres;
    private final String duckdb;

    Type(String spark, String parquet, String postgres, String duckdb) {
      this.spark = spark;
      this.parquet = parquet;
      this.postgres = postgres;
      this.duckdb = duckdb;
    }

    /** The name Spark gives the type ({@code DataType.simpleString()}). */
    public String spark() {
      return spark;
    }

    public String parquet() {
      return parquet;
    }

    public String postgres() {
      return postgres;
    }

    public String duckdb() {
      return duckdb;
    }

    /** The type Spark calls {@code simpleString}. */
    public static Type ofSpark(String simpleString) {
      for (Type t : values()) {
        if (t.spark.equals(simpleString)) {
          return t;
        }
      }
      throw new IllegalArgumentException("no report column type for Spark type " + simpleString);
    }
  }

  /** One column of an output. */
  public record Column(String name, Type type, String unit, String labelZh, String definition) {}

  /** One output of a report set (or of the PostgreSQL publication) and its columns. */
  public record Output(
      String name, String labelZh, String where, String description, List<Column> columns) {

    public Column column(String name) {
      return columns.stream()
          .filter(c -> c.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new NoSuchElementException(this.name + " has no column " + name));
    }

    public List<String> names() {
      return columns.stream().map(Column::name).toList();
    }
  }

  /** What the value columns of a row are measured in: the row's {@code unit}. */
  static final String ROW_UNIT = "`unit` of the row";
  static final String SHARE = "share (1 = 100%)";
  static final String RATE = "share per year (0.1 = 10%)";
  static final String YEAR = "year";
  /** What the key-gap amounts of a roll-up row are measured in. */
  static final String KEY_GAP_UNIT = "`unit` of the key gap's gap row";

  // The leading columns every report row carries (ReportLabels.LEADING), defined once.
  private static final List<Column> LEADING =
      List.of(
          col("industry", Type.STRING, "", "产业代码",
              "Industry code (stable key), e.g. `power_battery`; `plan_wide` for goals of the whole"
                  + " plan. Parquet: the partition folder `industry=<code>`."),
          col("indicator", Type.STRING, "", "指标代码",
              "Indicator code (stable key): `revenue`, `output_value`, `value_added`, `profit`,"
                  + " `enterprises`, `employment`, `rd_expenditure`, `production`, `capacity`,"
                  + " `fortune_global_500`, `leading_enterprises`."),
          col("region", Type.STRING, "", "地区代码",
              "Region code, GB/T 2260 six digits: the province (`510000`) or a prefecture-level"
                  + " division (成都市 `510100` …)."),
          col("industry_name_zh", Type.STRING, "", "产业名称", "Industry name in Chinese (新型显示 …)."),
          col("industry_name_en", Type.STRING, "", "产业英文名称", "Industry name in English."),
          col("indicator_name_zh", Type.STRING, "", "指标名称", "Indicator name in Chinese (营业收入 …)."),
          col("indicator_name_en", Type.STRING, "", "指标英文名称", "Indicator name in English."),
          col("region_name_zh", Type.STRING, "", "地区名称", "Region name in Chinese (四川省, 成都市 …)."),
          col("region_name_en", Type.STRING, "", "地区英文名称", "Region name in English (Sichuan, Chengdu …)."),
          col("unit", Type.STRING, "", "单位",
              "Canonical unit of the indicator for the industry (亿元, 家, 万人, GWh, 亿立方米 …);"
                  + " every value column of the row is in it."),
          col("direction", Type.STRING, "", "方向",
              "`increase` when higher is better, `decrease` when lower is better (d = +1 / −1 in"
                  + " the definitions)."));

  // The same leading columns on a roll-up row, which spans indicators (ReportLabels).
  private static final List<Column> ROLLUP_LEADING =
      leading(
          Map.of(
              "industry",
              "Industry code (stable key): one row for every industry of the plan, with targets or"
                  + " not; `plan_wide` for the row over every target of the plan (all industries'"
                  + " and the plan-wide goals). Parquet: the partition folder `industry=<code>`.",
              "indicator", "Always `all` (全部指标): the row is over all the group's indicators.",
              "region",
              "Always the province (`510000`): the row covers the group's province and city"
                  + " targets alike.",
              "indicator_name_zh", "全部指标.",
              "indicator_name_en", "All indicators.",
              "unit",
              "Empty: a roll-up spans indicators of different units (the key gap's amounts are in"
                  + " the unit of its own gap row).",
              "direction", "Empty: a roll-up spans indicators of either direction."));

  private static final Map<String, Output> OUTPUTS = new LinkedHashMap<>();

  static {
    add(
        "rollup", "产业汇总",
        "`rollup/industry=<code>/*.parquet`; `csv/rollup.csv`; PostgreSQL `rollup`",
        "The gap report rolled up: one row per industry of the plan over its targets (province"
            + " and city, milestones and goals) and one `plan_wide` row over all targets of the"
            + " plan, the plan-wide goals included. The first table of the manifest. Statuses are"
            + " ordered best to worst: `target_achieved` > `on_track` > `acceleration_needed` >"
            + " `limited_progress` > `deterioration`; `not_assessable` targets are counted but take"
            + " no part in the worst, the median or the share.",
        ROLLUP_LEADING,
        rollupColumns());
    add(
        "gaps", "差距报告",
        "`gaps/industry=<code>/*.parquet`; `csv/<industry>.csv`, `csv/all_industries.csv`;"
            + " PostgreSQL `gaps`",
        "The gap toward each target of the plan: one row per target (industry × indicator × region"
            + " × target year). Metric definitions follow PRODUCT.md (Eurostat SDG progress"
            + " assessment, UN progress chart, 时间过半、任务过半).",
        LEADING,
        col("target_year", Type.INT, YEAR, "目标年份", "Year of the target (default the plan's, 2027)."),
        col("target_value", Type.DOUBLE, ROW_UNIT, "目标值", "The target, converted to the canonical unit."),
        col("target_source", Type.STRING, "", "目标来源", "Where the target comes from (document, press report)."),
        col("target_status", Type.STRING, "", "目标状态",
            "`official`, `draft` or `illustrative`: how authoritative the target is. A `draft` or"
                + " `illustrative` target is not policy."),
        col("target_kind", Type.STRING, "", "目标类型",
            "`milestone` (阶段性目标: due before the plan's target year, 2027 in conf/plan.yaml)"
                + " or `goal` (终期目标: due in the plan's target year or later). A series may carry"
                + " both."),
        col("target_scope", Type.STRING, "", "目标层级",
            "`province` (region is the province), `city` (a prefecture-level division's own"
                + " target) or `plan_wide` (a goal of the whole plan, industry `plan_wide`)."),
        col("baseline_year", Type.INT, YEAR, "基期年份",
            "The target's baseline year (its own `baseline_year`, default the plan's, 2022), or"
                + " the first later year with data, or the year of a series break (see"
                + " baseline_note). Every metric is measured from it."),
        col("baseline_value", Type.DOUBLE, ROW_UNIT, "基期值", "Value in baseline_year."),
        col("baseline_note", Type.STRING, "", "基期说明",
            "Why baseline_year is not the target's baseline year: `baseline_moved_to_first_data`"
                + " (no data in that year; the first later year with data is used) or"
                + " `baseline_moved_to_break` (a series break moved it to series_break_year);"
                + " empty when it is."),
        col("series_break_year", Type.INT, YEAR, "口径调整年份",
            "The series break that moved the baseline: the last year after the first year of"
                + " data in the window, and no later than latest_year, whose value a drop flagged"
                + " `series_break` (口径调整, a new statistical basis). Growth is never measured"
                + " across it. Empty when none."),
        col("latest_year", Type.INT, YEAR, "最新年份", "Newest year with data, at most the target year."),
        col("latest_value", Type.DOUBLE, ROW_UNIT, "最新值", "Value in latest_year."),
        col("observations", Type.INT, "years", "观测年数",
            "Count of years with data from baseline_year to latest_year."),
        col("gap_to_target", Type.DOUBLE, ROW_UNIT, "距目标差距",
            "d · (target_value − latest_value); ≤ 0 means the target is met."),
        col("progress_share", Type.DOUBLE, SHARE, "任务完成度",
            "(latest_value − baseline_value) / (target_value − baseline_value)."),
        col("time_share", Type.DOUBLE, SHARE, "时间进度",
            "(latest_year − baseline_year) / (target_year − baseline_year)."),
        col("pace_index", Type.DOUBLE, "ratio", "进度指数",
            "progress_share / time_share; ≥ 1 means on pace (任务进度不慢于时间进度)."),
        col("cagr_actual", Type.DOUBLE, RATE, "实际年均增速",
            "(latest_value / baseline_value)^(1 / (latest_year − baseline_year)) − 1."),
        col("cagr_required", Type.DOUBLE, RATE, "所需年均增速",
            "(target_value / baseline_value)^(1 / (target_year − baseline_year)) − 1."),
        col("cagr_needed_from_latest", Type.DOUBLE, RATE, "此后所需年均增速",
            "(target_value / latest_value)^(1 / (target_year − latest_year)) − 1."),
        col("growth_ratio", Type.DOUBLE, "ratio", "增速比",
            "d · cagr_actual / abs(cagr_required); the status bands use it."),
        col("projected_value", Type.DOUBLE, ROW_UNIT, "目标年预测值",
            "latest_value · (1 + cagr_actual)^(target_year − latest_year): the actual growth"
                + " carried on to the target year; latest_value itself when latest_year is the"
                + " target year (see projected_method)."),
        col("projected_gap", Type.DOUBLE, ROW_UNIT, "预测差距", "d · (target_value − projected_value)."),
        col("projected_method", Type.STRING, "", "预测方法",
            "How projected_value was obtained: `compound_growth` (the formula above) or"
                + " `observed_in_target_year` (latest_year is the target year: the value itself);"
                + " empty when there is no projected_value."),
        col("trend_projected_value", Type.DOUBLE, ROW_UNIT, "趋势预测值",
            "Log-linear trend (least squares of ln value on year) carried to the target year;"
                + " only where there are ≥ 4 positive points (UN progress chart)."),
        col("trend_lower", Type.DOUBLE, ROW_UNIT, "趋势预测下限",
            "Lower end of the 95% prediction interval of trend_projected_value."),
        col("trend_upper", Type.DOUBLE, ROW_UNIT, "趋势预测上限",
            "Upper end of the 95% prediction interval of trend_projected_value."),
        col("trend_target_position", Type.STRING, "", "目标相对趋势区间",
            "Where the target lies against that interval: `target_below_interval`,"
                + " `target_inside_interval` or `target_above_interval`."),
        col("trend_method", Type.STRING, "", "趋势方法",
            "`log_linear_ols_95pi` (ordinary least squares of ln value on year, 95% prediction"
                + " interval from the residuals, Student t with trend_points − 2 degrees of"
                + " freedom) where a trend was fitted; empty otherwise."),
        col("trend_points", Type.INT, "years", "趋势拟合点数",
            "Number of yearly values the trend was fitted on: those from baseline_year to"
                + " latest_year (= observations; a trend needs at least 4, all positive). Empty"
                + " when no trend was fitted."),
        col("trend_reading", Type.STRING, "", "趋势研判",
            "What the interval means for the target, given the direction: `likely_met` (the whole"
                + " interval is on the good side of the target: `target_below_interval` for an"
                + " increase target, `target_above_interval` for a decrease target),"
                + " `likely_missed` (all on the bad side) or `uncertain` (`target_inside_interval`)."
                + " A probability-like reading of a 95% interval under the trend's assumptions, not"
                + " a forecast; empty when no trend was fitted."),
        col("trend_reading_zh", Type.STRING, "", "趋势研判（中文）", "很可能实现 · 不确定 · 很可能未实现."),
        col("status", Type.STRING, "", "评估状态",
            "`target_achieved` · `on_track` (growth_ratio ≥ 0.95) · `acceleration_needed`"
                + " (0.60–0.95) · `limited_progress` (0–0.60) · `deterioration` (< 0) ·"
                + " `not_assessable`; thresholds in conf/settings.yaml."),
        col("status_zh", Type.STRING, "", "评估状态（中文）",
            "已实现 · 进展顺利 · 需加快 · 进展有限 · 倒退 · 无法评估."),
        col("pace_status", Type.STRING, "", "进度状态",
            "The pace view (时间进度: 时间过半、任务过半), beside status: `achieved_early`"
                + " (gap_to_target ≤ 0 with latest_year before target_year) · `achieved`"
                + " (gap_to_target ≤ 0 in the target year) · `ahead` (pace_index ≥"
                + " pace_thresholds.ahead, 1.05) · `on_pace` (≥ pace_thresholds.on_pace, 0.95) ·"
                + " `behind` (below, also when moving away from"
                + " the target) · `not_assessable` (no pace_index: no data, a single observation, a"
                + " target equal to its baseline); thresholds in conf/settings.yaml. Linear, so"
                + " stricter than status where growth compounds."),
        col("pace_status_zh", Type.STRING, "", "进度状态（中文）",
            "提前实现 · 如期实现 · 快于预期 · 基本符合预期 · 滞后 · 无法评估."),
        col("not_assessable_reason", Type.STRING, "", "无法评估原因",
            "Why the status is `not_assessable`: `no_data`, `no_baseline`,"
                + " `target_year_not_after_baseline`, `single_observation` or"
                + " `non_positive_values` (the linear shares are still given)."),
        col("latest_value_source", Type.STRING, "", "最新值来源",
            "`reported` (a drop gave the value) or `sum_of_cities` (the province value is the sum"
                + " of its cities)."),
        col("latest_cities_reporting", Type.BIGINT, "cities", "最新年上报城市数",
            "For a province value: how many cities reported in latest_year (see coverage)."));
    add(
        "trajectory", "年度轨迹",
        "`trajectory/industry=<code>/*.parquet`; PostgreSQL `trajectory`",
        "Per target and year, from the first observation (or the baseline year) to the target"
            + " year: the actual value, the path required to reach the target and the path"
            + " projected from the actual growth. What the charts of summary.html draw.",
        LEADING,
        col("target_year", Type.INT, YEAR, "目标年份", "Year of the target."),
        col("year", Type.INT, YEAR, "年份", "Year of the row."),
        col("actual_value", Type.DOUBLE, ROW_UNIT, "实际值", "Value reported (or summed) for the year; empty when none."),
        col("required_value", Type.DOUBLE, ROW_UNIT, "目标路径值",
            "Required path: baseline_value · (1 + cagr_required)^(year − baseline_year), from"
                + " baseline_year to target_year (a straight line where no compound rate exists)."),
        col("projected_value", Type.DOUBLE, ROW_UNIT, "预测路径值",
            "Projected path: latest_value · (1 + cagr_actual)^(year − latest_year), from"
                + " latest_year to target_year."),
        col("target_value", Type.DOUBLE, ROW_UNIT, "目标值", "The target."),
        col("milestone_value", Type.DOUBLE, ROW_UNIT, "节点目标值",
            "The value of the target of the same series (industry, indicator, region) that falls"
                + " due in the row's year: this target's own value in its target year, an earlier"
                + " milestone's in that milestone's year (so a goal's chart shows its milestones);"
                + " empty in other years."),
        col("series_break", Type.BOOLEAN, "", "口径调整",
            "Whether actual_value starts a new statistical basis (a drop flagged it"
                + " `series_break` / 口径调整); growth is not measured across it. false when there"
                + " is no value."));
    add(
        "city_contributions", "城市贡献",
        "`city_contributions/industry=<code>/*.parquet`; PostgreSQL `city_contributions`",
        "Each city's part in its province's additive series (amounts that add up), per year.",
        LEADING,
        col("year", Type.INT, YEAR, "年份", "Year of the row."),
        col("value", Type.DOUBLE, ROW_UNIT, "城市数值", "The city's value."),
        col("province_value", Type.DOUBLE, ROW_UNIT, "全省数值",
            "The province value of the year (reported, else the sum of cities; see coverage)."),
        col("share_of_province", Type.DOUBLE, SHARE, "占全省比重", "value / province_value."),
        col("previous_value", Type.DOUBLE, ROW_UNIT, "上年数值", "The city's value the year before."),
        col("growth", Type.DOUBLE, SHARE, "同比增长",
            "value / previous_value − 1; empty in a series_break year."),
        col("contribution_to_growth", Type.DOUBLE, SHARE, "对全省增长的贡献",
            "(value − previous_value) / province value the year before: the city's part of the"
                + " province's growth, in shares (0.01 = 1 percentage point); the cities add up"
                + " to the province's growth when all report. Empty in a series_break year."),
        col("series_break", Type.BOOLEAN, "", "口径调整",
            "Whether the city's value of the year starts a new statistical basis (a drop flagged"
                + " it `series_break` / 口径调整): growth and contribution_to_growth are then empty"
                + " (never measured across a break)."));
    add(
        "revisions", "数据修订",
        "`revisions/industry=<code>/*.parquet`; PostgreSQL `revisions`",
        "Every value that a later drop changed: the key, old and new value, old and new drop.",
        LEADING,
        col("year", Type.INT, YEAR, "年份", "Year of the revised value."),
        col("old_value", Type.DOUBLE, ROW_UNIT, "原值", "Value of the earlier drop."),
        col("new_value", Type.DOUBLE, ROW_UNIT, "修订值", "Value of the later drop (the one used)."),
        col("change", Type.DOUBLE, ROW_UNIT, "修订变化", "new_value − old_value."),
        col("change_share", Type.DOUBLE, SHARE, "修订幅度", "new_value / old_value − 1."),
        col("old_drop", Type.STRING, "", "原数据批次", "Drop (folder name) of the old value."),
        col("new_drop", Type.STRING, "", "修订数据批次", "Drop (folder name) of the new value."));
    add(
        "coverage", "数据覆盖",
        "`coverage/industry=<code>/*.parquet`; PostgreSQL `coverage`",
        "Per province series and year: the province value used, where it comes from and how many"
            + " cities reported. A province value reported in a drop wins over the sum of its"
            + " cities; where only city values exist the province value is their sum.",
        LEADING,
        col("year", Type.INT, YEAR, "年份", "Year of the row."),
        col("value", Type.DOUBLE, ROW_UNIT, "全省数值", "The province value used: reported, else cities_sum_value."),
        col("value_source", Type.STRING, "", "数值来源", "`reported` or `sum_of_cities`."),
        col("province_reported", Type.BOOLEAN, "", "全省是否上报", "Whether a drop reported the province value."),
        col("cities_reporting", Type.BIGINT, "cities", "上报城市数",
            "Cities with a value (additive indicators only; 0 otherwise)."),
        col("cities_total", Type.INT, "cities", "城市总数", "Prefecture-level divisions of the province (21 in Sichuan)."),
        col("coverage_share", Type.DOUBLE, SHARE, "城市覆盖率", "cities_reporting / cities_total."),
        col("cities_sum_value", Type.DOUBLE, ROW_UNIT, "城市合计值",
            "Sum of the cities' values (additive indicators), added up exactly as decimals with"
                + " 10 decimal places and rounded once to a double (a value of 1e28 or more: a"
                + " double sum); empty when no city reported."),
        col("series_break", Type.BOOLEAN, "", "口径调整",
            "Whether the province value of the year starts a new statistical basis: the flag"
                + " (`series_break` / 口径调整) of the reported value, or, for a sum of cities, true"
                + " when any city's value in the sum is flagged."));
    add(
        "changes", "较上次变化",
        "`changes/industry=<code>/*.parquet`; `csv/changes.csv`; PostgreSQL `changes`",
        "Every target whose status, latest value (or year) or projected gap differs from the"
            + " previous published run (reports/latest before this run), so an analyst sees what a"
            + " new drop moved. On a first run every target is `new`; a rerun with nothing new has"
            + " no row.",
        LEADING,
        col("target_year", Type.INT, YEAR, "目标年份", "Year of the target."),
        col("change_kind", Type.STRING, "", "变化类型",
            "`new` (not in the previous run), `removed` (no longer a target) or `changed`."),
        col("status_changed", Type.BOOLEAN, "", "状态是否变化", "Whether status differs."),
        col("latest_value_changed", Type.BOOLEAN, "", "最新值是否变化",
            "Whether latest_value or latest_year differs."),
        col("projected_gap_changed", Type.BOOLEAN, "", "预测差距是否变化",
            "Whether projected_gap differs."),
        col("old_status", Type.STRING, "", "原状态", "status in the previous run."),
        col("new_status", Type.STRING, "", "新状态", "status in this run."),
        col("old_latest_year", Type.INT, YEAR, "原最新年份", "latest_year in the previous run."),
        col("new_latest_year", Type.INT, YEAR, "新最新年份", "latest_year in this run."),
        col("old_latest_value", Type.DOUBLE, ROW_UNIT, "原最新值", "latest_value in the previous run."),
        col("new_latest_value", Type.DOUBLE, ROW_UNIT, "新最新值", "latest_value in this run."),
        col("old_projected_gap", Type.DOUBLE, ROW_UNIT, "原预测差距", "projected_gap in the previous run."),
        col("new_projected_gap", Type.DOUBLE, ROW_UNIT, "新预测差距", "projected_gap in this run."),
        col("previous_run_id", Type.STRING, "", "上次运行编号",
            "Run id of the previous published run; empty on a first run."));
    add(
        "rejected_rows", "拒收行",
        "`rejected_rows.csv`; PostgreSQL `rejected_rows`",
        "Every input row that was not accepted, with the reason. Rows read = accepted + rejected,"
            + " per file (manifest.json).",
        List.of(),
        col("drop", Type.STRING, "", "数据批次", "Drop (folder name under the inbox)."),
        col("file", Type.STRING, "", "文件", "File, relative to the inbox."),
        col("line", Type.BIGINT, "line", "行号", "Line of the file (1 = header)."),
        col("reason", Type.STRING, "", "拒收原因",
            "`malformed_line`, `unknown_region`, `unknown_industry`, `unknown_indicator`,"
                + " `invalid_year`, `year_out_of_range`, `empty_value`, `non_numeric_value`,"
                + " `negative_value`, `unit_missing`, `unit_not_convertible`, `duplicate_row`,"
                + " `conflicting_duplicate`."),
        col("detail", Type.STRING, "", "说明", "What was wrong, naming the field."),
        col("raw", Type.STRING, "", "原始内容", "The raw line as read (CSV) or the row's fields (Parquet)."));
    add(
        "runs", "运行记录",
        "PostgreSQL `runs` only (one row per publication, kept)",
        "Each publication to PostgreSQL: which run wrote the report tables, when, from what. The"
            + " newest row describes the tables as they are.",
        List.of(),
        col("run_id", Type.STRING, "", "运行编号", "Run id, also the folder `reports/runs/<run_id>/`."),
        col("command", Type.STRING, "", "命令", "`run` or `report`."),
        col("started_at", Type.TIMESTAMPTZ, "UTC", "开始时间", "When the run started."),
        col("finished_at", Type.TIMESTAMPTZ, "UTC", "完成时间", "When the run had written its reports."),
        col("published_at", Type.TIMESTAMPTZ, "UTC", "发布时间", "When the tables were replaced (the transaction's time)."),
        col("plan_id", Type.STRING, "", "规划编号", "Id of the plan in conf/plan.yaml."),
        col("plan_status", Type.STRING, "", "规划状态", "`official`, `draft` or `illustrative`."),
        col("baseline_year", Type.INT, YEAR, "基期年份", "The plan's baseline year."),
        col("target_year", Type.INT, YEAR, "目标年份", "The plan's target year."),
        col("rows_read", Type.BIGINT, "rows", "读入行数", "Input rows read over all drops."),
        col("rows_accepted", Type.BIGINT, "rows", "接收行数", "Input rows accepted."),
        col("rows_rejected", Type.BIGINT, "rows", "拒收行数", "Input rows rejected (see rejected_rows)."),
        col("report_dir", Type.STRING, "", "报告目录", "The run's report folder (a Hadoop URI)."),
        col("manifest", Type.JSONB, "", "运行清单", "manifest.json of the run."));
  }

  private ColumnDictionary() {}

  private static Column col(String name, Type type, String unit, String zh, String definition) {
    return new Column(name, type, unit, zh, definition);
  }

  /** {@link #LEADING} with the definitions of {@code definitions} in place of the usual ones. */
  private static List<Column> leading(Map<String, String> definitions) {
    return LEADING.stream()
        .map(c -> definitions.containsKey(c.name())
            ? col(c.name(), c.type(), c.unit(), c.labelZh(), definitions.get(c.name()))
            : c)
        .toList();
  }

  /** The roll-up's own columns (IndustryRollup.ROLLUP): a count per status, in Status order. */
  private static Column[] rollupColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(col("targets", Type.INT, "targets", "目标数",
        "Targets of the group (gap rows): every target of the industry, province and city,"
            + " milestones and goals; on the `plan_wide` row every target of the plan. 0 for an"
            + " industry without targets."));
    columns.add(col("targets_assessable", Type.INT, "targets", "可评估目标数",
        "Targets whose status is not `not_assessable`: those that take part in worst_status,"
            + " median_status and on_track_share."));
    for (Status s : Status.values()) {
      columns.add(col("targets_" + s.code(), Type.INT, "targets", s.labelZh() + "目标数",
          "Targets with status `" + s.code() + "` (" + s.labelZh() + ")."));
    }
    columns.add(col("worst_status", Type.STRING, "", "最差状态",
        "The worst status of the assessable targets (order above); empty when none is"
            + " assessable."));
    columns.add(col("worst_status_zh", Type.STRING, "", "最差状态（中文）",
        "worst_status in Chinese (已实现 · 进展顺利 · 需加快 · 进展有限 · 倒退)."));
    columns.add(col("median_status", Type.STRING, "", "中位状态",
        "The median status of the assessable targets (order above); of an even number the worse"
            + " of the two middle ones (lower median), so the row never reads better than half its"
            + " targets. Empty when none is assessable."));
    columns.add(col("median_status_zh", Type.STRING, "", "中位状态（中文）",
        "median_status in Chinese."));
    columns.add(col("on_track_share", Type.DOUBLE, SHARE, "进展顺利及已实现占比",
        "(targets_on_track + targets_target_achieved) / targets_assessable; empty when none is"
            + " assessable."));
    columns.add(col("key_gap_indicator", Type.STRING, "", "关键差距指标",
        "The most important gap of the group: the target with the largest projected_gap /"
            + " |target_value| (positive: a projected shortfall; negative when every target is"
            + " projected to be met); targets without projected_gap or with a zero target take no"
            + " part; ties go to the first by indicator, region, target_year. This is its"
            + " indicator; empty (as are the other key_gap_ columns) when no target qualifies. On"
            + " the `plan_wide` row it may be any industry's target (the row does not name the"
            + " industry)."));
    columns.add(col("key_gap_region", Type.STRING, "", "关键差距地区",
        "Region of the key gap's target (the province or a city)."));
    columns.add(col("key_gap_target_year", Type.INT, YEAR, "关键差距目标年份",
        "target_year of the key gap's target."));
    columns.add(col("key_gap_target_value", Type.DOUBLE, KEY_GAP_UNIT, "关键差距目标值",
        "target_value of the key gap's target."));
    columns.add(col("key_gap_projected_gap", Type.DOUBLE, KEY_GAP_UNIT, "关键差距预测差距",
        "projected_gap of the key gap's target: d · (target_value − projected_value)."));
    columns.add(col("key_gap_relative", Type.DOUBLE, SHARE, "关键差距相对值",
        "key_gap_projected_gap / |key_gap_target_value|: the projected shortfall as a share of"
            + " the target (0.3 = 30% short), by which the key gap is chosen."));
    columns.add(col("key_gap_status", Type.STRING, "", "关键差距评估状态",
        "status of the key gap's target (see gaps.status)."));
    return columns.toArray(Column[]::new);
  }

  private static void add(
      String name, String zh, String where, String description, List<Column> leading,
      Column... own) {
    List<Column> columns = new ArrayList<>(leading);
    columns.addAll(List.of(own));
    OUTPUTS.put(name, new Output(name, zh, where, description, List.copyOf(columns)));
  }

  /** Every documented table, in the order of the data dictionary. */
  public static List<Output> outputs() {
    return List.copyOf(OUTPUTS.values());
  }

  public static Output output(String name) {
    Output o = OUTPUTS.get(name);
    if (o == null) {
      throw new NoSuchElementException("no report table " + name);
    }
    return o;
  }

  /** The CSV header languages of {@code --csv-headers}. */
  public enum Headers {
    /** The column names (default). */
    EN,
    /** The Chinese labels. */
    ZH;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code en} or {@code zh}; null for anything else. */
    public static Headers parse(String code) {
      for (Headers h : values()) {
        if (h.code().equals(code)) {
          return h;
        }
      }
      return null;
    }
  }

  /** The header row of {@code table}'s CSV with {@code columns} in {@code headers}' language. */
  public static String[] header(String table, String[] columns, Headers headers) {
    if (headers == Headers.EN) {
      return columns.clone();
    }
    Output output = output(table);
    String[] labels = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      labels[i] = output.column(columns[i]).labelZh();
    }
    return labels;
  }
}
