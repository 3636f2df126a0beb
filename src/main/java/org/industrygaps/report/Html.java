package org.industrygaps.report;

/**
 * HTML (and SVG) text escaping for summary.html: every piece of text that reaches the page, from
 * conf/ or from a drop, goes through {@link #esc}, in element content and in attribute values.
 */
public final class Html {
  private Html() {}

  /** {@code text} safe in element content and in a double- or single-quoted attribute. */
  public static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // Control characters other than tab / line breaks are not allowed in HTML text.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A code safe in an id or class: lower-case letters, digits, '_' and '-', others as '_'. */
  public static String id(String code) {
    if (code == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(code.length());
    for (char c : code.toCharArray()) {
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ? c : '_');
    }
    return sb.toString();
  }
}
