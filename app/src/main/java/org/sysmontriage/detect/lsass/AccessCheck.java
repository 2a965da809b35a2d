package org.sysmontriage.detect.lsass;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sysmontriage.event.EventStore;

/**
 * A handle to LSASS (Sysmon EID 10, Security 4656/4663) judged by its rights as bits, the code on
 * the call stack, what the opening process did before and after, and the evidence for who it is.
 */
final class AccessCheck {
  private AccessCheck() {}

  static Judgement judge(LsassJudge judge, int e) {
    EventStore store = judge.store();
    boolean security = store.eventId(e) == 4656 || store.eventId(e) == 4663;
    AccessRights rights = AccessRights.parse(Fields.get(store, e, security ? "AccessMask" : "GrantedAccess"));
    if (rights == null || !rights.isSensitive()) {
      return null;
    }
    if (security ? !Fields.isLsassImage(deviceToPath(Fields.get(store, e, "ObjectName"))) : !targetsLsass(judge, e)) {
      return null;
    }
    List<Judgement.Reason> why = new ArrayList<>();
    String maskField = security ? "AccessMask" : "GrantedAccess";
    why.add(new Judgement.Reason(maskField, rights.toString(), rights.describe() + " on LSASS"));
    String trace = Fields.get(store, e, "CallTrace");
    String t = trace == null ? "" : trace.toLowerCase(Locale.ROOT);
    int conf = baseConfidence(rights, t, trace, why);
    String sourceImage = Fields.get(store, e, security ? "ProcessName" : "SourceImage");
    LsassIndex.Process p = security ? judge.index().process(e, "-", "ProcessId") : judge.index().process(e, "SourceProcessGUID", "SourceProcessId");
    if (t.contains("unknown(")) {
      conf += 8;
      why.add(new Judgement.Reason("CallTrace", "UNKNOWN(...)", "code outside any loaded module on the stack (injected or reflective)"));
    }
    if (t.contains("_ctypes.pyd") || t.contains("python3") || t.contains("python27.dll")) {
      conf += 5;
      why.add(new Judgement.Reason("CallTrace", "_ctypes.pyd", "Python ctypes on the stack: how pypykatz-style readers open LSASS"));
    }
    String dump = p == null ? null : dumpLike(p.filesWritten());
    boolean wrote = dump != null;
    if (wrote) {
      conf += 10;
      why.add(new Judgement.Reason("related TargetFilename", dump, "the same process wrote a dump-like file"));
    }
    int others = p == null ? 0 : p.otherTargets(rights.mask());
    boolean listingRights = !rights.isAllAccess() && !rights.canInject() && !rights.canDuplicateHandles();
    if (others > 0 && !wrote && listingRights) {
      conf = conf / 2;
      why.add(new Judgement.Reason(maskField, rights.toString(), "the same process opened " + others + " other process"
          + (others == 1 ? "" : "es") + " with these rights: a process listing, not a targeted read (confidence halved)"));
    }
    if (t.contains("seclogon.dll") && (rights.canDuplicateHandles() || rights.canReadMemory())) {
      why.add(new Judgement.Reason("CallTrace", frame(trace, "seclogon.dll"), "seclogon.dll on the stack: the Secondary Logon"
          + " service opened LSASS on a caller's behalf (MalSecLogon handle leak); the service's own path or signature does not"
          + " lower this"));
      return new Judgement(Math.max(conf, 85), why);
    }
    return new Judgement(applyTrust(judge.trust().judge(sourceImage, p), conf, sourceImage, why), why);
  }

  private static int baseConfidence(AccessRights rights, String t, String trace, List<Judgement.Reason> why) {
    if (rights.canReadMemory() && t.contains("comsvcs.dll")) {
      why.add(new Judgement.Reason("CallTrace", frame(trace, "comsvcs.dll"), "comsvcs.dll MiniDump on the stack"));
      return 95;
    }
    if (rights.canReadMemory() && (t.contains("dbghelp.dll") || t.contains("dbgcore.dll"))) {
      why.add(new Judgement.Reason("CallTrace", frame(trace, t.contains("dbgcore.dll") ? "dbgcore.dll" : "dbghelp.dll"),
          "MiniDumpWriteDump (dbghelp/dbgcore) on the stack: a dump is being written"));
      return 92;
    }
    if (rights.isAllAccess()) {
      return 80;
    }
    if (rights.canReadMemory()) {
      return 75;
    }
    return 70; // duplicate-handle or injection rights without a direct read
  }

  private static int applyTrust(Trust.Verdict v, int conf, String image, List<Judgement.Reason> why) {
    String field = "SourceImage";
    return switch (v.level()) {
      case EVIDENCE -> {
        why.add(new Judgement.Reason(field, image, v.reason() + " (confidence halved; the hit stays)"));
        yield conf / 2;
      }
      case PATH_ONLY -> {
        why.add(new Judgement.Reason(field, image, v.reason() + " (confidence x0.55; the hit stays)"));
        yield conf * 55 / 100;
      }
      case LOOKALIKE -> {
        why.add(new Judgement.Reason(field, image, v.reason() + " (confidence +10)"));
        yield conf + 10;
      }
      case NONE -> {
        why.add(new Judgement.Reason(field, image, v.reason().isEmpty() ? "not a program known to open LSASS in everyday use" : v.reason()));
        yield conf;
      }
    };
  }

  private static boolean targetsLsass(LsassJudge judge, int e) {
    EventStore store = judge.store();
    if (judge.index().isLsassTarget(e)) {
      return true;
    }
    long pid = Fields.pid(Fields.get(store, e, "TargetProcessId"));
    return pid > 0 && judge.index().isLsassPid(store.computer(e), pid, store.ticks(e));
  }

  /** The first file whose name says dump ({@code .dmp}, {@code dump}, {@code lsass}), or null. */
  static String dumpLike(List<String> files) {
    for (String f : files) {
      String b = WinArgs.baseName(f);
      if (b.endsWith(".dmp") || b.contains("dump") || b.contains("lsass")) {
        return f;
      }
    }
    return null;
  }

  /** {@code \Device\HarddiskVolume1\Windows\System32\lsass.exe} keeps its file name: enough for the check. */
  private static String deviceToPath(String objectName) {
    return objectName;
  }

  /** The stack frame that holds {@code module}, e.g. {@code C:\Windows\SYSTEM32\dbgcore.DLL+9247}. */
  static String frame(String trace, String module) {
    for (String f : Fields.cut(trace, '|')) {
      if (f.toLowerCase(Locale.ROOT).contains(module)) {
        return f;
      }
    }
    return module;
  }
}
