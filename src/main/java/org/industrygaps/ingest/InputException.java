package org.industrygaps.ingest;

/** Input that cannot be used at all (an unreadable drop file, rejects beyond the limit). Exit 3. */
public final class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }
}
