package org.industrygaps.metrics;

import java.io.Serializable;
import java.util.ArrayList;
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
    for (Status s : Status.values()) {
      counts.put(s, 0);
    }
    List<Status> assessed = new ArrayList<>();
    Target key = null;
    Comparator<Target> importance =
        Comparator.comparing(Target::relativeGap)
            .reversed()
            .thenComparing(Target::indicator)
            .thenComparing(Target::region)
            .thenComparingInt(Target::targetYear);
    for (Target t : group) {
      counts.merge(t.status(), 1, Integer::sum);
      if (t.status() != Status.NOT_ASSESSABLE) {
        assessed.add(t.status());
      }
      if (t.relativeGap() != null && (key == null || importance.compare(t, key) < 0)) {
        key = t;
      }
    }
    // Worst first: ORDER's index grows as a status gets worse.
    assessed.sort(Comparator.comparingInt(ORDER::indexOf).reversed());
    int n = assessed.size();
    Status worst = n == 0 ? null : assessed.get(0);
    // Worst first, so index (n − 1) / 2 is the lower (worse) middle one when n is even.
    Status median = n == 0 ? null : assessed.get((n - 1) / 2);
    Double share =
        n == 0
            ? null
            : (counts.get(Status.ON_TRACK) + counts.get(Status.TARGET_ACHIEVED)) / (double) n;
    return new RollupSummary(
        group.size(), n, Map.copyOf(counts), worst, median, share, key,
        key == null ? null : key.relativeGap());
  }
}
