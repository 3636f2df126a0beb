package org.industrygaps.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The job's own short progress log, on standard error beside Spark's (kept at WARN). */
public final class Progress {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Progress() {}

  public static void info(String message) {
    System.err.println("industry-gaps " + LocalTime.now().format(TIME) + "  " + message);
  }
}
