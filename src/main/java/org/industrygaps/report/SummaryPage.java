package org.industrygaps.report;

import static org.industrygaps.report.Html.esc;
import static org.industrygaps.report.HumanFormat.NONE;
import static org.industrygaps.report.HumanFormat.amount;
import static org.industrygaps.report.HumanFormat.percent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.industrygaps.config.Industry;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Region;
import org.industrygaps.report.SummaryData.Rec;
import org.industrygaps.warehouse.FileRecord;

/**
 * {@code summary.html}: the report for people, one self-contained page in Chinese with English
 * subtitles. The ten industries at a glance, one section per industry (its targets with source and
 * status, a chart per target, the cities' contributions, the data coverage), the plan-wide goals
 * and the rejected rows of the run. Charts are inline SVG drawn here; the page loads nothing
 * (its Content-Security-Policy allows only its own style and script, by hash), and every text is
 * escaped, so content from a drop can never become markup.
 */
public final class SummaryPage {
  /** The page's file name in a report folder. */
  public static final String FILE = "summary.html";

  private static final Map<String, String> TARGET_STATUS_ZH =
      Map.of("official", "正式", "draft", "草案", "illustrative", "示意");
  private static final Map<String, String> VALUE_SOURCE_ZH =
      Map.of("reported", "上报", "sum_of_cities", "城市加总");
  private static final Map<String, String> REASON_ZH =
      Map.ofEntries(
          Map.entry("malformed_line", "行格式错误"),
          Map.entry("unknown_region", "未知地区"),
          Map.entry("unknown_industry", "未知产业"),
          Map.entry("unknown_indicator", "未知指标"),
          Map.entry("invalid_year", "年份无效"),
          Map.entry("year_out_of_range", "年份超出范围"),
          Map.entry("empty_value", "数值为空"),
          Map.entry("non_numeric_value", "数值非数字"),
          Map.entry("negative_value", "数值不应为负"),
          Map.entry("unit_missing", "缺少单位"),
          Map.entry("unit_not_convertible", "单位无法换算"),
          Map.entry("duplicate_row", "重复行"),
          Map.entry("conflicting_duplicate", "同一数据取值冲突"));
  /** Metrics the notes explain, with the data dictionary's labels and definitions. */
  private static final List<String> EXPLAINED =
      List.of("gap_to_target", "progress_share", "time_share", "pace_index", "cagr_actual",
          "cagr_required", "growth_ratio", "projected_value", "status");

  static final String STYLE =
      """
      :root{--ink:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#f8fafc;--card:#fff}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif}
      header.page{background:#0f3d6e;color:#fff;padding:24px 40px 16px}
      header.page h1{margin:0;font-size:24px}
      header.page .en{color:#cbd5e1}
      header.page nav{margin-top:12px;font-size:13px}
      header.page nav a{color:#e0f2fe;margin-right:12px;text-decoration:none;white-space:nowrap}
      main{max-width:1200px;margin:0 auto;padding:8px 40px 40px}
      h1 .en,h2 .en,h3 .en,h4 .en,th .en{display:block;font-size:.68em;font-weight:400}
      h2 .en,h3 .en,h4 .en,th .en{color:var(--muted)}
      .subtitle{margin:4px 0;font-size:16px}
      .meta{margin:4px 0;font-size:13px;color:#e2e8f0}
      .notice{margin:12px 0 0;padding:8px 12px;background:#fef3c7;color:#78350f;border-radius:6px}
      header.page .notice .en{color:#92400e}
      section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 24px;margin:20px 0}
      section h2{margin:0 0 8px;font-size:20px}
      h3{font-size:15px;margin:18px 0 6px}
      h4{font-size:14px;margin:0 0 8px}
      table{border-collapse:collapse;width:100%;font-size:13px}
      th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}
      th{background:#f1f5f9;font-weight:600}
      td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .en{color:var(--muted)}
      td .en{display:block;font-size:12px}
      .pill{display:inline-block;padding:1px 8px;border-radius:999px;color:#fff;font-size:12px;white-space:nowrap}
      .s-target_achieved{background:#15803d}.s-on_track{background:#16a34a}.s-acceleration_needed{background:#ca8a04}
      .s-limited_progress{background:#ea580c}.s-deterioration{background:#dc2626}.s-not_assessable{background:#64748b}
      .badge{display:inline-block;padding:0 6px;border-radius:4px;font-size:12px;border:1px solid;white-space:nowrap}
      .t-official{color:#166534;border-color:#86efac;background:#f0fdf4}
      .t-draft{color:#92400e;border-color:#fcd34d;background:#fffbeb}
      .t-illustrative{color:#991b1b;border-color:#fca5a5;background:#fef2f2}
      .target-card{border-top:1px dashed var(--line);padding-top:12px;margin-top:12px}
      .card-body{display:grid;grid-template-columns:640px minmax(0,1fr);gap:24px;align-items:start}
      .card-body figure{margin:0}
      figcaption{font-size:12px;color:var(--muted)}
      table.metrics th{background:none;font-weight:400;color:var(--ink);white-space:nowrap}
      table.coverage tbody th{background:none;font-weight:400;white-space:nowrap}
      td.src-sum_of_cities{background:#fef3c7}
      .sub{display:block;font-size:12px;color:var(--muted)}
      table.reasons td .en,table.coverage td .en{display:inline;margin-left:6px}
      table.metrics th .small{margin-left:6px}
      table.metrics th,table.metrics td{padding:4px 8px}
      details.goal{font-size:13px;color:#334155;margin:4px 0 8px}
      details.goal summary{cursor:pointer;color:var(--muted)}
      .small{font-size:12px;color:var(--muted)}
      .empty{color:var(--muted);font-style:italic}
      code{font-size:12px}
      footer{max-width:1200px;margin:0 auto;padding:0 40px 40px;color:var(--muted);font-size:12px}
      """;

