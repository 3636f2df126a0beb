package org.industrygaps.cli;

/** A command line that cannot be understood. Exit status 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
