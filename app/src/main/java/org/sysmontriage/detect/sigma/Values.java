package org.sysmontriage.detect.sigma;

import java.util.Locale;

/**
 * How event values are compared: runs of backslashes collapse to one (exports double them), hex
 * numbers take one canonical spelling ({@code 0x001FFFFF} -> {@code 0x1fffff}), and the
 * comparison is case-insensitive unless a rule says {@code cased}.
 */
public final class Values {
  private Values() {}

  /** The comparable form of an event value. */
  public static String normalize(String v, boolean cased) {
    String s = canonicalHex(collapseBackslashes(v));
    return cased ? s : s.toLowerCase(Locale.ROOT);
  }

  public static String collapseBackslashes(String s) {
    int i = s.indexOf("\\\\");
    if (i < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    b.append(s, 0, i + 1);
    for (int k = i + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c != '\\' || s.charAt(k - 1) != '\\') {
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
