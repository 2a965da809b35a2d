package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Windows command line into arguments the way programs see them (the rules of
 * {@code CommandLineToArgvW}: quotes group and are removed, {@code ""} inside quotes is a quote,
 * backslashes are literal unless they precede a quote), after dropping cmd.exe's {@code ^} escapes
 * outside quotes. One pass over the text: linear time on any input.
 */
public final class WinArgs {
  private WinArgs() {}

  public static List<String> split(String commandLine) {
    List<String> out = new ArrayList<>();
    if (commandLine == null) {
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean inQuotes = false;
    boolean inToken = false;
    int n = commandLine.length();
    for (int i = 0; i < n; i++) {
      char c = commandLine.charAt(i);
      if (c == '\\') {
        int run = 0;
        while (i < n && commandLine.charAt(i) == '\\') {
          run++;
          i++;
        }
        if (i < n && commandLine.charAt(i) == '"') {
          cur.append("\\".repeat(run / 2));
          if (run % 2 == 1) {
            cur.append('"');
          } else {
            i--; // let the quote toggle below
          }
        } else {
          cur.append("\\".repeat(run));
          i--;
        }
        inToken = true;
      } else if (c == '"') {
        if (inQuotes && i + 1 < n && commandLine.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          inQuotes = !inQuotes;
        }
        inToken = true;
      } else if (c == '^' && !inQuotes) {
        if (i + 1 < n) {
          cur.append(commandLine.charAt(++i));
        }
        inToken = true;
      } else if ((c == ' ' || c == '\t' || c == '\r' || c == '\n') && !inQuotes) {
        if (inToken) {
          out.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
      } else {
        cur.append(c);
        inToken = true;
      }
    }
    if (inToken) {
      out.add(cur.toString());
    }
    return out;
  }

  /** The file name of a path (after the last {@code \} or {@code /}), lower case. */
  public static String baseName(String path) {
    if (path == null) {
      return "";
    }
    int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
    return path.substring(cut + 1).toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code -x}, {@code /x} and the dash look-alikes Windows programs accept (en dash, em dash, ...). */
  public static boolean isSwitch(String token) {
    if (token.isEmpty()) {
      return false;
    }
    char c = token.charAt(0);
    return c == '-' || c == '/' || c == '\u2013' || c == '\u2014' || c == '\u2015';
  }

  /** The switch's name without its dash, lower case ({@code -MA} -> {@code ma}, {@code --pid} -> {@code pid}). */
  public static String switchName(String token) {
    int i = 0;
    while (i < token.length() && isSwitch(token.substring(i, i + 1))) {
      i++;
    }
    return token.substring(i).toLowerCase(java.util.Locale.ROOT);
  }
}
