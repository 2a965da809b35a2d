package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;

/** Each seed page's own true positive, and the near misses that must not fire: (rule, event, hits). */
class SeedAnalyticsTableTest {
  static final String CAR_TASKMGR = "CAR-2019-08-001";
  static final String CAR_MINIDUMP = "CAR-2020-05-001";
  static final String CAR_PROCDUMP = "CAR-2019-07-002";
  static final String CAR_PROCDUMP_ACCESS = "CAR-2019-07-002/process-access";
  static final String SPLUNK_PROCDUMP = "e102e297-dbe6-4a19-b319-5c08f4c19a06";
  static final String SPLUNK_ACCESS = "fb4c31b0-13e8-4155-8aa5-24de4b8d6717";

  static final String LSASS = "C:\\Windows\\system32\\lsass.exe";
  static final String PROCDUMP_TRACE = "C:\\Windows\\SYSTEM32\\ntdll.dll+4595c|C:\\Windows\\system32\\KERNELBASE.dll+8185"
      + "|C:\\Windows\\system32\\dbghelp.dll+4c791|C:\\Users\\IEUser\\Desktop\\procdump.exe+11a8d";

  record Case(String name, String analytic, EventDraft event, int hits) {
    @Override
    public String toString() {
      return analytic + ": " + name + " -> " + hits;
    }
  }

