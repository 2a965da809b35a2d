package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sysmontriage.event.EventStore;

/**
 * The behaviour checks behind the LSASS analytics ({@code x-sysmon-triage: behaviour: NAME}). Each
 * takes an event the rule's Sigma pre-filter passed and returns a {@link Judgement}, or null when
 * the event is not what the analytic reports. Every check reads values in one pass (no regular
 * expressions on evidence). A judge changes nothing while it judges (what it builds on first use is
 * built once, under a lock), so the answer for an event does not depend on which events were judged
 * before it, and several threads may judge at once.
 */
public final class LsassJudge {
  /** The behaviour names a rule may use. */
  public static final List<String> BEHAVIOURS = List.of("lsass-access", "lsass-dump-command", "lsass-registry", "lsass-script");

  private final EventStore store;
  private final LsassIndex index;
  private final Trust trust;

  public LsassJudge(EventStore store) {
    this.store = store;
    this.index = new LsassIndex(store);
    this.trust = Trust.builtIn();
    for (int i = 0; i < COMMAND_FIELDS.length; i++) {
      commandFields[i] = store.nameId(COMMAND_FIELDS[i]);
    }
  }

  /** The fields the dump commands of a process start are read from (with its computer: {@link DumpCommandCheck#commands}). */
  private static final String[] COMMAND_FIELDS = {"CommandLine", "Image", "NewProcessName", "OriginalFileName"};
  private final int[] commandFields = new int[COMMAND_FIELDS.length];
  /** At most this many distinct process starts keep their dump commands (a log of only distinct command lines gains nothing). */
  private static final int COMMANDS_KEPT = 1 << 16;
  /** Dump commands by computer id and the value ids of {@link #COMMAND_FIELDS}: real logs start the same command lines over and over. */
  private final java.util.Map<CommandKey, List<DumpCommand>> commands = new java.util.concurrent.ConcurrentHashMap<>();

  private record CommandKey(int computer, int commandLine, int image, int newProcessName, int originalFileName) {}

  /** The dump commands of process start {@code e}: {@code find}'s answer, kept for the next start with the same values. */
  List<DumpCommand> commandsOf(int e, java.util.function.Supplier<List<DumpCommand>> find) {
    CommandKey key = new CommandKey(store.computerId(e), valueId(e, 0), valueId(e, 1), valueId(e, 2), valueId(e, 3));
    List<DumpCommand> found = commands.get(key);
    if (found == null) {
      found = List.copyOf(find.get());
      if (commands.size() < COMMANDS_KEPT) {
        commands.putIfAbsent(key, found);
      }
    }
    return found;
  }

  private int valueId(int e, int field) {
    int name = commandFields[field];
    return name < 0 ? -1 : store.valueId(e, name);
  }

  public LsassIndex index() {
    return index;
  }

  /** Runs behaviour {@code name} on event {@code e}. */
  public Judgement judge(String name, int e) {
    return switch (name) {
      case "lsass-access" -> AccessCheck.judge(this, e);
      case "lsass-dump-command" -> DumpCommandCheck.judge(this, e);
      case "lsass-registry" -> registry(e);
      case "lsass-script" -> script(e);
      default -> null;
    };
  }

  EventStore store() {
    return store;
  }

  Trust trust() {
    return trust;
  }

  /** Dump commands in a process start that aim at LSASS by name or by a PID LSASS had then. */
  public boolean aimsAtLsass(int e) {
    for (DumpCommand c : DumpCommandCheck.commands(this, e)) {
      if (DumpCommandCheck.aimsAtLsass(this, e, c)) {
        return true;
      }
    }
    String cmd = store.field(e, "CommandLine");
    return cmd != null && cmd.toLowerCase(Locale.ROOT).contains("lsass");
  }

  /**
   * PowerShell script blocks (4104 ScriptBlockText) and module logging (4103 Payload) that hold the
   * code of an LSASS dumper, read after dropping backticks and joining quoted pieces
   * ({@code 'Invoke-Mimi'+'katz'}), or a comsvcs MiniDump call.
   */
  Judgement script(int e) {
    String field = store.field(e, "ScriptBlockText") != null ? "ScriptBlockText" : "Payload";
    String text = store.field(e, field);
    if (text == null) {
      return null;
    }
    String normalized = ScriptText.normalize(text);
    String marker = ScriptText.marker(normalized);
    if (marker == null && normalized.contains("comsvcs") && normalized.contains("minidump")) {
      marker = "comsvcs MiniDump";
    }
    if (marker == null) {
      return splitScript(e, field, text);
    }
    List<Judgement.Reason> why = new ArrayList<>();
    boolean plain = text.toLowerCase(Locale.ROOT).contains(marker.equals("comsvcs MiniDump") ? "minidump" : marker);
    why.add(new Judgement.Reason(field, marker, plain ? "the script holds the dumping code itself (" + marker + ")"
        : "the script holds " + marker + " once backticks are dropped and quoted pieces joined (obfuscated)"));
    return new Judgement(85, why);
  }

