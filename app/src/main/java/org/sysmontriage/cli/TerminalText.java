package org.sysmontriage.cli;

/**
 * Text from evidence (file names, messages quoting a log) made safe for a terminal line: control
 * characters, e.g. a newline or an ANSI escape in a hostile file name, are shown as {@code \n},
 * {@code \x1b} instead of moving the cursor, recolouring the screen or forging output lines.
 */
final class TerminalText {
  private TerminalText() {}

  static String safe(String s) {
    int i = 0;
    while (i < s.length() && !isControl(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isControl(c)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else {
        b.append(String.format("\\x%02x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }
}
