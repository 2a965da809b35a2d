package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's regular expression in the words an analyst reads: {@code (^|\\)lsass[^\\]*\.dmp$} is
 * "file name matches lsass*.dmp". Only simple shapes are put in words (literals, {@code [^\\]*} and
 * {@code .*} as {@code *}, {@code .} as {@code ?}, alternatives of literals as {@code {a,b}});
 * anything else is quoted as the rule writes it. Runs once per rule, never on log values.
 */
final class RegexWords {
  private RegexWords() {}

  /** "file name matches lsass*.dmp", "matches *\temp\*.dmp", or null when the pattern has no simple words. */
  static String of(String regex) {
    String p = regex;
    boolean fileName = false;
    boolean start = false;
    if (p.startsWith("(^|\\\\)") || p.startsWith("(?:^|\\\\)")) {
      fileName = true;
      p = p.substring(p.indexOf(')') + 1);
    } else if (p.startsWith("^")) {
      start = true;
      p = p.substring(1);
    }
    boolean end = p.endsWith("$") && !p.endsWith("\\$");
    if (end) {
      p = p.substring(0, p.length() - 1);
    }
    String glob = glob(p);
    if (glob == null || glob.isEmpty()) {
      return null;
    }
    String body = (fileName || start ? "" : "*") + glob + (end ? "" : "*");
    return (fileName ? "file name matches " : "matches ") + body.replace("**", "*");
  }

  private static String glob(String p) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (p.startsWith("[^\\\\]*", i)) {
        out.append('*');
        i += 6;
      } else if (p.startsWith(".*", i)) {
        out.append('*');
        i += 2;
      } else if (c == '\\' && i + 1 < p.length() && !Character.isLetterOrDigit(p.charAt(i + 1))) {
        out.append(p.charAt(i + 1));
        i += 2;
      } else if (c == '.') {
        out.append('?');
        i++;
      } else if (c == '(') {
        int close = p.indexOf(')', i);
        List<String> alts = close < 0 ? null : alternatives(p.substring(p.startsWith("(?:", i) ? i + 3 : i + 1, close));
        if (alts == null) {
          return null;
        }
        out.append('{').append(String.join(",", alts)).append('}');
        i = close + 1;
      } else if ("[]{}()|+?*^$".indexOf(c) >= 0 || c == '\\') {
        return null; // a class, a repeat or an escape like \d: quoted as written
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static List<String> alternatives(String group) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int bar = group.indexOf('|'); from <= group.length(); bar = group.indexOf('|', from)) {
      String a = group.substring(from, bar < 0 ? group.length() : bar);
      from = bar < 0 ? group.length() + 1 : bar + 1;
      String g = glob(a);
      if (g == null || g.contains("{")) {
        return null;
      }
      out.add(g);
    }
    return out;
  }
}
