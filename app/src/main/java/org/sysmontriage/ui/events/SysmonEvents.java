package org.sysmontriage.ui.events;

import java.util.Map;

/** Sysmon's names for its EventIDs, so a list of numbers reads as what happened. */
public final class SysmonEvents {
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(1, "Process create"), Map.entry(2, "File creation time changed"), Map.entry(3, "Network connection"),
      Map.entry(4, "Sysmon state changed"), Map.entry(5, "Process terminated"), Map.entry(6, "Driver loaded"),
      Map.entry(7, "Image loaded"), Map.entry(8, "CreateRemoteThread"), Map.entry(9, "RawAccessRead"),
      Map.entry(10, "Process access"), Map.entry(11, "File create"), Map.entry(12, "Registry object added or deleted"),
      Map.entry(13, "Registry value set"), Map.entry(14, "Registry object renamed"), Map.entry(15, "File stream created"),
      Map.entry(16, "Sysmon config changed"), Map.entry(17, "Pipe created"), Map.entry(18, "Pipe connected"),
      Map.entry(19, "WMI filter"), Map.entry(20, "WMI consumer"), Map.entry(21, "WMI consumer to filter"),
      Map.entry(22, "DNS query"), Map.entry(23, "File delete archived"), Map.entry(24, "Clipboard changed"),
      Map.entry(25, "Process tampering"), Map.entry(26, "File delete logged"), Map.entry(27, "File block executable"),
      Map.entry(28, "File block shredding"), Map.entry(29, "File executable detected"), Map.entry(255, "Sysmon error"));

  private SysmonEvents() {}

  /** "10 · Process access", or just the number for other EventIDs. */
  public static String label(String id) {
    try {
      String name = NAMES.get(Integer.parseInt(id));
      return name == null ? id : id + " · " + name;
    } catch (NumberFormatException e) {
      return id;
    }
  }
}
