package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the command lines of the tools that dump a process by name or PID, each by its own syntax:
 * the process argument is taken where the tool takes it, never from any run of digits. A tool is
 * recognised by its OriginalFileName (renamed copies), its image name, or its name inside a wrapper
 * command line ({@code cmd /c}, {@code powershell -c}).
 */
public final class DumpSyntax {
  static final Set<String> PROCDUMP_VALUED = Set.of("c", "cl", "m", "ml", "n", "p", "pl", "s", "f", "fx", "at", "dc", "mc", "md", "tl");

  private DumpSyntax() {}

  /**
   * Every dump command in a process start.
   *
   * @param image the process image (may be null: Security 4688 without it)
   * @param originalFileName Sysmon's OriginalFileName, or null
   * @param commandLine the command line
   * @param dllOriginalName a DLL path to the OriginalFileName the logs show for it (Sysmon EID 7), or null
   */
  public static List<DumpCommand> find(String image, String originalFileName, String commandLine, UnaryOperator<String> dllOriginalName) {
    List<DumpCommand> out = new ArrayList<>();
    find(image, originalFileName, commandLine, dllOriginalName, "", out);
    return out;
  }

  private static void find(String image, String originalFileName, String commandLine, UnaryOperator<String> dlls, String outer,
      List<DumpCommand> out) {
    List<String> argv = WinArgs.split(commandLine);
    if (argv.isEmpty()) {
      return;
    }
    String ofn = originalFileName == null || originalFileName.isBlank() || originalFileName.equals("-") ? null : originalFileName;
    String imageKey = image == null || image.isBlank() ? toolKey(argv.get(0)) : toolKey(image);
    String ofnKey = ofn == null ? null : ofnKey(ofn);
    String key = ofnKey != null && isTool(ofnKey) ? ofnKey : imageKey;
    String note = ofnKey != null && isTool(ofnKey) && !ofnKey.equals(imageKey)
        ? "renamed: OriginalFileName " + ofn + " runs as " + WinArgs.baseName(image == null ? argv.get(0) : image) : "";
    int before = out.size();
    parse(key, argv, 0, dlls, join(outer, note), out);
    if (!isTool(key) && hasProcdumpDumpSwitch(argv)) { // a renamed procdump the logs cannot name (Security 4688)
      parse("procdump", argv, 0, dlls, join(outer, "procdump's dump switches on " + WinArgs.baseName(argv.get(0))
          + ", a program the logs do not identify (renamed procdump?)"), out);
    }
    for (int i = 1; i < argv.size(); i++) { // wrappers: cmd /c procdump ..., powershell -c "rundll32 ..."
      String k = toolKey(argv.get(i));
      if (isTool(k) && looksLikeProgram(argv.get(i))) {
        parse(k, argv, i, dlls, join(outer, "started from a wrapper command line"), out);
      }
    }
    List<DumpCommand> tools = new ArrayList<>();
    CredentialTools.find(image, ofn, commandLine, argv, tools);
    tools.forEach(t -> out.add(new DumpCommand(t.tool(), t.target(), t.pid(), t.namesLsass(), t.dumpFile(), t.mode(), join(outer, t.note()))));
    if (outer.isEmpty()) { // one level: an encoded command inside an encoded command is not decoded again
      String script = EncodedCommand.decode(imageKey, argv);
      if (script != null) {
        find(null, null, script, dlls, "decoded from PowerShell -EncodedCommand", out);
        String m = ScriptText.marker(ScriptText.normalize(script));
        if (m != null && out.size() == before) {
          out.add(new DumpCommand(CredentialTools.TOOL, m, -1, true, "", "a tool made to dump LSASS or read its secrets (" + m + ")",
              "decoded from PowerShell -EncodedCommand"));
        }
      }
    }
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
  }

  /** The tool an OriginalFileName names: createdump's PE resource carries the placeholder {@code FX_VER_INTERNALNAME_STR}. */
  static String ofnKey(String ofn) {
    return ofn.equalsIgnoreCase("FX_VER_INTERNALNAME_STR") ? "createdump" : toolKey(ofn);
  }

