package org.industrygaps.metrics;

import java.io.Serializable;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The roll-up of a group of targets (one industry, or the whole plan): how many are in each
 * status, the worst and the median status, the share on track, and the single most important gap.
 * Pure Java; {@link IndustryRollup} runs it per group in Spark.
 *
 * <p>Statuses are ordered from best to worst: target_achieved, on_track, acceleration_needed,
 * limited_progress, deterioration ({@link #ORDER}). not_assessable targets are counted but take no
 * part in the worst, the median or the share. The median of an even number of statuses is the
 * worse of the two middle ones (the lower median), so a roll-up never reads better than half its
 * targets. The most important gap is the target with the largest projected_gap relative to its
 * target value, projected_gap / |target_value| (positive: a projected shortfall); targets without
 * a projected_gap or with a zero target take no part; ties go to the first by indicator, region and
 * target year.
 *
 * @param targets all targets of the group
 * @param assessable targets whose status is not not_assessable
 * @param counts targets per status, every status present (0 when none)
 * @param worst the worst assessable status, or null when none is assessable
 * @param median the lower median of the assessable statuses, or null
 * @param onTrackShare (on_track + target_achieved) / assessable, or null when none is assessable
 * @param keyGap the target with the most important gap, or null
 * @param keyGapRelative its projected_gap / |target_value|, or null
 */
public record RollupSummary(
    int targets,
    int assessable,
    Map<Status, Integer> counts,
    Status worst,
    Status median,
    Double onTrackShare,
    Target keyGap,
    Double keyGapRelative)
    implements Serializable {

  /** The assessable statuses, best first. */
  public static final List<Status> ORDER =
      List.of(
          Status.TARGET_ACHIEVED, Status.ON_TRACK, Status.ACCELERATION_NEEDED,
          Status.LIMITED_PROGRESS, Status.DETERIORATION);

  /** What the roll-up needs of one target's gap row. */
  public record Target(
      String indicator,
      String region,
      int targetYear,
      double targetValue,
      Double projectedGap,
      Status status)
      implements Serializable {
    public Target {
      Objects.requireNonNull(status, "status");
    }

    /** projected_gap / |target_value|, or null when either is missing or the target is 0. */
    public Double relativeGap() {
      return projectedGap == null || targetValue == 0 ? null : projectedGap / Math.abs(targetValue);
    }
  }

  /** Rolls up {@code group} (any order; may be empty). */
  public static RollupSummary of(List<Target> group) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    Target key = null;
    for (Target t : group) {
      counts.merge(t.status(), 1, Integer::sum);
      if (t.relativeGap() != null && (key == null || IMPORTANCE.compare(t, key) < 0)) {
        key = t;
      }
    }
    return of(counts, key);
  }

  /**
   * The most important gap first: the largest relative gap, then by indicator, region and target
   * year (targets without a relative gap are never compared).
   */
  public static final Comparator<Target> IMPORTANCE =
      Comparator.comparing(Target::relativeGap)
          .reversed()
          .thenComparing(Target::indicator)
          .thenComparing(Target::region)
          .thenComparingInt(Target::targetYear);

  /**
   * Rolls up a group known by its count of targets per status (absent: 0) and its most important
   * gap ({@link #IMPORTANCE}; null when no target has a relative gap): all the roll-up needs, so a
   * group of any size is rolled up from a few numbers.
   */
  public static RollupSummary of(Map<Status, Integer> statusCounts, Target keyGap) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      counts.put(s, statusCounts.getOrDefault(s, 0));
    }
    int n = 0;
    for (Status s : ORDER) {
      n += counts.get(s);
    }
    int total = n + counts.get(Status.NOT_ASSESSABLE);
    // Worst first (ORDER reversed); the lower middle one of an even count is index (n − 1) / 2.
    Status worst = null;
    Status median = null;
    int seen = 0;
    for (int i = ORDER.size() - 1; i >= 0; i--) {
      Status s = ORDER.get(i);
      int c = counts.get(s);
      if (c > 0 && worst == null) {
        worst = s;
      }
      if (median == null && seen + c > (n - 1) / 2) {
        median = n == 0 ? null : s;
      }
      seen += c;
    }
    Double share =
        n == 0
            ? null
            : (counts.get(Status.ON_TRACK) + counts.get(Status.TARGET_ACHIEVED)) / (double) n;
    return new RollupSummary(
        total, n, Map.copyOf(counts), worst, median, share, keyGap,
        keyGap == null ? null : keyGap.relativeGap());
  }
}