  /**
   * A script block PowerShell logged in parts (4104 {@code MessageNumber} n of {@code MessageTotal}, one
   * {@code ScriptBlockId}): a marker cut across the seam between the previous part and this one is
   * reported on this part. Only the seam is read (the previous part's end, this part's start).
   */
  private Judgement splitScript(int e, String field, String text) {
    int number = (int) Fields.pid(store.field(e, "MessageNumber"));
    String id = store.field(e, "ScriptBlockId");
    if (number < 2 || id == null || !field.equals("ScriptBlockText")) {
      return null;
    }
    String previous = scriptParts().get(store.computer(e) + "|" + id.toLowerCase(Locale.ROOT) + "|" + (number - 1));
    if (previous == null) {
      return null;
    }
    String seam = ScriptText.normalize(previous + text.substring(0, Math.min(text.length(), SEAM)));
    String marker = ScriptText.marker(seam);
    if (marker == null) {
      return null;
    }
    List<Judgement.Reason> why = new ArrayList<>();
    why.add(new Judgement.Reason(field, marker, "the script block was logged in parts (part " + number + " of "
        + store.field(e, "MessageTotal") + ", ScriptBlockId " + id + "): " + marker + " runs across the end of part " + (number - 1)
        + " and the start of this one"));
    return new Judgement(85, why);
  }

  /** Characters read on each side of a seam between script block parts: longer than any marker with room for obfuscation. */
  private static final int SEAM = 256;

  private java.util.Map<String, String> scriptParts;

  /**
   * The last {@link #SEAM} characters of every 4104 part of a split script block, by computer, ScriptBlockId
   * and part number; one pass, built on first use (by one thread: judgements run on several).
   */
  private synchronized java.util.Map<String, String> scriptParts() {
    if (scriptParts == null) {
      scriptParts = new java.util.HashMap<>();
      for (int i = 0; i < store.size(); i++) {
        if (store.eventId(i) != 4104) {
          continue;
        }
        String total = store.field(i, "MessageTotal");
        String id = store.field(i, "ScriptBlockId");
        if (id != null && total != null && Fields.pid(total) > 1) {
          String text = store.field(i, "ScriptBlockText");
          String tail = text == null ? "" : text.substring(Math.max(0, text.length() - SEAM));
          scriptParts.put(store.computer(i) + "|" + id.toLowerCase(Locale.ROOT) + "|" + Fields.pid(store.field(i, "MessageNumber")), tail);
        }
      }
    }
    return scriptParts;
  }

  /**
   * SilentProcessExit, Image File Execution Options and WER LocalDumps values of lsass.exe. Microsoft's
   * own LSA audit setting ({@code IFEO\lsass.exe\AuditLevel}) is hardening and stays low.
   */
  Judgement registry(int e) {
    String key = Fields.get(store, e, "TargetObject");
    if (key == null) {
      return null;
    }
    String k = Fields.path(key);
    String details = Fields.get(store, e, "Details");
    List<Judgement.Reason> why = new ArrayList<>();
    int conf;
    if (k.contains("\\silentprocessexit\\lsass.exe")) {
      conf = 90;
      why.add(new Judgement.Reason("TargetObject", key, "SilentProcessExit for lsass.exe: Windows Error Reporting writes an LSASS dump"));
    } else if (k.contains("\\localdumps\\lsass.exe")) {
      conf = 85;
      why.add(new Judgement.Reason("TargetObject", key, "WER LocalDumps for lsass.exe: a crash or a forced report leaves a full LSASS dump"));
    } else if (k.contains("\\image file execution options\\lsass.exe")) {
      String value = k.substring(k.lastIndexOf('\\') + 1);
      switch (value) {
        case "auditlevel" -> {
          conf = 20;
          why.add(new Judgement.Reason("TargetObject", key, "AuditLevel is Microsoft's LSA protection audit mode (8 = audit"
              + " unsigned plug-ins): hardening, not dumping"));
        }
        case "globalflag" -> {
          AccessRights flags = AccessRights.parse(details == null ? null : details.replace("DWORD (", "").replace(")", "").trim());
          boolean silentExit = flags != null && flags.has(0x200);
          conf = silentExit ? 90 : 65;
          why.add(new Judgement.Reason("TargetObject", key, silentExit ? "GlobalFlag with FLG_MONITOR_SILENT_PROCESS_EXIT (0x200): arms"
              + " the silent-process-exit dump of lsass.exe" : "GlobalFlag of lsass.exe changed"));
        }
        case "debugger", "verifierdlls", "verifierflags" -> {
          conf = 85;
          why.add(new Judgement.Reason("TargetObject", key, value + " for lsass.exe: code of the attacker's choice loads into LSASS"));
        }
        default -> {
          conf = 55;
          why.add(new Judgement.Reason("TargetObject", key, "Image File Execution Options value of lsass.exe"));
        }
      }
    } else {
      return null;
    }
    return new Judgement(conf, why);
  }
}
