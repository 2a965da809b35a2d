package org.sysmontriage.event;

/**
 * A GUID of the usual form ({@code 8-4-4-4-12} hex digits, either case, nothing around them) as two numbers,
 * for structures that key processes by GUID and stay in memory as long as the store (the LSASS index, the
 * process lineage): two longs instead of a 36-character text per process. A text and its two numbers stand for
 * each other once the callers agree on the case (each keeps its GUIDs in one case); any other text is not
 * {@link #usual} and its callers key it by the text.
 */
public final class Guids {
  private Guids() {}

  /** True when {@code g} is {@code 8-4-4-4-12} hex digits (either case) with nothing around them. */
  public static boolean usual(String g) {
    if (g == null || g.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = g.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : digit(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The first three groups of a {@link #usual} GUID ({@code 8-4-4}, 64 bits) as a number. */
  public static long high(String g) {
    return hex(g, 0, 8) << 32 | hex(g, 9, 13) << 16 | hex(g, 14, 18);
  }

  /** The last two groups of a {@link #usual} GUID ({@code 4-12}, 64 bits) as a number. */
  public static long low(String g) {
    return hex(g, 19, 23) << 48 | hex(g, 24, 36);
  }

  private static long hex(String s, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 4 | digit(s.charAt(i));
    }
    return v;
  }

  /** An ASCII hex digit's value, or -1 (other scripts' digits are not a GUID's). */
  private static int digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
