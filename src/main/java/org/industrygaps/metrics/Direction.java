package org.industrygaps.metrics;

import java.util.Locale;

/** Which way an indicator improves: {@code increase} (higher is better) or {@code decrease}. */
public enum Direction {
  INCREASE(1, "increase"),
  DECREASE(-1, "decrease");

  private final int sign;
  private final String code;

  Direction(int sign, String code) {
    this.sign = sign;
    this.code = code;
  }

  /** The d of the metric definitions: +1 when higher is better, −1 when lower is better. */
  public int sign() {
    return sign;
  }

  /** The code used in {@code conf/} and in the outputs. */
  public String code() {
    return code;
  }

  /**
   * Parses a code, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the code when it is neither increase nor decrease
   */
  public static Direction fromCode(String code) {
    String normalized = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    for (Direction direction : values()) {
      if (direction.code.equals(normalized)) {
        return direction;
      }
    }
    throw new IllegalArgumentException(
        "unknown direction '" + code + "' (expected increase or decrease)");
  }
}
