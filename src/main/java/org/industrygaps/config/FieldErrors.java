package org.industrygaps.config;

/** Where a configuration value came from, so that a problem with it names file, line and field. */
public interface FieldErrors {
  /** The problem {@code message} with {@code field}, written as {@code targets[3].indicator}. */
  ConfigException error(String field, String message);
}
