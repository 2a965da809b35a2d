package org.sysmontriage.detect.lsass;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LSASS dumping tools on a command line that a plain text match misses: markers hidden by carets,
 * quotes or backticks, tools renamed but known by their OriginalFileName, and tools known by their
 * own switches (nanodump's long options, PPLBlade's {@code --mode dump}). Each finding is a
 * {@link DumpCommand} of tool {@code credential-tool} that names LSASS.
 */
final class CredentialTools {
  static final String TOOL = "credential-tool";
  private static final Set<String> NANODUMP = Set.of("valid", "fork", "snapshot", "duplicate", "elevate-handle", "spoof-callstack",
      "seclogon-leak-local", "seclogon-leak-remote", "seclogon-duplicate", "silent-process-exit", "shtinkering", "duplicate-elevate",
      "getpid", "chunk-size", "werfault");

  private CredentialTools() {}

  static void find(String image, String originalFileName, String commandLine, List<String> argv, List<DumpCommand> out) {
    String raw = commandLine.toLowerCase(Locale.ROOT);
    String joined = ScriptText.normalize(String.join(" ", argv));
    String m = ScriptText.marker(joined);
    if (m != null && !raw.contains(m)) {
      out.add(found(m, "'" + m + "' hidden from a plain text match by quotes, carets or backticks"));
    }
    String ofn = originalFileName == null ? "" : ScriptText.normalize(originalFileName);
    String ofnMarker = ofn.isEmpty() ? null : ScriptText.marker(ofn);
    String imageName = WinArgs.baseName(image == null ? argv.get(0) : image);
    if (ofnMarker != null && !imageName.contains(ofnMarker)) {
      out.add(found(ofnMarker, "renamed: OriginalFileName " + originalFileName + " runs as " + imageName));
    }
    nanodump(argv, out);
    pplblade(argv, out);
  }

  /** nanodump: {@code --write <file>} with at least one of its own long options. */
  private static void nanodump(List<String> argv, List<DumpCommand> out) {
    boolean write = false;
    String own = null;
    for (String a : argv) {
      if (a.startsWith("--")) {
        String s = a.substring(2).toLowerCase(Locale.ROOT);
        write |= s.equals("write");
        own = own == null && NANODUMP.contains(s) ? a : own;
      }
    }
    if (write && own != null) {
      out.add(found("nanodump", "nanodump's options --write and " + own + " (a renamed nanodump)"));
    }
  }

  /** PPLBlade: {@code --mode dump --name <process> | --pid <pid>}. */
  private static void pplblade(List<String> argv, List<DumpCommand> out) {
    boolean dump = false;
    String target = "";
    for (int i = 0; i + 1 < argv.size(); i++) {
      String s = argv.get(i).toLowerCase(Locale.ROOT);
      if (s.equals("--mode")) {
        dump |= argv.get(i + 1).equalsIgnoreCase("dump");
      } else if (s.equals("--name") || s.equals("--pid")) {
        target = argv.get(i + 1);
      }
    }
    if (dump && !target.isEmpty()) {
      out.add(DumpCommand.of("pplblade", target, "", "PPLBlade --mode dump (PPL bypass dumper)", ""));
    }
  }

  private static DumpCommand found(String marker, String note) {
    return new DumpCommand(TOOL, marker, -1, true, "", "a tool made to dump LSASS or read its secrets (" + marker + ")", note);
  }
}
