package org.industrygaps.report;

/** One output of a report set: its path relative to the run folder, format and row count. */
public record OutputRecord(String name, String path, String format, long rows) {}
