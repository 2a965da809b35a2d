package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A literal that every match of a regular expression contains, found in a value in one pass (KMP,
 * time linear in the value) before RE2/J is asked: most log values lack it, and RE2/J takes seconds on
 * a 16 MB value while this takes milliseconds. Read from the pattern conservatively: only ASCII
 * characters outside groups, classes and optional parts count, and a pattern with a top-level
 * {@code |}, inline flags ({@code (?i)}), {@code \Q} or an escape it does not know has no required
 * literal (RE2/J alone decides). With the {@code i} modifier the value's characters are compared
 * case-folded, as RE2 folds them ({@code K} U+212A is a {@code k}, {@code ſ} U+017F an {@code s}).
 */
final class RequiredLiteral {
  private final String text;
  private final boolean foldCase;
  private final int[] fail;

  private RequiredLiteral(String text, boolean foldCase) {
    this.text = text;
    this.foldCase = foldCase;
    this.fail = new int[text.length()];
    for (int i = 1, k = 0; i < text.length(); i++) {
      while (k > 0 && text.charAt(i) != text.charAt(k)) {
        k = fail[k - 1];
      }
      if (text.charAt(i) == text.charAt(k)) {
        k++;
      }
      fail[i] = k;
    }
  }

  /** The longest literal every match of {@code regex} holds (lower case when {@code foldCase}), or null when none is read. */
  static RequiredLiteral of(String regex, boolean foldCase) {
    List<String> found = literals(regex);
    if (found == null || found.isEmpty()) {
      return null;
    }
    String longest = found.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
    return new RequiredLiteral(foldCase ? longest.toLowerCase(Locale.ROOT) : longest, foldCase);
  }

  /**
   * A lower-case literal that occurs in the lower-case comparable form ({@link Values#normalize}) of
   * every value {@code regex} is found in, or null. A literal every match holds is kept only in pieces
   * without backslashes (undoing an export's doubled backslashes removes backslashes, nothing else)
   * and with a character that no hex number has (a whole hex value is respelled); its ASCII letters
   * are lower-cased, which is how they appear in the lower-case form whether the regex is cased or
   * not (RE2 also folds U+212A onto k and U+017F onto s: {@link LiteralSearch} searches them so).
   */
  static String comparableLiteral(String regex) {
    List<String> found = literals(withoutLeadingFlags(regex));
    if (found == null) {
      return null;
    }
    String best = null;
    for (String run : found) {
      for (int from = 0; from <= run.length(); ) {
        int end = run.indexOf('\\', from);
        end = end < 0 ? run.length() : end;
        String piece = run.substring(from, end);
        if (piece.chars().anyMatch(c -> "0123456789abcdefABCDEFxX".indexOf(c) < 0)
            && (best == null || piece.length() > best.length())) {
          best = piece;
        }
        from = end + 1;
      }
    }
    return best == null ? null : best.toLowerCase(Locale.ROOT);
  }

  /**
   * The pattern without leading inline flags ({@code (?i)}, {@code (?s)}, {@code (?im)}...): they
   * change how case, dots and anchors match, never which literal characters a match holds, and the
   * comparable literal is searched lower-cased in lower-cased values anyway.
   */
  private static String withoutLeadingFlags(String regex) {
    if (!regex.startsWith("(?")) {
      return regex;
    }
    int close = regex.indexOf(')');
    if (close < 3) {
      return regex;
    }
    for (int i = 2; i < close; i++) {
      if ("imsU".indexOf(regex.charAt(i)) < 0) {
        return regex;
      }
    }
    return regex.substring(close + 1);
  }

  String text() {
    return text;
  }

  /** True when the value holds the literal (case-folded when the pattern is case-insensitive): one pass over the value. */
  boolean in(String value) {
    int m = text.length();
    for (int i = 0, k = 0, n = value.length(); i < n; i++) {
      char c = foldCase ? fold(value.charAt(i)) : value.charAt(i);
      while (k > 0 && c != text.charAt(k)) {
        k = fail[k - 1];
      }
      if (c == text.charAt(k) && ++k == m) {
        return true;
      }
    }
    return false;
  }

