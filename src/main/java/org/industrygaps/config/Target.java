package org.industrygaps.config;

import java.io.Serializable;

/**
 * A quantified target of the plan. After validation {@code year} and {@code baselineYear} are set
 * (the plan's defaults fill them) and {@code value} is in the indicator's canonical unit.
 */
public record Target(
    String industry,
    String indicator,
    String region,
    Integer year,
    Integer baselineYear,
    Double value,
    String unit,
    String source,
    String status)
    implements Serializable {}
