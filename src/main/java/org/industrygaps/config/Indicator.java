package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/**
 * A statistical indicator. {@code additive} says whether city values add up to the province value
 * (amounts do, ratios do not); {@code unit} is absent where each industry sets its own.
 */
public record Indicator(
    String code,
    String nameZh,
    String nameEn,
    String dimension,
    String unit,
    Boolean additive,
    String direction,
    Boolean nonNegative,
    List<String> aliases)
    implements Serializable {}