  static Stream<Case> table() {
    return Stream.of(
        // CAR-2019-08-001: the page's Mordor event, with the doubled backslashes of that export
        new Case("page true positive (doubled backslashes)", CAR_TASKMGR, fileCreate(
            "C:\\\\Windows\\\\system32\\\\taskmgr.exe", "C:\\\\Users\\\\pgustavo\\\\AppData\\\\Local\\\\Temp\\\\lsass.DMP"), 1),
        new Case("Task Manager's second dump name", CAR_TASKMGR, fileCreate(
            "C:\\Windows\\system32\\taskmgr.exe", "C:\\Users\\IEUser\\AppData\\Local\\Temp\\lsass (2).DMP"), 1),
        new Case("base name not lsass*", CAR_TASKMGR, fileCreate(
            "C:\\Windows\\system32\\taskmgr.exe", "C:\\Temp\\notlsass.dmp"), 0),
        new Case("lsass only in the folder name", CAR_TASKMGR, fileCreate(
            "C:\\Windows\\system32\\taskmgr.exe", "C:\\lsass\\memory.dmp"), 0),
        new Case("not a .dmp", CAR_TASKMGR, fileCreate("C:\\Windows\\system32\\taskmgr.exe", "C:\\Temp\\lsass.txt"), 0),
        new Case("taskmgr.exe outside C:\\Windows", CAR_TASKMGR, fileCreate("C:\\Tools\\taskmgr.exe", "C:\\Temp\\lsass.dmp"), 0),
        new Case("another process writing lsass.dmp", CAR_TASKMGR, fileCreate("C:\\Tools\\procdump.exe", "C:\\Temp\\lsass.dmp"), 0),
        // CAR-2020-05-001
        new Case("procdump MiniDump of lsass", CAR_MINIDUMP, access("C:\\Users\\IEUser\\Desktop\\procdump.exe", LSASS, "0x001fffff", PROCDUMP_TRACE), 1),
        new Case("dbgcore in the stack, lower-case path", CAR_MINIDUMP, access("C:\\x\\dumper.exe", "c:\\windows\\system32\\lsass.exe", "0x1fffff", "C:\\Windows\\SYSTEM32\\dbgcore.DLL+9247"), 1),
        new Case("comsvcs MiniDump of notepad (HARD-NEG)", CAR_MINIDUMP, access("C:\\Windows\\system32\\rundll32.exe", "C:\\Windows\\system32\\notepad.exe", "0x001fffff", "C:\\Windows\\SYSTEM32\\dbgcore.DLL+9247|C:\\windows\\system32\\comsvcs.dll+3c3d4"), 0),
        new Case("lsass read without dbghelp/dbgcore", CAR_MINIDUMP, access("C:\\x\\mimikatz.exe", LSASS, "0x1010", "C:\\Windows\\SYSTEM32\\ntdll.dll+4595c|C:\\x\\mimikatz.exe+5c5a9"), 0),
        new Case("lsass.exe outside System32", CAR_MINIDUMP, access("C:\\x\\d.exe", "C:\\Temp\\lsass.exe", "0x1fffff", PROCDUMP_TRACE), 0),
        // CAR-2019-07-002, process create (pseudocode / Splunk / LogPoint)
        new Case("page unit test command", CAR_PROCDUMP, processCreate("C:\\Tools\\procdump.exe", "procdump.exe -ma lsass.exe lsass_dump"), 1),
        new Case("procdump64 with lsass", CAR_PROCDUMP, processCreate("C:\\Tools\\procdump64.exe", "procdump64.exe -accepteula -mm lsass.exe"), 1),
        new Case("procdump of notepad", CAR_PROCDUMP, processCreate("C:\\Tools\\procdump.exe", "procdump.exe -ma notepad.exe"), 0),
        new Case("not a procdump* base name", CAR_PROCDUMP, processCreate("C:\\procdump\\dumper.exe", "dumper.exe lsass"), 0),
        new Case("Security 4688 with the process_creation mapping", CAR_PROCDUMP, security(4688,
            "NewProcessName", "C:\\Tools\\procdump64.exe", "CommandLine", "procdump64.exe -ma lsass.exe out.dmp"), 1),
        // CAR-2019-07-002, process access (keyword "procdump")
        new Case("procdump opens lsass with 0x1FFFFF (EVTX spelling)", CAR_PROCDUMP_ACCESS, access("C:\\Users\\IEUser\\Desktop\\procdump.exe", LSASS, "0x001fffff", PROCDUMP_TRACE), 1),
        new Case("procdump only in the CallTrace", CAR_PROCDUMP_ACCESS, access("C:\\x\\p.exe", LSASS, "0x1fffff", "C:\\x\\PROCDUMP.exe+1"), 1),
        new Case("full access without procdump", CAR_PROCDUMP_ACCESS, access("C:\\Temp\\Procmon64.exe", LSASS, "0x001fffff", "C:\\Temp\\Procmon64.exe+7b4d0"), 0),
        new Case("procdump with a query mask", CAR_PROCDUMP_ACCESS, access("C:\\x\\procdump.exe", LSASS, "0x1410", PROCDUMP_TRACE), 0),
        // Splunk e102e297
        new Case("procdump64 -ma lsass", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\procdump64.exe", "procdump64.exe -accepteula -ma lsass.exe C:\\dump.dmp"), 1),
        new Case("upper-case switches and names", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\PROCDUMP.EXE", "PROCDUMP.EXE -MM LSASS.EXE x.dmp"), 1),
        new Case("no dump switch", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\procdump.exe", "procdump.exe lsass.exe"), 0),
        new Case("switch without the trailing space", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\procdump.exe", "procdump.exe lsass.exe -ma"), 0),
        new Case("other procdump* names are out of scope", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\procdump32.exe", "procdump32.exe -ma lsass.exe"), 0),
        new Case("not lsass", SPLUNK_PROCDUMP, processCreate("C:\\Tools\\procdump.exe", "procdump.exe -ma notepad.exe"), 0),
        // Splunk fb4c31b0
        new Case("dbghelp in the stack", SPLUNK_ACCESS, access("C:\\Users\\IEUser\\Desktop\\procdump.exe", LSASS, "0x001fffff", PROCDUMP_TRACE), 1),
        new Case("any folder for lsass.exe", SPLUNK_ACCESS, access("C:\\x\\d.exe", "D:\\lsass.exe", "0x1fffff", "dbgcore.dll+1"), 1),
        new Case("notepad target", SPLUNK_ACCESS, access("C:\\x\\d.exe", "C:\\Windows\\notepad.exe", "0x1fffff", "dbgcore.dll+1"), 0),
        new Case("no debug library", SPLUNK_ACCESS, access("C:\\x\\d.exe", LSASS, "0x1fffff", "ntdll.dll+1"), 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void seedAnalyticFiresExactlyAsItsPageDefines(Case c) {
    EventStore store = TestEvents.store(c.event());
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken());
    long hits = r.hits().stream().filter(h -> h.analytic().id().equals(c.analytic())).count();
    assertEquals(c.hits(), hits, c + " fields " + TestEvents.fields(c.event()));
  }

  static EventDraft fileCreate(String image, String target) {
    return sysmon(11, "UtcTime", "2019-10-27 05:45:39.851", "Image", image, "TargetFilename", target);
  }

  static EventDraft processCreate(String image, String commandLine) {
    return sysmon(1, "UtcTime", "2020-01-01 10:00:00.000", "Image", image, "CommandLine", commandLine);
  }

  static EventDraft access(String source, String target, String mask, String callTrace) {
    return sysmon(10, "UtcTime", "2019-03-17 12:09:41.000", "SourceImage", source, "TargetImage", target,
        "GrantedAccess", mask, "CallTrace", callTrace, "SourceProcessId", "3316", "TargetProcessId", "476");
  }

  static List<Case> cases() {
    return table().toList();
  }
}
