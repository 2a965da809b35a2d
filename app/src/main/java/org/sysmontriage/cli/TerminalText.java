package org.sysmontriage.cli;

/**
 * Text from evidence (file names, messages quoting a log) made safe for a terminal line: control
 * characters, e.g. a newline or an ANSI escape in a hostile file name, are shown as {@code \n},
 * {@code \x1b} instead of moving the cursor, recolouring the screen or forging output lines; bidi
 * controls and other invisible format characters (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066..U+2069,
 * zero-width characters), line separators and lone surrogates are shown as {@code \u202e}, so
 * {@code exe.\u202etxt} cannot pass for {@code txt.exe}.
 */
public final class TerminalText {
  private TerminalText() {}

  public static String safe(String s) {
    int i = 0;
    while (i < s.length() && !isUnsafe(s.codePointAt(i))) {
      i += Character.charCount(s.codePointAt(i));
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    while (i < s.length()) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (!isUnsafe(c)) {
        b.appendCodePoint(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x100) {
        b.append(String.format("\\x%02x", c));
      } else {
        b.append(c > 0xffff ? String.format("\\U%08x", c) : String.format("\\u%04x", c));
      }
    }
    return b.toString();
  }

  /** Controls, format characters (bidi, zero-width, tags), line separators, lone surrogates. */
  private static boolean isUnsafe(int c) {
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return true;
    }
    if (c < 0x600) {
      return c == 0xad;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
