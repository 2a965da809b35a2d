package org.sysmontriage.detect.lsass;

import java.util.Locale;
import org.sysmontriage.event.EventStore;

/** Field reading shared by the LSASS analytics: several exporters' names, PIDs in decimal or hex. */
final class Fields {
  private Fields() {}

  /** The first of these fields the event has with a usable value ({@code -} and blanks count as none). */
  static String get(EventStore store, int e, String... names) {
    for (String n : names) {
      String v = store.field(e, n);
      if (v != null && !v.isBlank() && !v.equals("-")) {
        return v;
      }
    }
    return null;
  }

  /** {@code 624}, {@code 0x270}, {@code 0x0000000000000270} -> 624; -1 when no PID. */
  static long pid(String text) {
    if (text == null) {
      return -1;
    }
    String s = text.trim();
    boolean hex = s.startsWith("0x") || s.startsWith("0X");
    AccessRights r = AccessRights.parse(s);
    if (r == null || (!hex && s.isEmpty())) {
      return -1;
    }
    return r.mask();
  }

  /** A process GUID without braces, upper case (XML-as-JSON exports drop the braces). */
  static String guid(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
  }

  /** A path with forward slashes read as backslashes and runs of them collapsed (doubled in some JSON exports), lower case. */
  static String path(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i) == '/' ? '\\' : text.charAt(i);
      if (c == '\\' && b.length() > 0 && b.charAt(b.length() - 1) == '\\') {
        continue;
      }
      b.append(c);
    }
    return b.toString().trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the text, without trailing blanks, ends with {@code lsass.exe} in any case: true for every
   * text whose {@link #path} is {@code lsass.exe} or ends with {@code \lsass.exe} (lower-casing maps no
   * other character onto these letters), so the path need not be made for the other images.
   */
  private static boolean mayEndWithLsassExe(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return end >= 9 && text.regionMatches(true, end - 9, "lsass.exe", 0, 9);
  }

  /** {@code text} cut at every {@code sep} (empty parts kept): one pass, no regular expression. */
  static java.util.List<String> cut(String text, char sep) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == sep) {
        out.add(text.substring(from, i));
        from = i + 1;
      }
    }
    out.add(text.substring(from));
    return out;
  }

  static boolean isLsassImage(String image) {
    if (image == null || !mayEndWithLsassExe(image)) {
      return false;
    }
    String s = path(image);
    return s.equals("lsass.exe") || s.endsWith("\\lsass.exe");
  }
}
