package org.industrygaps.config;

import java.text.Normalizer;
import java.util.Locale;

/** How names in drops and in {@code conf/} are compared: 成都 = ＣＨＥＮＧＤＵ = "Chengdu ". */
public final class Names {
  private Names() {}

  /** NFKC (full-width to half-width), lower case, no white space. */
  public static String normalize(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\u00a0\\u3000]+", "");
  }
}
