package org.sysmontriage.detect.lsass;

import java.util.List;
import java.util.Locale;

/**
 * Script and command text as the interpreter will run it, for the markers of LSASS dumping tools:
 * lower case, PowerShell's backtick escapes dropped ({@code Invoke-Mimi`katz}), string pieces joined
 * ({@code 'Invoke-Mimi'+'katz'}, {@code "sekur" + "lsa::"}). One pass over the text (linear time).
 */
public final class ScriptText {
  /** Markers of tools and script functions made to dump LSASS or read its secrets (lower case). */
  static final List<String> MARKERS = List.of("invoke-mimikatz", "sekurlsa::", "lsadump::lsa", "misc::memssp", "out-minidump",
      "minidumpwritedump", "invoke-nanodump", "invoke-ppldump", "nanodump", "ppldump", "handlekatz", "pplblade", "pplfault",
      "outflank-dumpert", "safetykatz", "sharpkatz", "mirrordump", "lsassy", "pypykatz");

  private ScriptText() {}

  /** The text lower case, backticks dropped and quoted pieces joined across {@code +}. */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    int n = text.length();
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '`') {
        continue;
      }
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < n && Character.isWhitespace(text.charAt(j))) {
          j++;
        }
        if (j < n && text.charAt(j) == '+') {
          j++;
          while (j < n && Character.isWhitespace(text.charAt(j))) {
            j++;
          }
          if (j < n && (text.charAt(j) == '\'' || text.charAt(j) == '"')) {
            i = j; // 'abc' + 'def' -> 'abcdef: the closing quote, the +, the opening quote go
            continue;
          }
        }
      }
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }

  /** The first marker in already normalized text, or null. */
  static String marker(String normalized) {
    for (String m : MARKERS) {
      if (normalized.contains(m)) {
        return m;
      }
    }
    return null;
  }
}
