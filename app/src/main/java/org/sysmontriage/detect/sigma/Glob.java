package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma wildcard pattern: {@code *} any run, {@code ?} one character; {@code \*}, {@code \?}
 * and {@code \\} escape (as pySigma reads them), any other backslash is literal. Matching is on
 * already normalized text (see {@link Values}).
 *
 * <p>Matching never backtracks: each literal run between stars is found leftmost after the previous
 * one (which is the right answer for star-only patterns), so a value of length n costs at most
 * n times the longest literal run of the pattern, whatever the value holds.
 */
public final class Glob {
  static final char ANY_ONE = '\uFFFF';

  private final String[] segments; // literal text between stars; ANY_ONE marks '?'
  private final boolean leadingStar;
  private final boolean trailingStar;

  /** A compiled pattern as {@link ConditionCodec} stored it. */
  Glob(String[] segments, boolean leadingStar, boolean trailingStar) {
    this.segments = segments;
    this.leadingStar = leadingStar;
    this.trailingStar = trailingStar;
  }

  String[] segments() {
    return segments.clone();
  }

  boolean leadingStar() {
    return leadingStar;
  }

  boolean trailingStar() {
    return trailingStar;
  }

  /** Compiles a Sigma value; each literal run is normalized like event values. */
  public static Glob compile(String sigmaValue, boolean cased) {
    return compile(sigmaValue, cased, false, false);
  }

  /**
   * Compiles a Sigma value with the contains / startswith / endswith wildcards added as tokens (a
   * value ending in a backslash stays a literal backslash, as pySigma reads it).
   */
  public static Glob compile(String sigmaValue, boolean cased, boolean anyPrefix, boolean anySuffix) {
    List<String> segs = split(sigmaValue);
    boolean whole = segs.size() == 1 && !anyPrefix && !anySuffix; // only a whole value compares hex as a number
    if (anyPrefix) {
      segs.add(0, "");
    }
    if (anySuffix) {
      segs.add("");
    }
    boolean lead = segs.size() > 1 && segs.get(0).isEmpty();
    boolean trail = segs.size() > 1 && segs.get(segs.size() - 1).isEmpty();
    List<String> out = new ArrayList<>();
    for (int i = lead ? 1 : 0, end = trail ? segs.size() - 1 : segs.size(); i < end; i++) {
      String plain = segs.get(i); // a rule's backslashes are exact: \\\\ (escaped twice) is two
      plain = whole ? Values.canonicalHex(plain) : plain;
      out.add(cased ? plain : plain.toLowerCase(java.util.Locale.ROOT));
    }
    out.removeIf(x -> x.isEmpty() && out.size() > 1);
    return new Glob(out.toArray(String[]::new), lead, trail);
  }

  /**
   * A plain wildcard pattern (allowlists): {@code *} any run, {@code ?} one character, every other
   * character literal; lower-cased, so give {@link #matches} the value in lower case (Locale.ROOT).
   */
  public static Glob wildcard(String pattern) {
    List<String> segs = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (char c : pattern.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '*') {
        segs.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c == '?' ? ANY_ONE : c);
      }
    }
    segs.add(cur.toString());
    boolean lead = segs.size() > 1 && segs.get(0).isEmpty();
    boolean trail = segs.size() > 1 && segs.get(segs.size() - 1).isEmpty();
    List<String> out = new ArrayList<>(segs.subList(lead ? 1 : 0, trail ? segs.size() - 1 : segs.size()));
    out.removeIf(x -> x.isEmpty() && out.size() > 1);
    return new Glob(out.toArray(String[]::new), lead, trail);
  }

  /** Literal runs between unescaped stars; {@code ?} becomes {@link #ANY_ONE}. */
  private static List<String> split(String v) {
    List<String> segs = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = v.length();
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < n && "*?\\".indexOf(v.charAt(i + 1)) >= 0) {
        cur.append(v.charAt(++i));
      } else if (c == '*') {
        segs.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c == '?' ? ANY_ONE : c);
      }
    }
    segs.add(cur.toString());
    return segs;
  }

  /**
   * The longest run of plain characters (no {@code *}, no {@code ?}) that every text this pattern
   * matches contains, exactly as {@link #matches} compares it; empty when the pattern has none.
   */
  public String requiredLiteral() {
    String best = "";
    for (String seg : segments) {
      int start = 0;
      for (int i = 0; i <= seg.length(); i++) {
        if (i == seg.length() || seg.charAt(i) == ANY_ONE) {
          if (i - start > best.length()) {
            best = seg.substring(start, i);
          }
          start = i + 1;
        }
      }
    }
    return best;
  }

  public boolean matches(String s) {
    if (segments.length == 0) {
      return true; // "*"
    }
    boolean single = segments.length == 1 && !leadingStar && !trailingStar;
    if (single) {
      return s.length() == segments[0].length() && regionMatches(s, 0, segments[0]);
    }
    int pos = 0;
    int first = 0;
    int last = segments.length;
    if (!leadingStar) {
      if (!regionMatches(s, 0, segments[0])) {
        return false;
      }
      pos = segments[0].length();
      first = 1;
    }
    int endLimit = s.length();
    if (!trailingStar) {
      String tail = segments[segments.length - 1];
      int at = s.length() - tail.length();
      if (at < pos || !regionMatches(s, at, tail)) {
        return false;
      }
      endLimit = at;
      last = segments.length - 1;
    }
    for (int k = first; k < last; k++) {
      int at = indexOf(s, segments[k], pos, endLimit);
      if (at < 0) {
        return false;
      }
      pos = at + segments[k].length();
    }
    return true;
  }

  private static int indexOf(String s, String seg, int from, int endLimit) {
    if (seg.indexOf(ANY_ONE) < 0) {
      int at = s.indexOf(seg, from);
      return at >= 0 && at + seg.length() <= endLimit ? at : -1;
    }
    for (int at = from; at + seg.length() <= endLimit; at++) {
      if (regionMatches(s, at, seg)) {
        return at;
      }
    }
    return -1;
  }

  private static boolean regionMatches(String s, int at, String seg) {
    if (at < 0 || at + seg.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < seg.length(); i++) {
      char p = seg.charAt(i);
      if (p != ANY_ONE && p != s.charAt(at + i)) {
        return false;
      }
    }
    return true;
  }
}
