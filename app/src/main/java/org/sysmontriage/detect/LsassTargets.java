package org.sysmontriage.detect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.EventStore;

/**
 * Whether a command line aims at LSASS: it names lsass, or one of its numbers is a process id that
 * lsass.exe had on the same computer (learnt from every event of the store that shows lsass.exe
 * with its PID: process creation, process access as target or source, and any event whose Image
 * is lsass.exe). Dump utilities (comsvcs MiniDump, createdump, rdrleakdiag, SqlDumper,
 * DumpMinitool, WerFault -s) take a PID, so this is what tells an LSASS dump from a dump of a
 * crashing application.
 */
final class LsassTargets {
  private static final String[][] IMAGE_AND_PID = {
    {"Image", "ProcessId"}, {"TargetImage", "TargetProcessId"}, {"SourceImage", "SourceProcessId"}};

  private final EventStore store;
  private final Map<String, Set<String>> pidsByComputer = new HashMap<>();

  LsassTargets(EventStore store) {
    this.store = store;
    Map<Integer, Boolean> isLsass = new HashMap<>();
    int[][] ids = new int[IMAGE_AND_PID.length][2];
    for (int i = 0; i < ids.length; i++) {
      ids[i][0] = store.nameId(IMAGE_AND_PID[i][0]);
      ids[i][1] = store.nameId(IMAGE_AND_PID[i][1]);
    }
    for (int e = 0, n = store.size(); e < n; e++) {
      for (int[] pair : ids) {
        int image = pair[0] < 0 ? -1 : store.valueId(e, pair[0]);
        if (image < 0 || !isLsass.computeIfAbsent(image, v -> isLsassImage(store.value(v)))) {
          continue;
        }
        int pid = pair[1] < 0 ? -1 : store.valueId(e, pair[1]);
        if (pid >= 0) {
          pidsByComputer.computeIfAbsent(store.computer(e), k -> new HashSet<>()).add(store.value(pid).trim());
        }
      }
    }
  }

  private static boolean isLsassImage(String image) {
    String s = image.toLowerCase(Locale.ROOT);
    return s.equals("lsass.exe") || s.endsWith("\\lsass.exe");
  }

  /** True when event {@code e}'s command line names lsass or holds a PID lsass.exe had on that computer. */
  boolean aimsAtLsass(int e) {
    String cmd = store.field(e, "CommandLine");
    if (cmd == null) {
      return false;
    }
    if (cmd.toLowerCase(Locale.ROOT).contains("lsass")) {
      return true;
    }
    Set<String> pids = pidsByComputer.getOrDefault(store.computer(e), Set.of());
    for (int i = 0, n = cmd.length(); i < n; ) { // each run of digits, in one pass
      if (!isDigit(cmd.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && isDigit(cmd.charAt(i))) {
        i++;
      }
      if (pids.contains(cmd.substring(start, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
