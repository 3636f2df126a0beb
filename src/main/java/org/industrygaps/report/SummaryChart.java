package org.industrygaps.report;

import static org.industrygaps.report.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The chart of one target as inline SVG (no script, no external resource): the actual values, the
 * path required to reach the target, the path projected from the actual growth (all from the
 * trajectory table), the target, and the trend's 95% interval where there is one.
 */
final class SummaryChart {
  static final int WIDTH = 640;
  static final int HEIGHT = 290;
  private static final int LEFT = 70;
  private static final int RIGHT = 28;
  private static final int TOP = 18;
  private static final int BOTTOM = 74;

  static final String ACTUAL = "#1d4ed8";
  static final String REQUIRED = "#ea580c";
  static final String PROJECTED = "#7c3aed";
  static final String TARGET = "#b91c1c";
  static final String TREND = "#64748b";

  /** One year of the trajectory. */
  record Point(int year, Double actual, Double required, Double projected) {}

  /** The trend's interval in the target year (UN progress chart), or null. */
  record Trend(Double value, Double lower, Double upper) {}

  private SummaryChart() {}

  static String svg(
      String id, String title, List<Point> points, int targetYear, Double target, Trend trend,
      String unit) {
    int firstYear = points.isEmpty() ? targetYear - 1 : points.get(0).year();
    int lastYear = Math.max(targetYear, points.isEmpty() ? targetYear : points.get(points.size() - 1).year());
    if (firstYear >= lastYear) {
      firstYear = lastYear - 1;
    }
    double lo = 0;
    double hi = 0;
    List<Double> all = new ArrayList<>();
    for (Point p : points) {
      all.add(p.actual());
      all.add(p.required());
      all.add(p.projected());
    }
    all.add(target);
    if (trend != null) {
      all.add(trend.value()); // its interval may be wide: drawn clipped to the plot
    }
    for (Double v : all) {
      if (v != null && Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (hi <= lo) {
      hi = lo + 1;
    }
    double step = niceStep(hi - lo, 5);
    double yMin = Math.floor(lo / step) * step;
    double yMax = Math.ceil(hi / step) * step;
    Scale s = new Scale(firstYear, lastYear, yMin, yMax);

    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"")
        .append(esc(id)).append("-title\"><title id=\"").append(esc(id)).append("-title\">")
        .append(esc(title)).append("</title>");

    // Grid and axes.
    svg.append("<g class=\"axis\" font-size=\"11\" fill=\"#475569\">");
    for (double v = yMin; v <= yMax + step / 2; v += step) {
      double y = s.y(v);
      svg.append(line(LEFT, y, WIDTH - RIGHT, y, "#e2e8f0", 1, null))
          .append(text(LEFT - 8, y + 4, "end", HumanFormat.number(v, null)));
    }
    int span = lastYear - firstYear;
    int every = span <= 12 ? 1 : span <= 24 ? 2 : 5;
    for (int year = firstYear; year <= lastYear; year++) {
      if ((year - firstYear) % every == 0 || year == lastYear) {
        double x = s.x(year);
        svg.append(line(x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 5, "#94a3b8", 1, null))
            .append(text(x, HEIGHT - BOTTOM + 18, "middle", Integer.toString(year)));
      }
    }
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, "#94a3b8", 1, null))
        .append("</g>");

    // Target line and marker.
    if (target != null) {
      double ty = s.y(target);
      svg.append(line(LEFT, ty, WIDTH - RIGHT, ty, TARGET, 1, "2 4"));
      double tx = s.x(targetYear);
      svg.append("<path class=\"target\" fill=\"").append(TARGET).append("\" d=\"M")
          .append(f(tx)).append(' ').append(f(ty - 7)).append(" l7 7 l-7 7 l-7 -7 z\"><title>")
          .append(esc("目标 target " + targetYear + ": " + HumanFormat.amount(target, unit)))
          .append("</title></path>");
    }
    // The trend's 95% interval in the target year.
    if (trend != null && trend.lower() != null && trend.upper() != null) {
      double x = s.x(targetYear) + 14;
      double low = s.y(Math.max(trend.lower(), yMin));
      double high = s.y(Math.min(trend.upper(), yMax));
      svg.append("<g class=\"trend\" stroke=\"").append(TREND).append("\" stroke-width=\"1.5\">")
          .append(line(x, low, x, high, TREND, 1.5, null));
      // A cap where the interval ends inside the plot; none where it goes on beyond.
      if (trend.lower() >= yMin) {
        svg.append(line(x - 4, low, x + 4, low, TREND, 1.5, null));
      }
      if (trend.upper() <= yMax) {
        svg.append(line(x - 4, high, x + 4, high, TREND, 1.5, null));
      }
      svg
          .append("<title>")
          .append(esc("趋势预测 95% 区间 trend 95% interval: " + HumanFormat.number(trend.lower(), unit)
              + " – " + HumanFormat.amount(trend.upper(), unit)))
          .append("</title></g>");
    }
    svg.append(series(points, s, Point::required, "required", REQUIRED, 2, "7 4", unit, false));
    svg.append(series(points, s, Point::projected, "projected", PROJECTED, 2, "2 3", unit, false));
    svg.append(series(points, s, Point::actual, "actual", ACTUAL, 2.5, null, unit, true));

