package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma wildcard pattern: {@code *} any run, {@code ?} one character; {@code \*}, {@code \?}
 * and {@code \\} escape (as pySigma reads them), any other backslash is literal. Matching is on
 * already normalized text (see {@link Values}).
 */
public final class Glob {
  static final char ANY_ONE = '\uFFFF';

  private final String[] segments; // literal text between stars; ANY_ONE marks '?'
  private final boolean leadingStar;
  private final boolean trailingStar;

  private Glob(String[] segments, boolean leadingStar, boolean trailingStar) {
    this.segments = segments;
    this.leadingStar = leadingStar;
    this.trailingStar = trailingStar;
  }

  /** Compiles a Sigma value; each literal run is normalized like event values. */
  public static Glob compile(String sigmaValue, boolean cased) {
    List<String> segs = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean lead = false;
    boolean trail = false;
    int n = sigmaValue.length();
    for (int i = 0; i < n; i++) {
      char c = sigmaValue.charAt(i);
      if (c == '\\' && i + 1 < n && "*?\\".indexOf(sigmaValue.charAt(i + 1)) >= 0) {
        cur.append(sigmaValue.charAt(++i));
      } else if (c == '*') {
        if (segs.isEmpty() && cur.length() == 0) {
          lead = true;
        }
        segs.add(cur.toString());
        cur.setLength(0);
        trail = i == n - 1;
      } else if (c == '?') {
        cur.append(ANY_ONE);
      } else {
        cur.append(c);
      }
    }
    segs.add(cur.toString());
    List<String> out = new ArrayList<>();
    for (String s : segs) {
      out.add(Values.normalize(s, cased));
    }
    if (lead) {
      out.remove(0);
    }
    if (trail) {
      out.remove(out.size() - 1);
    }
    out.removeIf(s -> s.isEmpty() && out.size() > 1);
    return new Glob(out.toArray(String[]::new), lead, trail);
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
