package org.industrygaps.config;

import java.io.Serializable;
import java.util.List;

/** The province or one of its prefecture-level divisions, keyed by its GB/T 2260 code. */
public record Region(String code, String nameZh, String shortZh, String nameEn, List<String> aliases)
    implements Serializable {}
