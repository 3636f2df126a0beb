package org.industrygaps.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.industrygaps.config.PlanConfig;
import org.industrygaps.config.Target;
import org.industrygaps.report.SummaryData.Rec;
import org.industrygaps.warehouse.FileRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * summary.html without Spark or a browser: self-contained, every text escaped (content from a drop
 * never becomes markup), one section and chart per industry, numbers formatted for people.
 */
class SummaryPageTest {
  static final String EVIL = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'&";

  private static PlanConfig config;
  private static String page;

  @BeforeAll
  static void render() {
    config = org.industrygaps.TestSpark.sampleConfig();
    page = new String(SummaryPage.render(config, manifest(), data()), StandardCharsets.UTF_8);
  }

  static RunManifest manifest() {
    FileRecord file =
        new FileRecord(EVIL + "/cities.csv", "abc", 10, 5, 3, 2,
            Map.of("unknown_region", 1L, EVIL, 1L), "2026-01-01T00:00:00Z", Map.of(2021, 3L));
    return new RunManifest("20260101T000000.000Z", "run", "2026-01-01T00:00:00Z",
        "2026-01-01T00:01:00Z",
        new RunManifest.PlanInfo("sichuan-zhufeng-2023", "plan", 2022, 2027, "draft"),
        Map.of(), "file:/in", "file:/out",
        List.of(new RunManifest.DropEntry(EVIL, EVIL, null, "2026-01-01T00:00:00Z", "r", true,
            List.of(file))),
        new RunManifest.Totals(5, 3, 2), List.of(),
        new RunManifest.Engine("industry-gaps dev", "4.2.0", "2.13", "17"));
  }

  /** A gap row and trajectory for every target of the sample plan; evil text where drops reach. */
  static SummaryData data() {
    List<Rec> gaps = new ArrayList<>();
    List<Rec> trajectory = new ArrayList<>();
    for (Target t : config.targets()) {
      gaps.add(Rec.of("industry", t.industry(), "indicator", t.indicator(), "region", t.region(),
          "indicator_name_zh", "营业收入", "indicator_name_en", "Operating revenue",
          "region_name_zh", "四川省", "region_name_en", "Sichuan", "unit", "亿元",
          "target_year", t.year(), "target_value", t.value(), "target_source", EVIL,
          "target_status", t.status(), "baseline_year", 2022, "baseline_value", 1000.0,
          "latest_year", 2025, "latest_value", 1234.56, "gap_to_target", t.value() - 1234.56,
          "progress_share", 0.4584837545126354, "time_share", 0.6, "pace_index", 0.76,
          "cagr_actual", 0.0727, "cagr_required", 0.1, "cagr_needed_from_latest", 0.2,
          "growth_ratio", 0.727, "projected_value", 1500.0, "status", "acceleration_needed",
          "status_zh", "需加快", "latest_value_source", "reported"));
      for (int year = 2019; year <= t.year(); year++) {
        trajectory.add(Rec.of("industry", t.industry(), "indicator", t.indicator(),
            "region", t.region(), "target_year", t.year(), "year", year,
            "actual_value", year <= 2025 ? 900.0 + 50 * (year - 2019) : null,
            "required_value", year >= 2022 ? 1000.0 * Math.pow(1.1, year - 2022) : null,
            "projected_value", year >= 2025 ? 1234.56 * Math.pow(1.07, year - 2025) : null,
            "target_value", t.value()));
      }
    }
    List<Rec> cities = List.of(Rec.of("industry", "power_battery", "indicator", "revenue",
        "region", "511500", "region_name_zh", EVIL, "region_name_en", "Yibin", "unit", "亿元",
        "indicator_name_zh", "营业收入", "year", 2025, "value", 1180.0, "province_value", 3500.0,
        "share_of_province", 0.3371, "growth", 0.125, "contribution_to_growth", 0.0431));
    List<Rec> rejected = List.of(Rec.of("drop", EVIL, "file", EVIL, "line", 5L,
        "reason", "unknown_region", "detail", EVIL, "raw", EVIL));
    return new SummaryData(gaps, trajectory, cities, List.of(), List.of(), rejected);
  }

