package org.sysmontriage.incident;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words the dump-file trail uses: which file extensions a dump (or its package) has, and what a
 * command line that names the dump does with it (packs, copies, sends, reads).
 */
final class DumpNames {
  private static final Set<String> EXTENSIONS = Set.of(
      "dmp", "mdmp", "dump", "bin", "zip", "7z", "rar", "gz", "cab", "tar", "txt", "log", "out", "raw");
  /** Verb, then words of a command line that mean it; first match wins (sending names the package, so it comes first). */
  private static final List<List<String>> VERBS = List.of(
      List.of("sent", "curl", "wget", "invoke-webrequest", "bitsadmin", "ftp", "scp", "pscp", "certutil", "net use"),
      List.of("packed", "7z", "rar.exe", "winrar", "compress-archive", "makecab", "tar.exe", "zip", "gzip"),
      List.of("copied", "copy", "xcopy", "robocopy", "move", "ren ", "rename", "copy-item", "move-item"),
      List.of("read", "type ", "get-content", "findstr", "mimikatz", "pypykatz"));

  private DumpNames() {}

  static boolean isDumpLike(String extension) {
    return EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
  }

  /** What a command line naming the dump does with it: packed, sent, copied, read, or named. */
  static String verb(String commandLine) {
    String c = commandLine.toLowerCase(Locale.ROOT);
    for (List<String> v : VERBS) {
      for (String word : v.subList(1, v.size())) {
        if (c.contains(word)) {
          return v.get(0);
        }
      }
    }
    return "named";
  }
}
