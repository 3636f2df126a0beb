package org.industrygaps.metrics;

/**
 * Assessment of one target, in the order the rules are tried: met, then the growth_ratio bands of
 * the Eurostat SDG method, or not assessable when the data cannot support a judgement.
 */
public enum Status {
  TARGET_ACHIEVED("target_achieved", "已实现"),
  ON_TRACK("on_track", "进展顺利"),
  ACCELERATION_NEEDED("acceleration_needed", "需加快"),
  LIMITED_PROGRESS("limited_progress", "进展有限"),
  DETERIORATION("deterioration", "倒退"),
  NOT_ASSESSABLE("not_assessable", "无法评估");

  private final String code;
  private final String labelZh;

  Status(String code, String labelZh) {
    this.code = code;
    this.labelZh = labelZh;
  }

  /** The code written to the outputs ({@code status}). */
  public String code() {
    return code;
  }

  /** The Chinese label written to the outputs ({@code status_zh}). */
  public String labelZh() {
    return labelZh;
  }

  /**
   * The status of an output code.
   *
   * @throws IllegalArgumentException naming the code when no status has it
   */
  public static Status fromCode(String code) {
    for (Status status : values()) {
      if (status.code.equals(code)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown status '" + code + "'");
  }
}
