package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One priority industry of the plan. {@code units} gives the canonical unit of the physical
 * indicators (production, capacity), which differ by industry (GWh for batteries, 亿立方米 for gas).
 */
public record Industry(
    String code,
    String nameZh,
    String nameEn,
    List<String> aliases,
    List<String> keyPlaces,
    Map<String, String> units,
    String goalZh,
    String goalEn)
    implements Serializable {}