  /** Checks the page's own DOM once rendered and leaves the verdict in {@code data-check}. */
  static final String SCRIPT =
      """
      (function () {
        var root = document.documentElement;
        var expected = Number(root.getAttribute('data-expected-industries'));
        var sections = document.querySelectorAll('section.industry');
        var problems = [];
        if (sections.length !== expected) {
          problems.push('industry sections: ' + sections.length + ' of ' + expected);
        }
        var charts = 0;
        sections.forEach(function (s) {
          var svgs = s.querySelectorAll('svg.chart');
          if (svgs.length === 0) { problems.push(s.id + ': no chart'); }
          svgs.forEach(function (svg) {
            var box = svg.getBoundingClientRect();
            if (box.width < 100 || box.height < 100) { problems.push(s.id + ': chart not drawn'); }
            charts++;
          });
        });
        root.setAttribute('data-sections', String(sections.length));
        root.setAttribute('data-charts', String(charts));
        root.setAttribute('data-check', problems.length === 0 ? 'ok' : 'failed');
        if (problems.length > 0) { console.error('summary.html self-check: ' + problems.join('; ')); }
      })();
      """;

  private SummaryPage() {}

  /** The page's entry among a run's outputs: rows = its industry sections. */
  public static OutputRecord output(PlanConfig config) {
    return new OutputRecord("summary", FILE, "html", config.plan().industries().size());
  }