  /** Simple case folding onto lower case: U+212A (Kelvin) is k, U+017F (long s) is s, as RE2 folds them. */
  private static char fold(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** The runs of ASCII literal characters every match holds, in order; null when the pattern is not read. */
  static List<String> literals(String regex) {
    List<String> found = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      int next;
      char literal;
      if (c == '|' || c == ')' || "*+?{}".indexOf(c) >= 0) {
        return null; // a top-level alternative, or a shape not read here
      } else if (c == '(' || c == '[') {
        if (c == '(' && i + 1 < n && regex.charAt(i + 1) == '?' && !regex.startsWith("(?:", i)) {
          return null; // inline flags such as (?i), or a named group
        }
        int end = c == '(' ? groupEnd(regex, i) : classEnd(regex, i);
        if (end < 0) {
          return null;
        }
        flush(run, found);
        i = skipQuantifier(regex, end);
        if (i < 0) {
          return null;
        }
        continue;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          return null;
        }
        char d = regex.charAt(i + 1);
        if (d < 0x80 && !Character.isLetterOrDigit(d)) {
          literal = d;
          next = i + 2;
        } else if ("dDsSwWbBAz".indexOf(d) >= 0) {
          flush(run, found);
          i = skipQuantifier(regex, i + 2);
          if (i < 0) {
            return null;
          }
          continue;
        } else {
          return null; // \Q, \x41, \p{..}, \n ...: not read here
        }
      } else if (c == '.' || c == '^' || c == '$' || c >= 0x80) {
        flush(run, found); // any character, an anchor, or a non-ASCII character (its case folding is not read here)
        i = skipQuantifier(regex, i + 1);
        if (i < 0) {
          return null;
        }
        continue;
      } else {
        literal = c;
        next = i + 1;
      }
      char q = next < n ? regex.charAt(next) : 0;
      if (q == '*' || q == '?' || q == '{') {
        flush(run, found); // the character may be absent
        i = skipQuantifier(regex, next);
        if (i < 0) {
          return null;
        }
      } else if (q == '+') {
        run.append(literal); // at least once, then maybe more: the run ends after it
        flush(run, found);
        i = skipQuantifier(regex, next);
      } else {
        run.append(literal);
        i = next;
      }
    }
    flush(run, found);
    return found;
  }

  private static void flush(StringBuilder run, List<String> found) {
    if (run.length() > 0) {
      found.add(run.toString());
      run.setLength(0);
    }
  }

  /** The index after the group opened at {@code open}, or -1 when it is not closed. */
  private static int groupEnd(String p, int open) {
    int depth = 0;
    for (int j = open; j < p.length(); ) {
      char c = p.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '[') {
        j = classEnd(p, j);
        if (j < 0) {
          return -1;
        }
      } else {
        if (c == '(') {
          depth++;
        } else if (c == ')' && --depth == 0) {
          return j + 1;
        }
        j++;
      }
    }
    return -1;
  }

  /** The index after the class opened at {@code open} ({@code []a]}, {@code [^]a]}, {@code [[:alpha:]]}), or -1. */
  private static int classEnd(String p, int open) {
    int j = open + 1;
    if (j < p.length() && p.charAt(j) == '^') {
      j++;
    }
    if (j < p.length() && p.charAt(j) == ']') {
      j++;
    }
    while (j < p.length()) {
      char c = p.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '[' && p.startsWith("[:", j)) {
        int close = p.indexOf(":]", j + 2);
        if (close < 0) {
          return -1;
        }
        j = close + 2;
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return -1;
  }

  /** {@code n}, {@code n,} or {@code n,m}: digits, then at most one comma and digits. */
  private static boolean repeatCount(String s) {
    int comma = s.indexOf(',');
    String low = comma < 0 ? s : s.substring(0, comma);
    String high = comma < 0 ? "" : s.substring(comma + 1);
    return !low.isEmpty() && low.chars().allMatch(c -> c >= '0' && c <= '9') && high.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** The index after a quantifier at {@code at} (and its lazy {@code ?}), {@code at} when there is none, -1 when unread. */
  private static int skipQuantifier(String p, int at) {
    int j = at;
    if (j < p.length() && "*+?".indexOf(p.charAt(j)) >= 0) {
      j++;
    } else if (j < p.length() && p.charAt(j) == '{') {
      int close = p.indexOf('}', j);
      if (close < 0 || !repeatCount(p.substring(j + 1, close))) {
        return -1;
      }
      j = close + 1;
    } else {
      return j;
    }
    return j < p.length() && p.charAt(j) == '?' ? j + 1 : j;
  }
}
