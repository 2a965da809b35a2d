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

  /** Whether a target argument is a process id (1-10 decimal digits). */
  static long pidOf(String token) {
    if (token == null || token.isEmpty() || token.length() > 10) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** A target argument that names LSASS: {@code lsass}, {@code lsass.exe}, a path to it, or an expression on it. */
  static boolean namesLsass(String token) {
    return token != null && token.toLowerCase(Locale.ROOT).contains("lsass");
  }

  static DumpCommand of(String tool, String target, String dumpFile, String mode, String note) {
    String t = target == null ? "" : target;
    return new DumpCommand(tool, t, pidOf(t), namesLsass(t), dumpFile == null ? "" : dumpFile, mode, note == null ? "" : note);
  }

  /** The arguments after position {@code from}. */
  static List<String> rest(List<String> argv, int from) {
    return from >= argv.size() ? List.of() : argv.subList(from, argv.size());
  }
}
