package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sysmontriage.event.EventStore;

/**
 * What the incident engine reads from one event, whatever its source: the acting process (Sysmon
 * ProcessGuid, or the process id of Security 4688/4656/4663), its parent, logon id, user, target,
 * files and command line. Field names are Sysmon's canonical ones; Security's are mapped here.
 */
final class EventFacts {
  /** Logon ids shared by every service process: never a link between two hits. */
  private static final List<String> SHARED_LOGONS = List.of("0x3e7", "0x3e4", "0x3e5", "0x0");

  private final EventStore store;

  EventFacts(EventStore store) {
    this.store = store;
  }

  EventStore store() {
    return store;
  }

  String field(int e, String... names) {
    for (String n : names) {
      String v = store.field(e, n);
      if (v != null && !v.isBlank() && !v.equals("-")) {
        return v;
      }
    }
    return null;
  }

  /** The acting process's Sysmon GUID, lower case without braces, or null. */
  String actorGuid(int e) {
    return guid(field(e, "SourceProcessGUID", "SourceProcessGuid", "ProcessGuid"));
  }

  String parentGuid(int e) {
    return guid(field(e, "ParentProcessGuid"));
  }

  /** The acting process id, decimal, or null: the new process of a 4688, the source of an access. */
  String actorPid(int e) {
    return decimal(actorPidValue(e));
  }

  /** The acting process id as a number, or -1 (see {@link #actorPid}). */
  long actorPidValue(int e) {
    return pidValue(store.eventId(e) == 4688 ? field(e, "NewProcessId") : field(e, "SourceProcessId", "ProcessId"));
  }

  /** The parent (creator) process id of a process creation, decimal, or null. */
  String parentPid(int e) {
    return decimal(parentPidValue(e));
  }

  /** The parent (creator) process id of a process creation as a number, or -1. */
  long parentPidValue(int e) {
    int id = store.eventId(e);
    if (id == 4688) {
      return pidValue(field(e, "ProcessId"));
    }
    return id == 1 ? pidValue(field(e, "ParentProcessId")) : -1;
  }

  /** Logon id of the actor, normalised ({@code 0x1a274c4}); null for the shared service logons. */
  String logonId(int e) {
    String v = field(e, "LogonId", "SubjectLogonId");
    if (v == null) {
      return null;
    }
    String n = hex(v);
    return n == null || SHARED_LOGONS.contains(n) ? null : n;
  }

  /** The user as the log names it ({@code PANDALAB\nora.quemona}), or null. */
  String user(int e) {
    String u = field(e, "User", "SourceUser", "TargetUserName", "SubjectUserName");
    if (u != null && store.eventId(e) == 4688 && u.equals(field(e, "TargetUserName")) && "-".equals(u)) {
      u = field(e, "SubjectUserName");
    }
    return u;
  }