  /** {@code -ma}, {@code -mm}, {@code -mp}: procdump's dump-type switches. */
  private static boolean hasProcdumpDumpSwitch(List<String> argv) {
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (WinArgs.isSwitch(a)) {
        String s = WinArgs.switchName(a);
        if (s.equals("ma") || s.equals("mm") || s.equals("mp")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean looksLikeProgram(String token) {
    String b = WinArgs.baseName(token);
    return b.endsWith(".exe") || !b.contains(".");
  }

  static boolean isTool(String key) {
    return TOOLS.contains(key);
  }

  /** {@code C:\x\procdump64.exe} -> {@code procdump}; {@code DumpMinitool.x86.exe} -> {@code dumpminitool}. */
  static String toolKey(String pathOrName) {
    String b = WinArgs.baseName(pathOrName);
    if (b.endsWith(".exe")) {
      b = b.substring(0, b.length() - 4);
    }
    String shortName = shortNameTool(b);
    if (shortName != null) {
      return shortName;
    }
    for (String suffix : List.of(".x86", ".x64", ".arm64", "64a", "64")) {
      if (b.endsWith(suffix) && b.length() > suffix.length()) {
        b = b.substring(0, b.length() - suffix.length());
        break;
      }
    }
    return b;
  }

  static final List<String> TOOLS = List.of("procdump", "trolleyexpress", "rundll32", "createdump", "rdrleakdiag", "sqldumper",
      "dumpminitool", "tttracer", "dotnet-dump", "werfault", "werfaultsecure");

  /**
   * An 8.3 short name ({@code PROCDU~1}, {@code RUNDLL~1}): the tool whose name starts with the part
   * before {@code ~} (at least 4 characters: {@code WERFAU~1} reads as WerFault), or null.
   */
  static String shortNameTool(String b) {
    int tilde = b.indexOf('~');
    if (tilde < 4 || tilde != b.length() - 2 || !Character.isDigit(b.charAt(b.length() - 1))) {
      return null;
    }
    String prefix = b.substring(0, tilde);
    for (String t : TOOLS) {
      if (t.startsWith(prefix)) {
        return t;
      }
    }
    return null;
  }

  private static void parse(String key, List<String> argv, int at, UnaryOperator<String> dlls, String note, List<DumpCommand> out) {
    List<String> args = DumpCommand.rest(argv, at + 1);
    DumpCommand c = switch (key) {
      case "procdump", "trolleyexpress" -> procdump(args, note); // TrolleyExpress: Citrix's signed procdump
      case "rundll32" -> comsvcs(args, dlls, note);
      case "createdump" -> createdump(args, note);
      case "rdrleakdiag" -> rdrleakdiag(args, note);
      case "sqldumper" -> args.isEmpty() ? null : DumpCommand.of("sqldumper", args.get(0), "", "dump (SqlDumper)", note);
      case "dumpminitool" -> valueOf(args, Set.of("processid"), "dumpminitool", "file", note);
      case "tttracer" -> valueOf(args, Set.of("attach"), "tttracer", "out", note);
      case "dotnet-dump" -> valueOf(args, Set.of("p", "process-id", "n", "name"), "dotnet-dump", "o", note);
      case "werfault" -> werfault(args, note);
      case "werfaultsecure" -> valueOf(args, Set.of("pid"), "werfaultsecure", "file", note);
      default -> null;
    };
    if (c != null && !c.target().isEmpty()) {
      out.add(c);
    }
  }

  /** {@code procdump [options] <name or PID> [dump file]}; {@code -x} launches a program instead. */
  static DumpCommand procdump(List<String> args, String note) {
    List<String> positional = new ArrayList<>();
    String mode = "mini dump";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!WinArgs.isSwitch(a) || DumpCommand.pidOf(a) >= 0) {
        positional.add(a);
        continue;
      }
      String s = WinArgs.switchName(a);
      if (s.equals("x")) {
        return null; // -x <dump folder> <image>: procdump starts the program itself
      }
      if (s.equals("ma")) {
        mode = "full dump (-ma)";
      } else if (s.startsWith("m") && s.length() == 2 && !mode.startsWith("full")) {
        mode = "dump (" + a + ")";
      }
      if (PROCDUMP_VALUED.contains(s) && i + 1 < args.size()) {
        i++;
      } else if ((s.equals("r") || s.equals("e")) && i + 1 < args.size() && args.get(i + 1).length() == 1
          && Character.isDigit(args.get(i + 1).charAt(0))) {
        i++; // optional single-digit value: -r 3 (clones, at most 5), -e 1; no process has a one-digit PID to dump
      }
    }
    if (positional.isEmpty()) {
      return null;
    }
    return DumpCommand.of("procdump", positional.get(0), positional.size() > 1 ? positional.get(1) : "", mode, note);
  }

  /**
   * {@code rundll32 <dll>,<export> <args>}: comsvcs.dll's MiniDump export by name or by ordinal 24 in any
   * spelling ({@code #24}, {@code #0024}, {@code #+24}, {@code #-65512}, {@code #65560}: rundll32 keeps the
   * low 16 bits), on a copy of comsvcs.dll under another name when the logs show its OriginalFileName.
   */
  static DumpCommand comsvcs(List<String> args, UnaryOperator<String> dlls, String note) {
    if (args.isEmpty()) {
      return null;
    }
    String first = args.get(0);
    int comma = first.indexOf(',');
    String dll = comma >= 0 ? first.substring(0, comma) : first;
    String export = comma >= 0 ? first.substring(comma + 1) : "";
    int next = 1;
    if (export.isEmpty() && next < args.size()) {
      export = args.get(next++);
      if (export.startsWith(",")) {
        export = export.substring(1);
      }
    }
    boolean byName = export.equalsIgnoreCase("MiniDump") || export.equalsIgnoreCase("MiniDumpW");
    boolean byOrdinal = isOrdinal24(export);
    if (!byName && !byOrdinal) {
      return null;
    }
    String dllName = WinArgs.baseName(dll);
    String ofn = dlls == null ? null : dlls.apply(dll);
    boolean comsvcsName = dllName.equals("comsvcs.dll") || dllName.equals("comsvcs");
    boolean comsvcsOfn = ofn != null && ofn.toLowerCase(Locale.ROOT).startsWith("comsvcs");
    List<String> notes = new ArrayList<>();
    if (!note.isEmpty()) {
      notes.add(note);
    }
    if (!comsvcsName && comsvcsOfn) {
      notes.add("renamed copy of comsvcs.dll (" + dllName + ", OriginalFileName " + ofn + ")");
    } else if (!comsvcsName) {
      notes.add(byName ? "MiniDump export of " + dllName + " (a renamed comsvcs.dll?)" : "ordinal " + export + " of " + dllName
          + ", which the logs do not identify");
    }
    if (byOrdinal && !export.equals("#24")) {
      notes.add("export " + export + " is ordinal 24 (MiniDump)");
    }
    String target = next < args.size() ? args.get(next) : "";
    String file = next + 1 < args.size() ? args.get(next + 1) : "";
    String mode = comsvcsName || comsvcsOfn ? "comsvcs MiniDump" : "MiniDump export of an unidentified DLL";
    return DumpCommand.of("comsvcs", target, file, mode, String.join("; ", notes));
  }

  /** {@code #24}, {@code #0024}, {@code #+24}, {@code #-65512}: ordinals are read modulo 65,536 (linear, any length). */
  static boolean isOrdinal24(String export) {
    if (export.length() < 2 || export.charAt(0) != '#') {
      return false;
    }
    int i = 1;
    boolean negative = false;
    if (export.charAt(i) == '+' || export.charAt(i) == '-') {
      negative = export.charAt(i) == '-';
      i++;
    }
    if (i >= export.length()) {
      return false;
    }
    long v = 0;
    for (; i < export.length(); i++) {
      char c = export.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      v = (v * 10 + (c - '0')) % 65536;
    }
    return Math.floorMod(negative ? -v : v, 65536) == 24;
  }

  /** {@code createdump [options] <pid>}; {@code -f/--name <file>}. */
  static DumpCommand createdump(List<String> args, String note) {
    String pid = "";
    String file = "";
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (WinArgs.isSwitch(a)) {
        String s = WinArgs.switchName(a);
        if ((s.equals("f") || s.equals("name")) && i + 1 < args.size()) {
          file = args.get(++i);
        }
      } else {
        pid = a;
      }
    }
    return DumpCommand.of("createdump", pid, file, "dump (createdump)", note);
  }

