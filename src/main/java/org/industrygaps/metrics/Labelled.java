package org.industrygaps.metrics;

import java.util.Locale;

/** A value the reports write as a code (its enum name, lower-cased) and a Chinese label. */
public interface Labelled {
  /** The enum constant's name. */
  String name();

  /** The Chinese label written beside the code ({@code …_zh}). */
  String labelZh();

  /** The code written to the outputs. */
  default String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
