package org.sysmontriage.report;

/**
 * HTML text for strings an attacker may have written. Every character that means something to
 * HTML is escaped; characters that hide or disguise text (controls, bidi overrides, zero-width and
 * other invisible format characters, lone surrogates) are shown as a marked {@code U+XXXX}.
 */
final class Html {
  /** Longest value shown in full; longer ones are cut with their full length noted. */
  static final int MAX_VALUE = 2000;

  private Html() {}

  /** Escaped element text, odd characters shown as marked {@code U+XXXX}; newlines and tabs kept. */
  static String text(String s) {
    return escape(s, true);
  }

  /** Escaped text for places where markup cannot go (attributes, SVG text): odd characters as plain {@code [U+XXXX]}. */
  static String plain(String s) {
    return escape(s, false);
  }

  /** {@link #text} cut at {@link #MAX_VALUE} characters, with a note of the full length. */
  static String value(String s) {
    if (s == null || s.length() <= MAX_VALUE) {
      return text(s);
    }
    int cut = Character.isHighSurrogate(s.charAt(MAX_VALUE - 1)) ? MAX_VALUE - 1 : MAX_VALUE;
    return text(s.substring(0, cut)) + "<span class=\"trunc\">\u2026 [truncated: " + s.length() + " characters in full]</span>";
  }

  /** Only http(s) addresses, escaped for an attribute; anything else gives empty. */
  static String url(String u) {
    if (u == null || !(u.startsWith("https://") || u.startsWith("http://"))) {
      return "";
    }
    return plain(u);
  }

  /** A link that opens outside the report, or the escaped label alone when there is no safe address. */
  static String link(String label, String url) {
    String u = url(url);
    if (u.isEmpty()) {
      return text(label);
    }
    return "<a href=\"" + u + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + text(label) + "</a>";
  }

  private static String escape(String s, boolean markup) {
    if (s == null) {
      return "";
    }
    if (plainAscii(s)) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> appendOther(b, cp, markup);
      }
    }
    return b.toString();
  }

  private static void appendOther(StringBuilder b, int cp, boolean markup) {
    if (!odd(cp) || (markup && (cp == '\n' || cp == '\t'))) {
      b.appendCodePoint(cp);
      return;
    }
    String name = String.format("U+%04X", cp);
    b.append(markup ? "<span class=\"odd\">" + name + "</span>" : "[" + name + "]");
  }

  /** True when every character is printable ASCII with no meaning to HTML: the common case, returned as is. */
  private static boolean plainAscii(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') {
        return false;
      }
    }
    return true;
  }

  /** Characters that do not show as themselves: controls, format (bidi, zero-width), separators, surrogates, unassigned. */
  static boolean odd(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }
}