  /** The page, UTF-8. */
  public static byte[] render(PlanConfig config, RunManifest manifest, SummaryData data) {
    return new Renderer(config, manifest, data).page().getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(hash) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Renderer {
    private final PlanConfig config;
    private final RunManifest manifest;
    private final SummaryData data;
    private final StringBuilder out = new StringBuilder(256 * 1024);
    private int chartCount;

    Renderer(PlanConfig config, RunManifest manifest, SummaryData data) {
      this.config = config;
      this.manifest = manifest;
      this.data = data;
    }

    String page() {
      var plan = config.plan();
      int targetYear = plan.targetYear();
      out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\" data-expected-industries=\"")
          .append(plan.industries().size()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src ")
          .append(sha256(STYLE)).append("; script-src ").append(sha256(SCRIPT))
          .append("; img-src 'none'; base-uri 'none'; form-action 'none'\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta name=\"generator\" content=\"industry-gaps\">\n<title>")
          .append(esc("十大优势产业 " + targetYear + " 目标差距 · Gap to the " + targetYear
              + " targets · " + manifest.runId()))
          .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
      header();
      out.append("<main>\n");
      overview();
      for (Industry industry : plan.industries()) {
        industry(industry, "industry");
      }
      industry(plan.planWide(), "plan-wide");
      rejected();
      notes();
      out.append("</main>\n");
      footer();
      out.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
      return out.toString();
    }

    private void header() {
      var plan = config.plan();
      out.append("<header class=\"page\">\n<h1>").append(esc(plan.nameZh()))
          .append("<span class=\"en\">").append(esc(plan.nameEn())).append("</span></h1>\n")
          .append("<p class=\"subtitle\">十大优势产业 ").append(plan.targetYear())
          .append(" 年目标差距报告 <span class=\"en\">· Gap to the ").append(plan.targetYear())
          .append(" targets of the ten priority industries</span></p>\n")
          .append("<p class=\"meta\">运行 Run <code>").append(esc(manifest.runId()))
          .append("</code> · 生成于 generated ").append(esc(minutes(manifest.finishedAt())))
          .append(" · 基期 baseline ").append(plan.baselineYear()).append(" · 目标年 target year ")
          .append(plan.targetYear()).append(" · 规划状态 plan status ")
          .append(targetStatus(plan.status())).append("</p>\n");
      if (!"official".equals(plan.status())) {
        out.append("<p class=\"notice\">本规划为").append(esc(TARGET_STATUS_ZH.getOrDefault(plan.status(), plan.status())))
            .append("，所列目标非正式政策，请勿作为正式目标引用。")
            .append(" <span class=\"en\">The plan is a ").append(esc(plan.status()))
            .append(": its targets are not policy; do not quote them as such.</span></p>\n");
      }
      out.append("<nav><a href=\"#overview\">一览 At a glance</a>");
      for (Industry i : config.plan().industries()) {
        out.append("<a href=\"#industry-").append(esc(Html.id(i.code()))).append("\">")
            .append(esc(i.nameZh())).append("</a>");
      }
      out.append("<a href=\"#plan-wide\">").append(esc(plan.planWide().nameZh()))
          .append(" Plan-wide</a><a href=\"#rejected\">拒收行 Rejected rows</a>")
          .append("<a href=\"#notes\">说明 Notes</a></nav>\n</header>\n");
    }

    private void overview() {
      out.append("<section id=\"overview\">\n<h2>十大产业一览<span class=\"en\">The ten industries at a")
          .append(" glance</span></h2>\n<table>\n<thead><tr>")
          .append(th("产业", "Industry", false)).append(th("目标", "Target", true))
          .append(th("最新值", "Latest", true)).append(th("距目标差距", "Gap to target", true))
          .append(th("任务完成度 / 时间进度", "Progress vs time elapsed", false))
          .append(th("评估", "Status", false)).append("</tr></thead>\n<tbody>\n");
      for (Industry industry : config.plan().industries()) {
        Rec g = primaryTarget(industry.code());
        out.append("<tr><td><a href=\"#industry-").append(esc(Html.id(industry.code())))
            .append("\">").append(esc(industry.nameZh())).append("</a><span class=\"en\">")
            .append(esc(industry.nameEn())).append("</span></td>");
        if (g == null) {
          out.append("<td class=\"num\">").append(NONE).append("</td><td class=\"num\">")
              .append(NONE).append("</td><td class=\"num\">").append(NONE)
              .append("</td><td></td><td><span class=\"empty\">无目标 no target</span></td></tr>\n");
          continue;
        }
        String unit = g.s("unit");
        out.append("<td class=\"num\">").append(esc(amount(g.d("target_value"), unit)))
            .append(" <span class=\"en\">").append(esc(g.s("indicator_name_zh"))).append(' ')
            .append(g.i("target_year")).append(' ').append(targetStatus(g.s("target_status")))
            .append("</span></td><td class=\"num\">").append(esc(amount(g.d("latest_value"), unit)))
            .append("<span class=\"en\">").append(HumanFormat.year(g.i("latest_year")))
            .append("</span></td><td class=\"num\">").append(gap(g)).append("</td><td>")
            .append(bars(g)).append("</td><td>").append(status(g)).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n<p class=\"small\">每个产业取全省第一个目标。任务完成度 = (最新 − 基期) / (目标 − 基期)，")
          .append("时间进度 = 已过年数 / 规划年数；任务完成度低于时间进度即落后于进度。")
          .append(" <span class=\"en\">The province's first target of each industry. Progress = (latest")
          .append(" − baseline) / (target − baseline); time elapsed = years passed / years of the plan;")
          .append(" progress below time elapsed is behind schedule.</span></p>\n</section>\n");
    }

    /** The progress share against the time share, two bars. */
    private String bars(Rec g) {
      Double progress = g.d("progress_share");
      Double time = g.d("time_share");
      String status = Html.id(g.s("status"));
      StringBuilder svg = new StringBuilder(
          "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"160\" height=\"26\""
              + " viewBox=\"0 0 160 26\" role=\"img\" aria-label=\"");
      svg.append(esc("任务完成度 progress " + percent(progress) + ", 时间进度 time " + percent(time)))
          .append("\"><rect x=\"0\" y=\"2\" width=\"160\" height=\"9\" fill=\"#e2e8f0\"/>")
          .append("<rect x=\"0\" y=\"2\" width=\"").append(SummaryChart.f(160 * clamp(progress)))
          .append("\" height=\"9\" fill=\"").append(statusColor(status)).append("\"/>")
          .append("<rect x=\"0\" y=\"15\" width=\"160\" height=\"9\" fill=\"#e2e8f0\"/>")
          .append("<rect x=\"0\" y=\"15\" width=\"").append(SummaryChart.f(160 * clamp(time)))
          .append("\" height=\"9\" fill=\"#94a3b8\"/></svg>");
      return svg + "<span class=\"en\">" + esc(percent(progress)) + " / " + esc(percent(time))
          + "</span>";
    }

    private static double clamp(Double share) {
      return share == null || share.isNaN() ? 0 : Math.max(0, Math.min(1, share));
    }

    private static String statusColor(String status) {
      return switch (status) {
        case "target_achieved" -> "#15803d";
        case "on_track" -> "#16a34a";
        case "acceleration_needed" -> "#ca8a04";
        case "limited_progress" -> "#ea580c";
        case "deterioration" -> "#dc2626";
        default -> "#64748b";
      };
    }

    private void industry(Industry industry, String kind) {
      String code = industry.code();
      List<Rec> targets = rows(data.gaps(), code);
      String id = kind.equals("industry") ? "industry-" + Html.id(code) : "plan-wide";
      out.append("<section class=\"").append(kind).append("\" id=\"").append(esc(id)).append("\">\n<h2>")
          .append(esc(industry.nameZh())).append(' ');
      Rec primary = primaryTarget(code);
      if (primary != null) {
        out.append(status(primary));
      }
      out.append("<span class=\"en\">").append(esc(industry.nameEn())).append("</span></h2>\n");
      List<String> places = industry.keyPlaces() == null ? List.of() : industry.keyPlaces();
      if (!places.isEmpty()) {
        out.append("<p class=\"small\">重点地区 Key places: ")
            .append(places.stream().map(this::regionName).map(Html::esc).collect(Collectors.joining(" · ")))
            .append("</p>\n");
      }
      if (kind.equals("plan-wide")) {
        goals(config.plan().goalsZh(), config.plan().goalsEn());
      } else if (industry.goalZh() != null) {
        goals(List.of(industry.goalZh()), industry.goalEn() == null ? List.of() : List.of(industry.goalEn()));
      }
      out.append("<h3>目标<span class=\"en\">Targets: value, source and status</span></h3>\n");
      if (targets.isEmpty()) {
        out.append("<p class=\"empty\">规划未给出量化目标 · The plan sets no quantified target.</p>\n");
      } else {
        out.append("<table class=\"targets\"><thead><tr>").append(th("指标", "Indicator", false))
            .append(th("地区", "Region", false)).append(th("目标年", "Year", true))
            .append(th("目标值", "Target", true)).append(th("目标状态", "Status of the target", false))
            .append(th("来源", "Source", false)).append("</tr></thead><tbody>\n");
        for (Rec t : targets) {
          out.append("<tr><td>").append(esc(t.s("indicator_name_zh"))).append("<span class=\"en\">")
              .append(esc(t.s("indicator_name_en"))).append("</span></td><td>")
              .append(esc(t.s("region_name_zh"))).append("<span class=\"en\">")
              .append(esc(t.s("region_name_en"))).append("</span></td><td class=\"num\">")
              .append(HumanFormat.year(t.i("target_year"))).append("</td><td class=\"num\">")
              .append(esc(amount(t.d("target_value"), t.s("unit")))).append("</td><td>")
              .append(targetStatus(t.s("target_status"))).append("</td><td class=\"small\">")
              .append(esc(t.s("target_source"))).append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
        for (Rec t : targets) {
          targetCard(t);
        }
      }
      cities(code, targets);
      coverage(code);
      revisions(code);
      out.append("</section>\n");
    }

    private void goals(List<String> zh, List<String> en) {
      if (zh == null || zh.isEmpty()) {
        return;
      }
      out.append("<details class=\"goal\"><summary>规划任务原文 · The plan's text</summary>");
      for (String p : zh) {
        out.append("<p>").append(esc(p)).append("</p>");
      }
      for (String p : en == null ? List.<String>of() : en) {
        out.append("<p class=\"en\">").append(esc(p)).append("</p>");
      }
      out.append("</details>\n");
    }

    private void targetCard(Rec t) {
      String unit = t.s("unit");
      int targetYear = t.i("target_year");
      List<SummaryChart.Point> points = new ArrayList<>();
      for (Rec r : data.trajectory()) {
        if (sameTarget(r, t)) {
          points.add(new SummaryChart.Point(r.i("year"), r.d("actual_value"),
              r.d("required_value"), r.d("projected_value")));
        }
      }
      SummaryChart.Trend trend =
          t.d("trend_lower") == null ? null
              : new SummaryChart.Trend(t.d("trend_projected_value"), t.d("trend_lower"), t.d("trend_upper"));
      String title = t.s("indicator_name_zh") + " · " + t.s("region_name_zh") + " → " + targetYear;
      String titleEn = t.s("indicator_name_en") + " · " + t.s("region_name_en") + " → " + targetYear;
      out.append("<div class=\"target-card\">\n<h4>").append(esc(title)).append(" ")
          .append(status(t)).append("<span class=\"en\">").append(esc(titleEn)).append("</span></h4>\n")
          .append("<div class=\"card-body\">\n<figure>")
          .append(SummaryChart.svg("chart-" + (++chartCount),
              title + " (" + unit + "): 实际值、目标路径与预测路径 actual, required and projected paths",
              points, targetYear, t.d("target_value"), trend, unit))
          .append("<figcaption>单位 unit: ").append(esc(unit))
          .append("。实线为实际值，虚线为达到目标所需路径，点线为按实际年均增速外推；灰色竖线为趋势预测 95% 区间。")
          .append(" <span class=\"en\">Solid: actual; dashed: the path required to reach the target;")
          .append(" dotted: the actual growth carried on; grey bar: the trend's 95% interval.</span>")
          .append("</figcaption></figure>\n<table class=\"metrics\"><tbody>\n");
      metric("基期", "Baseline " + HumanFormat.year(t.i("baseline_year")), amount(t.d("baseline_value"), unit));
      String source = t.s("latest_value_source");
      metric("最新值", "Latest " + HumanFormat.year(t.i("latest_year")),
          amount(t.d("latest_value"), unit)
              + (source == null ? "" : " (" + VALUE_SOURCE_ZH.getOrDefault(source, source) + ")"));
      metricHtml("距目标差距", "Gap to target", gap(t));
      metric("任务完成度", "Progress", percent(t.d("progress_share")));
      metric("时间进度", "Time elapsed", percent(t.d("time_share")));
      metric("进度指数", "Pace index, ≥ 1 on pace", HumanFormat.ratio(t.d("pace_index")));
      metric("实际年均增速", "Actual CAGR", HumanFormat.signedPercent(t.d("cagr_actual")));
      metric("所需年均增速", "Required CAGR", HumanFormat.signedPercent(t.d("cagr_required")));
      metric("此后所需年均增速", "Needed CAGR", HumanFormat.signedPercent(t.d("cagr_needed_from_latest")));
      metric("目标年预测值", "Projected " + targetYear, amount(t.d("projected_value"), unit));
      if (trend != null) {
        metricHtml("趋势预测", "Trend " + targetYear,
            esc(amount(trend.value(), unit)) + "<span class=\"sub\">95% "
                + esc(HumanFormat.number(trend.lower(), unit) + " – "
                    + HumanFormat.number(trend.upper(), unit)) + "</span>");
      }
      metricHtml("评估", "Status, growth ratio " + HumanFormat.ratio(t.d("growth_ratio")),
          status(t) + (t.s("not_assessable_reason") == null ? ""
              : " <span class=\"small\">" + esc(t.s("not_assessable_reason")) + "</span>"));
      out.append("</tbody></table>\n</div>\n</div>\n");
    }

    private void metric(String zh, String en, String value) {
      metricHtml(zh, en, esc(value));
    }

    private void metricHtml(String zh, String en, String html) {
      out.append("<tr><th>").append(esc(zh)).append(" <span class=\"small\">").append(esc(en))
          .append("</span></th><td class=\"num\">").append(html).append("</td></tr>\n");
    }

    private void cities(String industry, List<Rec> targets) {
      List<String> indicators = targets.stream().map(t -> t.s("indicator")).distinct().toList();
      out.append("<h3>城市贡献<span class=\"en\">The cities' contributions, latest year</span></h3>\n");
      boolean any = false;
      for (String indicator : indicators) {
        List<Rec> rows =
            data.cities().stream()
                .filter(r -> industry.equals(r.s("industry")) && indicator.equals(r.s("indicator")))
                .toList();
        if (rows.isEmpty()) {
          continue;
        }
        any = true;
        Rec first = rows.get(0);
        String unit = first.s("unit");
        out.append("<p class=\"small\">").append(esc(first.s("indicator_name_zh"))).append(' ')
            .append(first.i("year")).append(" · 全省 province ")
            .append(esc(amount(first.d("province_value"), unit))).append(" · ")
            .append(rows.size()).append(" 个城市上报 cities reporting</p>\n")
            .append("<table class=\"cities\"><thead><tr>").append(th("城市", "City", false))
            .append(th("数值", "Value", true)).append(th("占全省比重", "Share of province", false))
            .append(th("同比增长", "Growth", true)).append(th("对全省增长的贡献", "Contribution to growth", true))
            .append("</tr></thead><tbody>\n");
        for (Rec r : rows) {
          Double share = r.d("share_of_province");
          out.append("<tr><td>").append(esc(r.s("region_name_zh"))).append("<span class=\"en\">")
              .append(esc(r.s("region_name_en"))).append("</span></td><td class=\"num\">")
              .append(esc(amount(r.d("value"), unit))).append("</td><td class=\"num\">")
              .append("<svg class=\"share\" xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"10\" aria-hidden=\"true\">")
              .append("<rect width=\"120\" height=\"10\" fill=\"#e2e8f0\"/><rect width=\"")
              .append(SummaryChart.f(120 * clamp(share))).append("\" height=\"10\" fill=\"")
              .append(SummaryChart.ACTUAL).append("\"/></svg> ").append(esc(percent(share)))
              .append("</td><td class=\"num\">").append(esc(HumanFormat.signedPercent(r.d("growth"))))
              .append("</td><td class=\"num\">").append(esc(HumanFormat.points(r.d("contribution_to_growth"))))
              .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
      }
      if (!any) {
        out.append("<p class=\"empty\">无城市数据 · No city values for the targeted indicators.</p>\n");
      }
    }

    /** Per targeted indicator one table, the years across: value, its source, cities reporting. */
    private void coverage(String industry) {
      List<Rec> rows = rows(data.coverage(), industry);
      out.append("<h3>数据覆盖<span class=\"en\">Data coverage of the province values</span></h3>\n");
      if (rows.isEmpty()) {
        out.append("<p class=\"empty\">无数据 · No data.</p>\n");
        return;
      }
      for (String indicator : rows.stream().map(r -> r.s("indicator")).distinct().toList()) {
        List<Rec> years = rows.stream().filter(r -> indicator.equals(r.s("indicator"))).toList();
        Rec first = years.get(0);
        out.append("<p class=\"small\">").append(esc(first.s("indicator_name_zh"))).append(' ')
            .append(esc(first.s("indicator_name_en"))).append(" · ").append(esc(first.s("unit")))
            .append("</p>\n<table class=\"coverage\"><thead><tr>").append(th("年份", "Year", false));
        years.forEach(r -> out.append("<th class=\"num\">").append(HumanFormat.year(r.i("year"))).append("</th>"));
        out.append("</tr></thead><tbody>\n<tr>").append(th("全省值", "Province value", false));
        years.forEach(r -> out.append("<td class=\"num\">")
            .append(esc(HumanFormat.number(r.d("value"), r.s("unit")))).append("</td>"));
        out.append("</tr>\n<tr>").append(th("来源", "Source", false));
        years.forEach(r -> {
          String source = r.s("value_source");
          out.append("<td class=\"num src-").append(esc(Html.id(source))).append("\">")
              .append(esc(VALUE_SOURCE_ZH.getOrDefault(source, source))).append("<span class=\"en\">")
              .append(esc(source)).append("</span></td>");
        });
        out.append("</tr>\n");
        var definition = config.indicator(indicator);
        if (definition != null && Boolean.TRUE.equals(definition.additive())) {
          out.append("<tr>").append(th("上报城市", "Cities reporting", false));
          years.forEach(r -> out.append("<td class=\"num\">").append(r.l("cities_reporting"))
              .append(" / ").append(r.i("cities_total")).append("</td>"));
          out.append("</tr>\n<tr>").append(th("城市覆盖率", "Coverage", false));
          years.forEach(r -> out.append("<td class=\"num\">")
              .append(esc(percent(r.d("coverage_share")))).append("</td>"));
          out.append("</tr>\n");
        } else {
          out.append("<tr><td colspan=\"").append(years.size() + 1).append("\" class=\"small\">")
              .append("该指标城市数值不可加总，仅采用全省上报值。")
              .append(" City values of this indicator do not add up: only reported province values count.")
              .append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
      }
    }

    private void revisions(String industry) {
      List<Rec> rows = rows(data.revisions(), industry);
      if (rows.isEmpty()) {
        return;
      }
      out.append("<h3>数据修订<span class=\"en\">Revisions by later drops</span></h3>\n")
          .append("<table class=\"revisions\"><thead><tr>").append(th("指标", "Indicator", false))
          .append(th("地区", "Region", false)).append(th("年份", "Year", true))
          .append(th("原值", "Old", true)).append(th("修订值", "New", true))
          .append(th("幅度", "Change", true)).append(th("数据批次", "Drops", false))
          .append("</tr></thead><tbody>\n");
      for (Rec r : rows) {
        out.append("<tr><td>").append(esc(r.s("indicator_name_zh"))).append("</td><td>")
            .append(esc(r.s("region_name_zh"))).append("</td><td class=\"num\">")
            .append(HumanFormat.year(r.i("year"))).append("</td><td class=\"num\">")
            .append(esc(amount(r.d("old_value"), r.s("unit")))).append("</td><td class=\"num\">")
            .append(esc(amount(r.d("new_value"), r.s("unit")))).append("</td><td class=\"num\">")
            .append(esc(HumanFormat.signedPercent(r.d("change_share")))).append("</td><td class=\"small\">")
            .append(esc(r.s("old_drop"))).append(" → ").append(esc(r.s("new_drop")))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }

    private void rejected() {
      var totals = manifest.totals();
      out.append("<section id=\"rejected\">\n<h2>拒收行<span class=\"en\">Rejected rows of the input</span></h2>\n")
          .append("<p>读入 ").append(totals.rowsRead()).append(" 行，接收 ").append(totals.rowsAccepted())
          .append(" 行，拒收 ").append(totals.rowsRejected()).append(" 行。")
          .append(" <span class=\"en\">").append(totals.rowsRead()).append(" rows read, ")
          .append(totals.rowsAccepted()).append(" accepted, ").append(totals.rowsRejected())
          .append(" rejected; every rejected row is in rejected_rows.csv.</span></p>\n");
      Map<String, Long> byReason = new TreeMap<>();
      List<FileRecord> files = new ArrayList<>();
      for (RunManifest.DropEntry d : manifest.drops()) {
        for (FileRecord f : d.files()) {
          files.add(f);
          if (f.rejectedByReason() != null) {
            f.rejectedByReason().forEach((reason, n) -> byReason.merge(reason, n, Long::sum));
          }
        }
      }
      if (!byReason.isEmpty()) {
        out.append("<h3>按原因<span class=\"en\">By reason</span></h3>\n<table class=\"reasons\"><thead><tr>")
            .append(th("原因", "Reason", false)).append(th("行数", "Rows", true))
            .append("</tr></thead><tbody>\n");
        byReason.forEach((reason, n) -> out.append("<tr><td>")
            .append(esc(REASON_ZH.getOrDefault(reason, reason))).append("<span class=\"en\">")
            .append(esc(reason)).append("</span></td><td class=\"num\">").append(n).append("</td></tr>\n"));
        out.append("</tbody></table>\n");
      }
      out.append("<h3>按文件<span class=\"en\">By file</span></h3>\n<table class=\"files\"><thead><tr>")
          .append(th("文件", "File", false)).append(th("读入", "Read", true))
          .append(th("接收", "Accepted", true)).append(th("拒收", "Rejected", true))
          .append("</tr></thead><tbody>\n");
      for (FileRecord f : files) {
        out.append("<tr><td><code>").append(esc(f.file())).append("</code></td><td class=\"num\">")
            .append(f.rowsRead()).append("</td><td class=\"num\">").append(f.rowsAccepted())
            .append("</td><td class=\"num\">").append(f.rowsRejected()).append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
      if (!data.rejected().isEmpty()) {
        out.append("<h3>示例<span class=\"en\">The first ").append(data.rejected().size())
            .append(" rejected rows</span></h3>\n<table class=\"rejected\"><thead><tr>")
            .append(th("文件", "File", false)).append(th("行", "Line", true))
            .append(th("原因", "Reason", false)).append(th("说明", "Detail", false))
            .append(th("原始内容", "Raw", false)).append("</tr></thead><tbody>\n");
        for (Rec r : data.rejected()) {
          out.append("<tr><td><code>").append(esc(r.s("file"))).append("</code></td><td class=\"num\">")
              .append(r.l("line")).append("</td><td>")
              .append(esc(REASON_ZH.getOrDefault(r.s("reason"), r.s("reason"))))
              .append("<span class=\"en\">").append(esc(r.s("reason"))).append("</span></td><td>")
              .append(esc(r.s("detail"))).append("</td><td><code>").append(esc(r.s("raw")))
              .append("</code></td></tr>\n");
        }
        out.append("</tbody></table>\n");
      }
      out.append("</section>\n");
    }

    private void notes() {
      ColumnDictionary.Output gaps = ColumnDictionary.output("gaps");
      out.append("<section id=\"notes\">\n<h2>说明<span class=\"en\">Notes and definitions</span></h2>\n<table><tbody>\n");
      for (String name : EXPLAINED) {
        ColumnDictionary.Column c = gaps.column(name);
        out.append("<tr><th>").append(esc(c.labelZh())).append("<span class=\"en\">")
            .append(esc(c.name())).append("</span></th><td>").append(esc(c.definition()))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n<p class=\"small\">d = +1 when higher is better, −1 when lower is")
          .append(" better. Every column of every table: docs/data-dictionary.md. 数据文件 Data:")
          .append(" <a href=\"csv/all_industries.csv\">csv/all_industries.csv</a> ·")
          .append(" <a href=\"rejected_rows.csv\">rejected_rows.csv</a> ·")
          .append(" <a href=\"manifest.json\">manifest.json</a></p>\n</section>\n");
    }

    private void footer() {
      var e = manifest.engine();
      out.append("<footer>").append(esc(e.application())).append(" · Spark ").append(esc(e.spark()))
          .append(" · Java ").append(esc(e.java())).append(" · 数据批次 drops: ")
          .append(esc(manifest.drops().stream().map(RunManifest.DropEntry::drop)
              .collect(Collectors.joining(", "))))
          .append("</footer>\n");
    }

    /** An ISO instant to the minute: {@code 2026-03-31 08:15 UTC}. */
    private static String minutes(String instant) {
      try {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.parse(instant));
      } catch (RuntimeException e) {
        return instant;
      }
    }

    private String gap(Rec g) {
      Double gap = g.d("gap_to_target");
      if (gap == null) {
        return NONE;
      }
      if (gap <= 0) {
        return "已达标 <span class=\"en\">met, " + esc(amount(-gap, g.s("unit"))) + " beyond</span>";
      }
      return esc(amount(gap, g.s("unit")));
    }

    private static String status(Rec g) {
      String code = g.s("status");
      return "<span class=\"pill s-" + esc(Html.id(code)) + "\" title=\"" + esc(code) + "\">"
          + esc(g.s("status_zh")) + " · " + esc(code) + "</span>";
    }

    private static String targetStatus(String status) {
      return "<span class=\"badge t-" + esc(Html.id(status)) + "\">"
          + esc(TARGET_STATUS_ZH.getOrDefault(status, status)) + " " + esc(status) + "</span>";
    }

    private static String th(String zh, String en, boolean numeric) {
      return "<th" + (numeric ? " class=\"num\"" : "") + ">" + esc(zh) + "<span class=\"en\">"
          + esc(en) + "</span></th>";
    }

    private String regionName(String code) {
      Region r = config.region(code);
      return r == null ? code : r.shortZh() != null ? r.shortZh() : r.nameZh();
    }

    /** The first target of {@code industry} in the province, else its first target. */
    private Rec primaryTarget(String industry) {
      List<Rec> targets = rows(data.gaps(), industry);
      String province = config.province().code();
      for (var t : config.targets()) {
        if (t.industry().equals(industry) && t.region().equals(province)) {
          for (Rec g : targets) {
            if (g.s("indicator").equals(t.indicator()) && g.s("region").equals(province)
                && Objects.equals(g.i("target_year"), t.year())) {
              return g;
            }
          }
        }
      }
      return targets.isEmpty() ? null : targets.get(0);
    }

    private static List<Rec> rows(List<Rec> rows, String industry) {
      return rows.stream().filter(r -> industry.equals(r.s("industry"))).toList();
    }

    private static boolean sameTarget(Rec a, Rec b) {
      return Objects.equals(a.s("industry"), b.s("industry"))
          && Objects.equals(a.s("indicator"), b.s("indicator"))
          && Objects.equals(a.s("region"), b.s("region"))
          && Objects.equals(a.i("target_year"), b.i("target_year"));
    }
  }
}
