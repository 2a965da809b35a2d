package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.event.EventStore;

/**
 * A process start (Sysmon EID 1, Security 4688) that runs a dump tool on LSASS, by name or by a
 * PID LSASS had on that computer at that time. A start with no dump file and no LSASS read from
 * the same process in the logs is an attempt (blocked, failed, or not logged): still a hit, with
 * a lower confidence.
 */
final class DumpCommandCheck {
  private DumpCommandCheck() {}

  /** The dump commands in a process start's command line (found once per distinct command line, image and computer). */
  static List<DumpCommand> commands(LsassJudge judge, int e) {
    return judge.commandsOf(e, () -> find(judge, e));
  }

  private static List<DumpCommand> find(LsassJudge judge, int e) {
    EventStore store = judge.store();
    String cmd = Fields.get(store, e, "CommandLine");
    if (cmd == null) {
      return List.of();
    }
    String computer = store.computer(e);
    return DumpSyntax.find(Fields.get(store, e, "Image", "NewProcessName"), Fields.get(store, e, "OriginalFileName"), cmd,
        dll -> judge.index().dllOriginalName(computer, dll));
  }

  static boolean aimsAtLsass(LsassJudge judge, int e, DumpCommand c) {
    EventStore store = judge.store();
    return c.namesLsass() || (c.pid() > 0 && judge.index().isLsassPid(store.computer(e), c.pid(), store.ticks(e)))
        || lsassVariable(store, e, c);
  }

  /**
   * {@code MiniDump $p.Id} where the same command line sets the variable from LSASS ({@code $p=Get-Process lsass}),
   * or cmd's {@code for /f ... ('tasklist ^| findstr lsass') do ... MiniDump %i}.
   */
  private static boolean lsassVariable(EventStore store, int e, DumpCommand c) {
    String cmd = Fields.get(store, e, "CommandLine");
    return (c.target().startsWith("$") || c.target().startsWith("%")) && cmd != null && cmd.toLowerCase(java.util.Locale.ROOT).contains("lsass");
  }

  static Judgement judge(LsassJudge judge, int e) {
    EventStore store = judge.store();
    List<DumpCommand> found = commands(judge, e);
    for (DumpCommand c : found) {
      if (aimsAtLsass(judge, e, c)) {
        return lsass(judge, e, c);
      }
    }
    for (DumpCommand c : found) {
      if (c.pid() > 0 && judge.index().imageOfPid(store.computer(e), c.pid()) == null) {
        List<Judgement.Reason> why = new ArrayList<>();
        why.add(new Judgement.Reason("CommandLine", c.target(), c.tool() + " " + c.mode() + " of PID " + c.pid()
            + ": no event in these logs says which process that is (LSASS had " + describe(judge.index().lsassPids(store.computer(e)))
            + " on this computer)"));
        note(c, why);
        return new Judgement(40, why);
      }
    }
    return null;
  }

  private static Judgement lsass(LsassJudge judge, int e, DumpCommand c) {
    EventStore store = judge.store();
    List<Judgement.Reason> why = new ArrayList<>();
    String how = c.tool().equals(CredentialTools.TOOL) ? "a tool made for it" : c.namesLsass() ? "names LSASS"
        : c.target().startsWith("$") || c.target().startsWith("%") ? "the variable " + c.target() + " is set from LSASS on the same command line"
        : "PID " + c.pid() + " was LSASS's on " + store.computer(e) + " at that time";
    why.add(new Judgement.Reason("CommandLine", c.target(), c.tool() + " " + c.mode() + " aimed at LSASS (" + how + ")"));
    note(c, why);
    if (c.tool().equals("werfault") && c.mode().startsWith("crash report")) {
      String parent = Fields.get(store, e, "ParentImage", "ParentProcessName");
      why.add(new Judgement.Reason("ParentImage", parent, "an LSASS crash report (no -ip: WerFault reports for the crashing"
          + " process itself); Shtinkering passes -ip"));
      return new Judgement(30, why);
    }
    LsassIndex.Process p = judge.index().process(e, "ProcessGuid", store.eventId(e) == 4688 ? "NewProcessId" : "ProcessId");
    String file = p == null ? null : AccessCheck.dumpLike(p.filesWritten());
    if (file != null) {
      why.add(new Judgement.Reason("related TargetFilename", file, "the same process wrote this file: the dump succeeded"));
      return new Judgement(95, why);
    }
    if (p != null && p.lsassReads > 0) {
      why.add(new Judgement.Reason("related GrantedAccess", "", "the same process opened LSASS for reading " + p.lsassReads + " time(s)"));
      return new Judgement(92, why);
    }
    why.add(new Judgement.Reason("CommandLine", c.target(), "attempt: no dump file or LSASS read by this process in these logs"
        + " (blocked, failed, or not logged); confidence lowered"));
    return new Judgement(c.note().contains("ordinal") && c.note().contains("do not identify") ? 65 : 75, why);
  }

  private static void note(DumpCommand c, List<Judgement.Reason> why) {
    if (!c.note().isEmpty()) {
      why.add(new Judgement.Reason("CommandLine", c.tool(), c.note()));
    }
    if (!c.dumpFile().isEmpty()) {
      why.add(new Judgement.Reason("CommandLine", c.dumpFile(), "dump file argument"));
    }
  }

  private static String describe(java.util.Set<Long> pids) {
    return pids.isEmpty() ? "no PID the logs show" : "PID " + pids;
  }
}