  /** {@code rdrleakdiag /p <pid> /o <folder> /fullmemdmp | /memdmp}: only a dump when a dump switch is there. */
  static DumpCommand rdrleakdiag(List<String> args, String note) {
    String pid = "";
    String folder = "";
    String mode = null;
    for (int i = 0; i < args.size(); i++) {
      String s = WinArgs.isSwitch(args.get(i)) ? WinArgs.switchName(args.get(i)) : "";
      if (s.equals("p") && i + 1 < args.size()) {
        pid = args.get(++i);
      } else if (s.equals("o") && i + 1 < args.size()) {
        folder = args.get(++i);
      } else if (s.equals("fullmemdmp") || s.equals("memdmp")) {
        mode = "/" + s;
      }
    }
    return mode == null ? null : DumpCommand.of("rdrleakdiag", pid, folder, "dump (" + mode + ")", note);
  }

  /** Tools that name the process after a switch: {@code --processId <pid>}, {@code -attach <pid>}, {@code /pid <pid>}. */
  static DumpCommand valueOf(List<String> args, Set<String> targetSwitches, String tool, String fileSwitch, String note) {
    String target = "";
    String file = "";
    for (int i = 0; i + 1 < args.size(); i++) {
      if (!WinArgs.isSwitch(args.get(i))) {
        continue;
      }
      String s = WinArgs.switchName(args.get(i));
      if (targetSwitches.contains(s)) {
        target = args.get(++i);
      } else if (s.equals(fileSwitch) || s.equals("file") || s.equals("output")) {
        file = args.get(++i);
      }
    }
    return DumpCommand.of(tool, target, file, "dump (" + tool + ")", note);
  }

