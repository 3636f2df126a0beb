package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/** {@code conf/units.yaml}. */
public record Units(List<Unit> units) implements Serializable {}
