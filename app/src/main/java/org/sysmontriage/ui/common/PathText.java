package org.sysmontriage.ui.common;

import java.util.function.ToDoubleFunction;

/** Shortens a path in the middle to fit a width, never losing the file name: {@code C:\Users\...\procdump64.exe}. */
public final class PathText {
  public static final String GAP = "...";
  /** Characters of a value a cell lays out at most: a hostile multi-megabyte value is cut before any text layout. */
  public static final int LONGEST_SHOWN = 2_000;

  private PathText() {}

  /**
   * The longest {@code head + ...\ + name} that fits {@code width} as {@code measure} says; the whole
   * path when it fits; {@code ...\name} when only the name (nearly) fits.
   */
  public static String fit(String path, double width, ToDoubleFunction<String> measure) {
    if (path == null || path.isEmpty() || measure.applyAsDouble(path) <= width) {
      return path;
    }
    int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    if (cut <= 0) {
      return path; // no folder to take out: the cell elides it like any text
    }
    String sep = String.valueOf(path.charAt(cut));
    String tail = GAP + path.substring(cut); // "...\procdump64.exe"
    int lo = 0;
    int hi = cut;
    while (lo < hi) { // the longest head that fits
      int mid = (lo + hi + 1) >>> 1;
      if (measure.applyAsDouble(path.substring(0, mid) + sep + tail) <= width) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    int folder = Math.max(path.lastIndexOf('\\', lo), path.lastIndexOf('/', lo)); // end the head at a folder when one fits
    int head = lo < cut && folder > 0 ? folder : lo;
    if (head == 0) {
      return tail;
    }
    String kept = path.substring(0, head);
    return kept.endsWith(sep) ? kept + tail : kept + sep + tail; // "/" + ".../name", never "//.../name"
  }

  /** A Windows (drive or %VAR%), UNC or POSIX path, archive members included: a value whose end is its name. */
  public static boolean looksLikePath(String s) {
    if (s.length() < 3 || s.indexOf(' ') == 0) {
      return false;
    }
    boolean drive = Character.isLetter(s.charAt(0)) && s.charAt(1) == ':' && (s.charAt(2) == '\\' || s.charAt(2) == '/');
    return drive || s.startsWith("\\\\") || s.startsWith("/") || s.startsWith("%") && s.indexOf('\\') > 0;
  }

  /** {@code s} itself, or its first {@link #LONGEST_SHOWN} characters and an ellipsis (the whole value goes in a tooltip). */
  public static String bounded(String s) {
    return s == null || s.length() <= LONGEST_SHOWN ? s : s.substring(0, LONGEST_SHOWN) + "\u2026";
  }
}