  /**
   * WerFault: {@code -u -p <pid> -ip <pid> -s <handle>} reports on another process's behalf (LSASS
   * Shtinkering when -p is LSASS); {@code -s -t <tid> -i <pid> -e <pid>} is the silent-process-exit
   * dump; {@code -u -p <pid> -s <n>} without {@code -ip} is an ordinary crash report.
   */
  static DumpCommand werfault(List<String> args, String note) {
    String p = "";
    String ip = "";
    String i = "";
    boolean s = false;
    for (int k = 0; k < args.size(); k++) {
      String sw = WinArgs.isSwitch(args.get(k)) ? WinArgs.switchName(args.get(k)) : "";
      boolean hasValue = k + 1 < args.size() && !WinArgs.isSwitch(args.get(k + 1));
      switch (sw) {
        case "p" -> p = hasValue ? args.get(++k) : p;
        case "ip" -> ip = hasValue ? args.get(++k) : ip;
        case "i" -> i = hasValue ? args.get(++k) : i;
        case "s" -> s = true;
        default -> { }
      }
    }
    if (!i.isEmpty() && s) {
      return DumpCommand.of("werfault", i, "", "silent process exit dump (-s -i)", note);
    }
    if (!p.isEmpty() && !ip.isEmpty() && !ip.equals(p)) {
      return DumpCommand.of("werfault", p, "", "report on behalf of PID " + ip + " (-ip): Shtinkering", note);
    }
    if (!p.isEmpty()) {
      return DumpCommand.of("werfault", p, "", "crash report (-p without -ip)", note);
    }
    return null;
  }
}
