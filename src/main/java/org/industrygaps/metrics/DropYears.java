package org.industrygaps.metrics;

import java.util.Optional;
import java.util.Set;

/**
 * A registered drop and the years its observations cover, as its registry entry records them
 * (empty when not recorded: it may report any year).
 */
public record DropYears(String drop, Optional<Set<Integer>> years) {
  public static DropYears unknown(String drop) {
    return new DropYears(drop, Optional.empty());
  }
}
