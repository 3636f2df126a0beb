package org.industrygaps.config;

/** A configuration problem: the message names the file, the line and the field. Exit status 2. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
