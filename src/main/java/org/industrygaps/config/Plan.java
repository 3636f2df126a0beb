package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/**
 * {@code conf/plan.yaml}: the plan, its industries and its quantified targets, listed here or in
 * a CSV file ({@code targets_file}), or both. After validation {@code targets} holds them all.
 */
public record Plan(
    String id,
    String nameZh,
    String nameEn,
    String province,
    Integer baselineYear,
    Integer targetYear,
    String source,
    String status,
    List<String> goalsZh,
    List<String> goalsEn,
    Industry planWide,
    List<Industry> industries,
    String targetsFile,
    List<Target> targets)
    implements Serializable {

  /** The same plan without its targets. */
  public Plan withoutTargets() {
    return new Plan(id, nameZh, nameEn, province, baselineYear, targetYear, source, status,
        goalsZh, goalsEn, planWide, industries, targetsFile, List.of());
  }
}
