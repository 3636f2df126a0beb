package org.industrygaps.metrics;

import java.util.Map;
import java.util.Optional;

/**
 * A registered drop and its observations per year, as its registry entry records them (empty when
 * not recorded: it may report any year).
 */
public record DropYears(String drop, Optional<Map<Integer, Long>> rowsByYear) {
  public static DropYears unknown(String drop) {
    return new DropYears(drop, Optional.empty());
  }
}