    // Legend.
    int ly = HEIGHT - 22;
    svg.append("<g class=\"legend\" font-size=\"11\" fill=\"#334155\">");
    svg.append(legend(LEFT, ly, ACTUAL, null, "实际值 actual"))
        .append(legend(LEFT + 130, ly, REQUIRED, "7 4", "目标路径 required path"))
        .append(legend(LEFT + 300, ly, PROJECTED, "2 3", "按实际增速预测 projected"));
    svg.append("<path fill=\"").append(TARGET).append("\" d=\"M").append(LEFT + 472).append(' ')
        .append(ly - 7).append(" l6 6 l-6 6 l-6 -6 z\"/>")
        .append(text(LEFT + 484, ly + 4, "start", "目标 target"))
        .append("</g></svg>");
    return svg.toString();
  }

  private interface Value {
    Double of(Point p);
  }

  private static String series(
      List<Point> points, Scale s, Value value, String cls, String color, double width,
      String dash, String unit, boolean dots) {
    StringBuilder out = new StringBuilder("<g class=\"" + cls + "\">");
    List<String> segment = new ArrayList<>();
    for (Point p : points) {
      Double v = value.of(p);
      if (v == null || !Double.isFinite(v)) {
        out.append(polyline(segment, color, width, dash));
        segment.clear();
        continue;
      }
      segment.add(f(s.x(p.year())) + "," + f(s.y(v)));
    }
    out.append(polyline(segment, color, width, dash));
    if (dots) {
      for (Point p : points) {
        Double v = value.of(p);
        if (v != null && Double.isFinite(v)) {
          out.append("<circle cx=\"").append(f(s.x(p.year()))).append("\" cy=\"")
              .append(f(s.y(v))).append("\" r=\"3.5\" fill=\"").append(color).append("\"><title>")
              .append(esc(p.year() + ": " + HumanFormat.amount(v, unit))).append("</title></circle>");
        }
      }
    }
    return out.append("</g>").toString();
  }

  private static String polyline(List<String> points, String color, double width, String dash) {
    if (points.size() < 2) {
      return "";
    }
    return "<polyline fill=\"none\" stroke=\"" + color + "\" stroke-width=\"" + width + "\""
        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"")
        + " points=\"" + String.join(" ", points) + "\"/>";
  }

  private static String legend(int x, int y, String color, String dash, String label) {
    return line(x, y, x + 24, y, color, 2.5, dash) + text(x + 30, y + 4, "start", label);
  }

  private static String line(
      double x1, double y1, double x2, double y2, String color, double width, String dash) {
    return "<line x1=\"" + f(x1) + "\" y1=\"" + f(y1) + "\" x2=\"" + f(x2) + "\" y2=\"" + f(y2)
        + "\" stroke=\"" + color + "\" stroke-width=\"" + width + "\""
        + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>";
  }

  private static String text(double x, double y, String anchor, String text) {
    return "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" text-anchor=\"" + anchor + "\">"
        + esc(text) + "</text>";
  }

  static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A step of 1, 2, 2.5 or 5 times a power of ten giving about {@code ticks} intervals. */
  static double niceStep(double range, int ticks) {
    double raw = range / ticks;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double n = raw / magnitude;
    double nice = n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  private record Scale(int firstYear, int lastYear, double yMin, double yMax) {
    double x(int year) {
      return LEFT + (year - firstYear) * (double) (WIDTH - LEFT - RIGHT - 20) / (lastYear - firstYear);
    }

    double y(double v) {
      return TOP + (yMax - v) * (HEIGHT - TOP - BOTTOM) / (yMax - yMin);
    }
  }
}
