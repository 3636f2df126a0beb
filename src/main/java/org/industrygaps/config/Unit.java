package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/** A unit of measure and its size in the base unit of its dimension. */
public record Unit(String unit, String dimension, Double factor, List<String> aliases)
    implements Serializable {}
