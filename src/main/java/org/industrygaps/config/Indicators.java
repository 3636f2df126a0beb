package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/** {@code conf/indicators.yaml}. */
public record Indicators(List<Indicator> indicators) implements Serializable {}
