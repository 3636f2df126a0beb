package org.industrygaps.metrics;

import java.io.Serializable;

/** The value of an indicator in one year. */
public record YearValue(int year, double value) implements Serializable {}