  @Test
  void textFromDropsAndConfigurationIsEscapedEverywhere() {
    assertThat(page).doesNotContain("<script>alert").doesNotContain("<img")
        .doesNotContain("onerror=alert(2)>");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x");
    assertThat(count(page, "<script")).as("the page's own script only").isEqualTo(1);
  }

  @Test
  void thePageLoadsNothingAndAllowsOnlyItsOwnStyleAndScript() {
    assertThat(page).doesNotContain("<link").doesNotContain("<img").doesNotContain("<iframe")
        .doesNotContain("@import").doesNotContain("url(")
        .doesNotContainPattern("<[^>]*\\s(src|srcset|data|action|formaction)=")
        .doesNotContainPattern("<[^>]*\\son[a-z]+=");
    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]+)\"").matcher(page);
    assertThat(csp.find()).isTrue();
    assertThat(csp.group(1)).startsWith("default-src 'none';")
        .contains("style-src " + SummaryPage.sha256(SummaryPage.STYLE))
        .contains("script-src " + SummaryPage.sha256(SummaryPage.SCRIPT));
    assertThat(page).contains("<style>" + SummaryPage.STYLE + "</style>")
        .contains("<script>" + SummaryPage.SCRIPT + "</script>");
    // Links stay in the report folder.
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
    while (href.find()) {
      assertThat(href.group(1)).doesNotContain(":").doesNotStartWith("/");
    }
  }

  @Test
  void everyIndustryHasItsSectionWithAChartAndThePlanWideGoalsTheirs() {
    List<String> sections = SummaryPageBrowserTest.industrySections(page);
    assertThat(sections).hasSize(10);
    for (var industry : config.plan().industries()) {
      assertThat(page).contains("<section class=\"industry\" id=\"industry-" + industry.code() + "\">");
    }
    sections.forEach(s -> assertThat(s).contains("<svg class=\"chart\"").contains("<polyline"));
    assertThat(page).contains("<section class=\"plan-wide\" id=\"plan-wide\">")
        .contains("<section id=\"rejected\">").contains("data-expected-industries=\"10\"");
  }

  @Test
  void targetsShowTheirStatusAndNumbersAreForPeople() {
    assertThat(page).contains("<span class=\"badge t-draft\">草案 draft</span>")
        .contains("5,000 亿元").contains("1,234.6 亿元").contains("45.8%").contains("60.0%")
        .contains("需加快 · acceleration_needed").contains("+7.3%").contains("+4.3 pp")
        .contains("本规划为草案");
  }

  @Test
  void humanFormat() {
    assertThat(HumanFormat.amount(3086.4, "亿元")).isEqualTo("3,086.4 亿元");
    assertThat(HumanFormat.amount(5000.0, "亿元")).isEqualTo("5,000 亿元");
    assertThat(HumanFormat.amount(1.0E7, "亿元")).isEqualTo("10,000,000 亿元");
    assertThat(HumanFormat.amount(12.345, "GWh")).isEqualTo("12.35 GWh");
    assertThat(HumanFormat.amount(4.0, "家")).isEqualTo("4 家");
    assertThat(HumanFormat.amount(null, "亿元")).isEqualTo("—");
    assertThat(HumanFormat.amount(Double.NaN, "亿元")).isEqualTo("—");
    assertThat(HumanFormat.number(-3.2, "亿元")).isEqualTo("-3.2");
    assertThat(HumanFormat.percent(0.4584837545126354)).isEqualTo("45.8%");
    assertThat(HumanFormat.percent(1.0)).isEqualTo("100.0%");
    assertThat(HumanFormat.percent(-0.00001)).isEqualTo("0.0%");
    assertThat(HumanFormat.signedPercent(0.1621)).isEqualTo("+16.2%");
    assertThat(HumanFormat.signedPercent(-0.05)).isEqualTo("-5.0%");
    assertThat(HumanFormat.points(0.031)).isEqualTo("+3.1 pp");
    assertThat(HumanFormat.ratio(0.7641)).isEqualTo("0.76");
  }

  @Test
  void chartScalesAreRound() {
    assertThat(SummaryChart.niceStep(5000, 5)).isEqualTo(1000);
    assertThat(SummaryChart.niceStep(5, 5)).isEqualTo(1);
    assertThat(SummaryChart.niceStep(1200, 5)).isEqualTo(250);
    assertThat(SummaryChart.niceStep(0.3, 5)).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