  /** The user without domain, lower case, or null for accounts every service shares. */
  String userKey(int e) {
    String u = user(e);
    if (u == null) {
      return null;
    }
    String name = u.substring(u.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
    boolean shared = name.endsWith("$") || name.equals("system") || name.equals("local service")
        || name.equals("network service") || name.isBlank();
    return shared ? null : name;
  }

  String image(int e) {
    return field(e, "Image", "SourceImage", "NewProcessName", "ProcessName");
  }

  String commandLine(int e) {
    return field(e, "CommandLine", "ScriptBlockText");
  }

  String targetFile(int e) {
    return field(e, "TargetFilename");
  }

  /** True when the event's target (image, object, command line) is lsass.exe. */
  boolean targetsLsass(int e) {
    return isLsass(field(e, "TargetImage")) || isLsass(field(e, "ObjectName")) || mentionsLsass(commandLine(e));
  }

  static boolean isLsass(String path) {
    if (path == null) {
      return false;
    }
    String s = path.toLowerCase(Locale.ROOT);
    return s.equals("lsass.exe") || s.endsWith("\\lsass.exe");
  }

  private static boolean mentionsLsass(String cmd) {
    return cmd != null && cmd.toLowerCase(Locale.ROOT).contains("lsass");
  }

  /** The access mask asked for or granted (GrantedAccess, AccessMask), or -1. */
  long accessMask(int e) {
    String v = field(e, "GrantedAccess", "AccessMask");
    String h = v == null ? null : hex(v);
    if (h == null) {
      return -1;
    }
    try {
      return Long.parseUnsignedLong(h.substring(2), 16);
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  /** The SHA-256 (else MD5) of a Sysmon Hashes field, upper case, or null. */
  String toolHash(int e) {
    String h = field(e, "Hashes");
    if (h == null) {
      return null;
    }
    for (String algo : List.of("SHA256=", "MD5=", "SHA1=")) {
      int i = h.toUpperCase(Locale.ROOT).indexOf(algo);
      if (i >= 0) {
        int end = h.indexOf(',', i);
        return h.substring(i, end < 0 ? h.length() : end).toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** Evidence source in words: Sysmon, Security, PowerShell, Defender or the channel. */
  String sourceKind(int e) {
    return sourceKind(store.channel(e));
  }

  static String sourceKind(String channel) {
    String c = channel == null ? "" : channel.toLowerCase(Locale.ROOT);
    if (c.contains("sysmon")) {
      return "Sysmon";
    }
    if (c.equals("security")) {
      return "Security";
    }
    if (c.contains("powershell")) {
      return "PowerShell";
    }
    if (c.contains("defender")) {
      return "Defender";
    }
    return channel == null || channel.isBlank() ? "unknown" : channel;
  }

  /** File names in a command line that look like a dump or its package (.dmp, .zip, ...), lower case. */
  static List<String> namedFiles(String cmd) {
    List<String> out = new ArrayList<>();
    if (cmd == null) {
      return out;
    }
    for (String token : tokens(cmd)) {
      String base = baseName(token);
      int dot = base.lastIndexOf('.');
      if (dot > 0 && DumpNames.isDumpLike(base.substring(dot + 1)) && !out.contains(base)) {
        out.add(base);
      }
    }
    return out;
  }

  /** Words of a command line split at blanks, quotes, commas, semicolons and '=' (one pass, no regex). */
  static List<String> tokens(String cmd) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= cmd.length(); i++) {
      boolean sep = i == cmd.length() || Character.isWhitespace(cmd.charAt(i)) || "\"',;=".indexOf(cmd.charAt(i)) >= 0;
      if (sep && start >= 0) {
        out.add(cmd.substring(start, i));
        start = -1;
      } else if (!sep && start < 0) {
        start = i;
      }
    }
    return out;
  }

  /** Last path element, lower case; both separators. */
  static String baseName(String path) {
    String p = path.replace('/', '\\');
    return p.substring(p.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
  }

  static String guid(String v) {
    if (v == null) {
      return null;
    }
    String g = v.trim().toLowerCase(Locale.ROOT);
    if (g.startsWith("{") && g.endsWith("}")) {
      g = g.substring(1, g.length() - 1);
    }
    return g.isEmpty() || g.chars().allMatch(c -> c == '0' || c == '-') ? null : g;
  }

  /** A process id in decimal, from {@code 3420} or {@code 0x0000000000000d5c}; null if neither. */
  static String pid(String v) {
    return decimal(pidValue(v));
  }

  /**
   * A process id as a number, from {@code 3420} or {@code 0x0000000000000d5c}; -1 if neither (or not above 0). Two
   * texts give the same number exactly when {@link #pid} gives them the same decimal text.
   */
  static long pidValue(String v) {
    if (v == null) {
      return -1;
    }
    String s = v.trim();
    try {
      long n = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
      return n <= 0 ? -1 : n;
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  private static String decimal(long pid) {
    return pid < 0 ? null : Long.toString(pid);
  }

  /** A hex value without leading zeros ({@code 0x001fffff} -> {@code 0x1fffff}); null if not hex. */
  static String hex(String v) {
    String s = v.trim().toLowerCase(Locale.ROOT);
    if (!s.startsWith("0x") || s.length() < 3) {
      return null;
    }
    int i = 2;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    String digits = s.substring(i);
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), 16) < 0) {
        return null;
      }
    }
    return "0x" + digits;
  }
}
