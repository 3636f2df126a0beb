package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/** {@code conf/regions.yaml}. */
public record Regions(Region province, List<Region> prefectures) implements Serializable {}
