package org.sysmontriage.incident;

import org.sysmontriage.detect.Hit;

/** An event in plain words, and the stage it shows. */
final class Summaries {
  private static final int MAX_COMMAND = 300;
  private final EventFacts facts;

  Summaries(EventFacts facts) {
    this.facts = facts;
  }

  StepKind kind(int e) {
    return switch (facts.store().eventId(e)) {
      case 1, 4688 -> StepKind.TOOL_START;
      case 8, 10, 4656, 4663 -> facts.targetsLsass(e) ? StepKind.LSASS_ACCESS : StepKind.OTHER;
      case 11 -> StepKind.DUMP_WRITTEN;
      case 2, 15, 23, 26, 29 -> StepKind.DUMP_HANDLED;
      case 4103, 4104 -> StepKind.SCRIPT;
      case 1006, 1007, 1015, 1116, 1117 -> StepKind.ANTIVIRUS;
      default -> StepKind.OTHER;
    };
  }

  /** Plain words; {@code hit} (may be null) names the analytic when nothing better is known. */
  String summary(int e, Hit hit) {
    String actor = orUnknown(shortImage(facts.image(e)));
    String user = facts.user(e);
    String by = user == null ? "" : user + "'s ";
    return switch (facts.store().eventId(e)) {
      case 1, 4688 -> by + actor + " started: " + cut(orUnknown(facts.commandLine(e))) + parent(e);
      case 10 -> actor + " opened " + facts.field(e, "TargetImage") + access(e);
      case 8 -> actor + " started a thread in " + facts.field(e, "TargetImage");
      case 4656 -> actor + " asked for a handle to " + facts.field(e, "ObjectName") + access(e);
      case 4663 -> actor + " used its handle to " + facts.field(e, "ObjectName") + access(e);
      case 11 -> actor + " wrote " + facts.targetFile(e);
      case 2 -> actor + " changed the creation time of " + facts.targetFile(e);
      case 15 -> actor + " wrote a stream of " + facts.targetFile(e);
      case 23, 26 -> actor + " deleted " + facts.targetFile(e);
      case 4104 -> "PowerShell ran a script block: " + cut(orUnknown(facts.commandLine(e)));
      case 1116, 1117 -> "Defender " + (facts.store().eventId(e) == 1117 ? "acted on " : "detected ")
          + facts.field(e, "Threat Name", "ThreatName") + " in " + facts.field(e, "Path");
      default -> "EventID " + facts.store().eventId(e) + (hit == null ? "" : ": " + hit.analytic().title());
    };
  }

  private String parent(int e) {
    String p = facts.field(e, "ParentImage", "ParentProcessName");
    return p == null ? "" : " (parent " + shortImage(p) + ")";
  }

  private String access(int e) {
    long mask = facts.accessMask(e);
    if (mask < 0) {
      return "";
    }
    String words = (mask & Outcomes.VM_READ) != 0 ? ", which may read its memory" : ", without the right to read its memory";
    return " with access 0x" + Long.toHexString(mask) + words;
  }

  static String shortImage(String path) {
    if (path == null) {
      return null;
    }
    String p = path.replace('/', '\\');
    return p.substring(p.lastIndexOf('\\') + 1);
  }

  private static String orUnknown(String s) {
    return s == null ? "(unknown)" : s;
  }

  private static String cut(String s) {
    return s.length() <= MAX_COMMAND ? s : s.substring(0, MAX_COMMAND) + "...";
  }
}
