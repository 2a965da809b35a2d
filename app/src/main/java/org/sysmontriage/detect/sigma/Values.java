package org.sysmontriage.detect.sigma;

import java.util.Locale;

/**
 * How event values are compared: a value written by an export that doubles every backslash
 * ({@code C:\\Windows\\System32}: every run of backslashes has an even length) is read with the
 * doubling undone; any other value keeps its backslashes exactly, so a rule's UNC prefix (YAML
 * {@code '\\\\'}, two backslashes once Sigma's escapes are read) needs two in the value. Hex numbers take one canonical spelling ({@code 0x001FFFFF} -> {@code 0x1fffff}),
 * and the comparison is case-insensitive unless a rule says {@code cased}. Rule values are never
 * collapsed (Sigma's escapes {@code \*}, {@code \?}, {@code \\} are read in {@link Glob}).
 */
public final class Values {
  private Values() {}

  /** The comparable form of an event value. */
  public static String normalize(String v, boolean cased) {
    String s = canonicalHex(undoubleBackslashes(v));
    return cased ? s : s.toLowerCase(Locale.ROOT);
  }

  /**
   * The value with an export's backslash doubling undone: when every run of backslashes has an even
   * length (and there is at least one), each run is halved; otherwise the value is returned as is.
   * One pass, linear in the value.
   */
  public static String undoubleBackslashes(String s) {
    int first = s.indexOf('\\');
    if (first < 0) {
      return s;
    }
    int n = s.length();
    for (int i = first; i < n; ) {
      if (s.charAt(i) != '\\') {
        i++;
        continue;
      }
      int run = 0;
      while (i < n && s.charAt(i) == '\\') {
        run++;
        i++;
      }
      if ((run & 1) == 1) {
        return s; // a single (odd) backslash: the value is not doubled
      }
    }
    StringBuilder b = new StringBuilder(n);
    b.append(s, 0, first);
    boolean skip = false;
    for (int k = first; k < n; k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        if (!skip) {
          b.append(c);
        }
        skip = !skip;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code 0x001FFFFF} -> {@code 0x1fffff}; anything that is not a whole hex number is returned as is. */
  public static String canonicalHex(String s) {
    if (!isHex(s)) {
      return s;
    }
    int k = 2;
    while (k < s.length() - 1 && s.charAt(k) == '0') {
      k++;
    }
    return "0x" + s.substring(k).toLowerCase(Locale.ROOT);
  }

  public static boolean isHex(String s) {
    if (s.length() < 3 || s.length() > 34 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      return false;
    }
    for (int i = 2; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A number written in decimal or as 0x hex, or null. */
  public static Double number(String s) {
    String t = s.trim();
    try {
      if (isHex(t)) {
        return (double) Long.parseUnsignedLong(t.substring(2), 16);
      }
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
