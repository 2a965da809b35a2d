package org.sysmontriage.detect.lsass;

import java.util.List;
import java.util.Locale;

/**
 * A memory-dump command found in a command line: which tool, what it is aimed at (as the tool's own
 * syntax places the process argument), and the dump file when it names one.
 *
 * @param tool canonical tool name ({@code procdump}, {@code comsvcs}, {@code werfault}, ...)
 * @param target the process argument as written, or empty when the tool names none
 * @param pid the target as a process id, or -1 when it is a name or expression
 * @param namesLsass the target names LSASS itself ({@code lsass.exe}, {@code (Get-Process lsass).Id})
 * @param dumpFile the dump file argument, or empty
 * @param mode what kind of call it is ({@code full dump}, {@code shtinkering}, {@code crash report}, ...)
 * @param note how the tool was recognised when not by its plain name (renamed, ordinal form), or empty
 */
public record DumpCommand(String tool, String target, long pid, boolean namesLsass, String dumpFile, String mode, String note) {

  /**
   * A target argument as a process id: 1-10 decimal digits (leading zeros allowed: {@code 00624}), or
   * {@code 0x} and 1-8 hex digits ({@code 0x270}); -1 otherwise.
   */
  static long pidOf(String token) {
    if (token == null || token.isEmpty()) {
      return -1;
    }
    boolean hex = isHexPid(token);
    int from = hex ? 2 : 0;
    if (token.length() - from > (hex ? 8 : 10) || token.length() == from) {
      return -1;
    }
    long v = 0;
    for (int i = from; i < token.length(); i++) {
      int d = Character.digit(token.charAt(i), hex ? 16 : 10);
      if (d < 0 || token.charAt(i) > 'f') {
        return -1;
      }
      v = v * (hex ? 16 : 10) + d;
    }
    return v;
  }

  static boolean isHexPid(String token) {
    return token.length() > 2 && token.charAt(0) == '0' && (token.charAt(1) == 'x' || token.charAt(1) == 'X');
  }

  /** A target argument that names LSASS: {@code lsass}, {@code lsass.exe}, a path to it, or an expression on it. */
  static boolean namesLsass(String token) {
    return token != null && token.toLowerCase(Locale.ROOT).contains("lsass");
  }

  static DumpCommand of(String tool, String target, String dumpFile, String mode, String note) {
    String t = target == null ? "" : target;
    String n = note == null ? "" : note;
    long pid = pidOf(t);
    if (pid >= 0 && isHexPid(t)) {
      n = (n.isEmpty() ? "" : n + "; ") + "PID written in hex (" + t + " = " + pid + ")";
    }
    return new DumpCommand(tool, t, pid, namesLsass(t), dumpFile == null ? "" : dumpFile, mode, n);
  }

  /** The arguments after position {@code from}. */
  static List<String> rest(List<String> argv, int from) {
    return from >= argv.size() ? List.of() : argv.subList(from, argv.size());
  }
}
