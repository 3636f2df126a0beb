package org.industrygaps.storage;

/**
 * Test hook for the crash tests: with the environment variable {@code
 * INDUSTRY_GAPS_TEST_PAUSE_AT} set to a point's name ({@code ingest}: a drop's data moved into the
 * warehouse, its registry entry not yet written; {@code publish}: the run folder in place, {@code
 * latest/} not yet swapped), the job prints {@code industry-gaps test pause at <point>} on standard
 * error and sleeps ten minutes there, so that a test can kill it at that exact point. Unset (always
 * in production), it does nothing.
 */
public final class PausePoint {
  public static final String VARIABLE = "INDUSTRY_GAPS_TEST_PAUSE_AT";
  public static final String MARKER = "industry-gaps test pause at ";

  private PausePoint() {}

  public static void reached(String point) {
    if (point.equals(System.getenv(VARIABLE))) {
      System.err.println(MARKER + point);
      System.err.flush();
      try {
        Thread.sleep(600_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
