package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessLineageTest {
  private static final String WKS = "WKS-01";
  private static final String SRV = "SRV-02";
  private static final String SERVICES = "{22222222-0000-0000-0000-000000000001}";
  private static final String CMD = "{22222222-0000-0000-0000-000000000002}";
  private static final String RUNDLL = "{22222222-0000-0000-0000-000000000003}";
  private static final String WERFAULT = "{22222222-0000-0000-0000-000000000004}";
  private static final String NOTEPAD = "{22222222-0000-0000-0000-000000000005}";
  private static final String GRANDCHILD = "{22222222-0000-0000-0000-000000000006}";

  private static List<String> lines(ProcessLineage.Tree t) {
    return t.nodes().stream().map(n -> n.depth() + " " + n.image().substring(n.image().lastIndexOf('\\') + 1)
        + (n.marked() ? " *" : "") + " @" + n.event()).toList();
  }

  @Test
  void sysmonLineageByGuidFromAnAccessEventUpToTheRootAndDownToTheChildren() {
    Story s = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", SERVICES, "ProcessId", "600", "Image", "C:\\Windows\\System32\\services.exe")
        .sysmon(WKS, 5, 1, "ProcessGuid", CMD, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe", "ParentProcessGuid", SERVICES)
        .sysmon(WKS, 9, 1, "ProcessGuid", NOTEPAD, "ProcessId", "710", "Image", "C:\\Windows\\notepad.exe", "ParentProcessGuid", CMD)
        .sysmon(WKS, 10, 1, "ProcessGuid", RUNDLL, "ProcessId", "800", "Image", "C:\\Windows\\System32\\rundll32.exe",
            "ParentProcessGuid", CMD, "CommandLine", "rundll32 comsvcs.dll MiniDump 624 out.dmp full")
        .sysmon(WKS, 11, 10, "SourceProcessGUID", RUNDLL, "SourceProcessId", "800", "SourceImage", "C:\\Windows\\System32\\rundll32.exe",
            "TargetImage", "C:\\Windows\\System32\\lsass.exe")
        .sysmon(WKS, 12, 1, "ProcessGuid", WERFAULT, "ProcessId", "900", "Image", "C:\\Windows\\System32\\WerFault.exe",
            "ParentProcessGuid", RUNDLL)
        .sysmon(WKS, 13, 1, "ProcessGuid", GRANDCHILD, "ProcessId", "950", "Image", "C:\\Windows\\System32\\conhost.exe",
            "ParentProcessGuid", WERFAULT);
    ProcessLineage lineage = ProcessLineage.of(s.store());
    ProcessLineage.Tree t = lineage.around(4);
    assertEquals(List.of("0 services.exe @0", "1 cmd.exe @1", "2 rundll32.exe * @3", "3 WerFault.exe @5", "4 conhost.exe @6"), lines(t),
        "ancestors root first, the access's process marked, every descendant; the sibling notepad is not listed");
    assertEquals(2, t.focus());
    assertEquals("rundll32 comsvcs.dll MiniDump 624 out.dmp full", t.nodes().get(2).commandLine());
    assertEquals("800", t.nodes().get(2).pid());
    assertEquals(lines(t), lines(lineage.around(3)), "the creation event itself gives the same tree");
  }

  @Test
  void securityLineageByProcessIdOnTheSameHostWithReusedIdsBoundInTime() {
    Story s = new Story()
        .security(WKS, 0, 4688, "NewProcessId", "0x100", "ProcessId", "0x4", "NewProcessName", "C:\\Windows\\explorer.exe")
        .security(SRV, 5, 4688, "NewProcessId", "0x100", "ProcessId", "0x4", "NewProcessName", "C:\\Windows\\System32\\svchost.exe")
        .security(WKS, 10, 4688, "NewProcessId", "0x200", "ProcessId", "0x100", "NewProcessName", "C:\\Windows\\System32\\cmd.exe",
            "CommandLine", "cmd.exe /c dump.bat")
        .security(WKS, 20, 4688, "NewProcessId", "0x300", "ProcessId", "0x200", "NewProcessName", "C:\\Tools\\procdump64.exe",
            "CommandLine", "procdump64.exe -ma lsass.exe l.dmp")
        .security(WKS, 30, 4656, "ProcessId", "0x300", "ProcessName", "C:\\Tools\\procdump64.exe", "ObjectName", "\\Device\\lsass.exe")
        // pid 0x200 is used again by notepad, which starts calc: not the first cmd's child
        .security(WKS, 100, 4688, "NewProcessId", "0x200", "ProcessId", "0x100", "NewProcessName", "C:\\Windows\\notepad.exe")
        .security(WKS, 150, 4688, "NewProcessId", "0x400", "ProcessId", "0x200", "NewProcessName", "C:\\Windows\\System32\\calc.exe")
        // on another host the same pid names another process
        .security(SRV, 40, 4688, "NewProcessId", "0x500", "ProcessId", "0x200", "NewProcessName", "C:\\Windows\\System32\\whoami.exe");
    ProcessLineage lineage = ProcessLineage.of(s.store());
    assertEquals(List.of("0 explorer.exe @0", "1 cmd.exe @2", "2 procdump64.exe * @3"), lines(lineage.around(4)),
        "the 4656's process by its id on its host, up to the root");
    assertEquals(List.of("0 explorer.exe @0", "1 cmd.exe * @2", "2 procdump64.exe @3"), lines(lineage.around(2)),
        "the first cmd's children stop where its id was used again (calc is notepad's)");
    assertEquals(List.of("0 explorer.exe @0", "1 notepad.exe @5", "2 calc.exe * @6"), lines(lineage.around(6)));
    assertEquals(List.of("0 whoami.exe * @7"), lines(lineage.around(7)), "no 4688 of 0x200 on SRV-02: whoami is a root");
  }

  @Test
  void aProcessWhoseStartIsNotInTheLogsStillShowsWithItsChildren() {
    Story s = new Story()
        .sysmon(WKS, 0, 10, "SourceProcessGUID", RUNDLL, "SourceImage", "C:\\Windows\\System32\\rundll32.exe",
            "TargetImage", "C:\\Windows\\System32\\lsass.exe")
        .sysmon(WKS, 3, 1, "ProcessGuid", WERFAULT, "Image", "C:\\Windows\\System32\\WerFault.exe", "ParentProcessGuid", RUNDLL)
        .sysmon(WKS, 4, 3, "Image", "C:\\Windows\\System32\\svchost.exe", "DestinationIp", "10.0.0.5");
    ProcessLineage lineage = ProcessLineage.of(s.store());
    ProcessLineage.Tree t = lineage.around(0);
    assertEquals(List.of("0 rundll32.exe * @0", "1 WerFault.exe @1"), lines(t));
    assertTrue(lineage.around(2).nodes().isEmpty(), "an event naming no process has no tree");
    assertEquals(-1, lineage.around(2).focus());
  }

  @Test
  void sysmonAndSecurityLineagesAreJoinedWhereBothSawTheSameStart() {
    Story s = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", SERVICES, "ProcessId", "600", "Image", "C:\\Windows\\System32\\services.exe")
        .sysmon(WKS, 5, 1, "ProcessGuid", CMD, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe", "ParentProcessGuid", SERVICES,
            "ParentProcessId", "600")
        .security(WKS, 5, 4688, "NewProcessId", "0x2bc", "ProcessId", "0x258", "NewProcessName", "C:\\Windows\\System32\\cmd.exe")
        .sysmon(WKS, 9, 1, "ProcessGuid", NOTEPAD, "ProcessId", "710", "Image", "C:\\Windows\\notepad.exe", "ParentProcessGuid", CMD)
        // rundll32's start is in both logs: listed once, as Sysmon saw it
        .sysmon(WKS, 10, 1, "ProcessGuid", RUNDLL, "ProcessId", "800", "Image", "C:\\Windows\\System32\\rundll32.exe",
            "ParentProcessGuid", CMD)
        .security(WKS, 10, 4688, "NewProcessId", "0x320", "ProcessId", "0x2bc", "NewProcessName", "C:\\Windows\\System32\\rundll32.exe")
        // Sysmon's configuration left out powershell and what it started: only Security saw them
        .security(WKS, 12, 4688, "NewProcessId", "0x384", "ProcessId", "0x2bc",
            "NewProcessName", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe")
        .security(WKS, 14, 4688, "NewProcessId", "0x3e8", "ProcessId", "0x384", "NewProcessName", "C:\\Tools\\procdump64.exe",
            "CommandLine", "procdump64.exe -ma lsass.exe l.dmp")
        // the same id and image on another host, and a different image under the same id here: not the same start
        .security(SRV, 5, 4688, "NewProcessId", "0x2bc", "ProcessId", "0x4", "NewProcessName", "C:\\Windows\\System32\\cmd.exe")
        .security(WKS, 9, 4688, "NewProcessId", "0x2c6", "ProcessId", "0x258", "NewProcessName", "C:\\Windows\\System32\\calc.exe");
    ProcessLineage lineage = ProcessLineage.of(s.store());
    assertEquals(List.of("0 services.exe @0", "1 cmd.exe * @1", "2 notepad.exe @3", "2 rundll32.exe @4", "2 powershell.exe @6",
        "3 procdump64.exe @7"), lines(lineage.around(1)), "cmd's children from both logs, each start once, and their children");
    assertEquals(List.of("0 services.exe @0", "1 cmd.exe @1", "2 powershell.exe @6", "3 procdump64.exe * @7"), lines(lineage.around(7)),
        "up from a start only Security saw, through cmd (both saw it: shown as Sysmon saw it) to Sysmon's services");
    assertEquals(lines(lineage.around(1)).subList(2, 6), lines(lineage.around(2)).subList(2, 6),
        "cmd's 4688 gives the same descendants as its EID 1");
    assertEquals("1 cmd.exe * @2", lines(lineage.around(2)).get(1));
    assertEquals(1, lineage.twin(2));
    assertEquals(2, lineage.twin(1));
    assertEquals(-1, lineage.twin(8), "the same id and image on another host is another process");
    assertEquals(-1, lineage.twin(9), "calc (pid 710, as notepad's, the same second) is not notepad's start: another image");
    assertEquals(-1, lineage.twin(6), "no Sysmon start of powershell");
  }

  @Test
  void oneLineageIsBuiltPerStoreAndSharedUntilAnotherStoreIsAsked() {
    Story a = new Story().sysmon(WKS, 0, 1, "ProcessGuid", SERVICES, "ProcessId", "600", "Image", "C:\\Windows\\System32\\services.exe");
    Story b = new Story().sysmon(SRV, 0, 1, "ProcessGuid", CMD, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe");
    ProcessLineage first = ProcessLineage.of(a.store());
    assertTrue(first == ProcessLineage.of(a.store()), "the incidents and the details share one build");
    ProcessLineage other = ProcessLineage.of(b.store());
    assertTrue(other != first && other.store() == b.store(), "another store gets its own");
    assertEquals(List.of("0 cmd.exe * @0"), lines(other.around(0)));
  }

  @Test
  void guidsNotOfTheUsualFormLinkByTheirTextAndNeverStandForAUsualOne() {
    String odd = "{Not-A-Guid}";
    String fullwidth = "{22222222-0000-0000-0000-00000000000\uff11}"; // a fullwidth 1: a digit to Character.digit, not to a GUID
    Story s = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", odd, "ProcessId", "600", "Image", "C:\\Windows\\System32\\services.exe")
        .sysmon(WKS, 1, 1, "ProcessGuid", fullwidth, "ProcessId", "601", "Image", "C:\\Windows\\System32\\svchost.exe",
            "ParentProcessGuid", "not-a-guid")
        .sysmon(WKS, 2, 1, "ProcessGuid", SERVICES, "ProcessId", "602", "Image", "C:\\Windows\\System32\\lsm.exe")
        // the child names its parents in the other case and without braces: the same processes
        .sysmon(WKS, 3, 1, "ProcessGuid", "22222222-0000-0000-0000-00000000000A", "ProcessId", "603",
            "Image", "C:\\Windows\\System32\\cmd.exe", "ParentProcessGuid", "22222222-0000-0000-0000-00000000000\uff11")
        .sysmon(WKS, 4, 1, "ProcessGuid", "{22222222-0000-0000-0000-00000000000a}", "ProcessId", "604",
            "Image", "C:\\Windows\\System32\\conhost.exe", "ParentProcessGuid", SERVICES.toLowerCase(java.util.Locale.ROOT))
        .sysmon(WKS, 5, 10, "SourceProcessGUID", "{22222222-0000-0000-0000-00000000000A}", "SourceImage", "C:\\Windows\\System32\\cmd.exe",
            "TargetImage", "C:\\Windows\\System32\\lsass.exe");
    ProcessLineage lineage = ProcessLineage.of(s.store());
    assertEquals(0, lineage.creation("not-a-guid"));
    assertEquals(1, lineage.creation("22222222-0000-0000-0000-00000000000\uff11"));
    assertEquals(2, lineage.creation("22222222-0000-0000-0000-000000000001"), "the usual GUID ...0001 is not the fullwidth one");
    assertEquals(3, lineage.creation("22222222-0000-0000-0000-00000000000a"), "the first EID 1 of a GUID is its start");
    assertEquals(-1, lineage.creation("not-a-guie"));
    assertEquals(-1, lineage.creation("22222222-0000-0000-0000-00000000000b"));
    assertArrayEquals(new int[] {1}, lineage.children("not-a-guid"));
    assertArrayEquals(new int[] {3}, lineage.children("22222222-0000-0000-0000-00000000000\uff11"));
    assertArrayEquals(new int[] {4}, lineage.children("22222222-0000-0000-0000-000000000001"));
    assertEquals(List.of("0 services.exe @0", "1 svchost.exe @1", "2 cmd.exe * @3"), lines(lineage.around(5)));
  }

  @Test
  void childListsAtBothEndsOfTheGuidOrderInTimeOrder() {
    String first = "{80000000-0000-0000-0000-000000000000}"; // the smallest key (its high number is Long.MIN_VALUE)
    String last = "{7fffffff-ffff-ffff-ffff-ffffffffffff}"; // the largest
    String allOnes = "{ffffffff-ffff-ffff-ffff-ffffffffffff}"; // -1, -1: between them
    Story s = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", first, "ProcessId", "10", "Image", "C:\\a.exe")
        .sysmon(WKS, 0, 1, "ProcessGuid", last, "ProcessId", "11", "Image", "C:\\b.exe")
        .sysmon(WKS, 0, 1, "ProcessGuid", allOnes, "ProcessId", "12", "Image", "C:\\c.exe")
        // children added out of time order; two at the same second keep the store's order
        .sysmon(WKS, 9, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000009}", "Image", "C:\\k9.exe", "ParentProcessGuid", first)
        .sysmon(WKS, 5, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000005}", "Image", "C:\\k5.exe", "ParentProcessGuid", first)
        .sysmon(WKS, 7, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000007}", "Image", "C:\\k7.exe", "ParentProcessGuid", last)
        .sysmon(WKS, 5, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000015}", "Image", "C:\\k15.exe", "ParentProcessGuid", first)
        .sysmon(WKS, 3, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000003}", "Image", "C:\\k3.exe", "ParentProcessGuid", last)
        .sysmon(WKS, 4, 1, "ProcessGuid", "{00000000-0000-0000-0000-000000000004}", "Image", "C:\\k4.exe", "ParentProcessGuid", allOnes);
    ProcessLineage lineage = ProcessLineage.of(s.store());
    assertArrayEquals(new int[] {4, 6, 3}, lineage.children("80000000-0000-0000-0000-000000000000"));
    assertArrayEquals(new int[] {7, 5}, lineage.children("7fffffff-ffff-ffff-ffff-ffffffffffff"));
    assertArrayEquals(new int[] {8}, lineage.children("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    assertArrayEquals(new int[0], lineage.children("00000000-0000-0000-0000-000000000009"), "a process without children");
    assertArrayEquals(new int[0], lineage.children("80000000-0000-0000-0000-000000000001"), "a GUID not in the logs");
    assertEquals(0, lineage.creation("80000000-0000-0000-0000-000000000000"));
    assertEquals(1, lineage.creation("7fffffff-ffff-ffff-ffff-ffffffffffff"));
    assertEquals(List.of("0 b.exe * @1", "1 k3.exe @7", "1 k7.exe @5"), lines(lineage.around(1)));
  }

  @Test
  void aProcessIdUsedByTwoProcessesNamesTheLatestStartAtOrBeforeTheEvent() {
    Story s = new Story()
        // Sysmon: pid 700 started twice on WKS (two GUIDs), once on SRV; events that name the process by id only
        .sysmon(WKS, 10, 1, "ProcessGuid", CMD, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe")
        .sysmon(WKS, 50, 1, "ProcessGuid", NOTEPAD, "ProcessId", "700", "Image", "C:\\Windows\\notepad.exe")
        .sysmon(SRV, 20, 1, "ProcessGuid", RUNDLL, "ProcessId", "700", "Image", "C:\\Windows\\System32\\rundll32.exe")
        .sysmon(WKS, 5, 3, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe")
        .sysmon(WKS, 30, 3, "ProcessId", "700", "Image", "C:\\Windows\\System32\\cmd.exe")
        .sysmon(WKS, 50, 3, "ProcessId", "700", "Image", "C:\\Windows\\notepad.exe")
        .sysmon(SRV, 60, 3, "ProcessId", "700", "Image", "C:\\Windows\\System32\\rundll32.exe")
        // Security: the same number written in hex on WKS (0x2bc = 700), a later start than notepad's
        .security(WKS, 80, 4688, "NewProcessId", "0x2bc", "ProcessId", "0x4", "NewProcessName", "C:\\Windows\\System32\\whoami.exe")
        .security(WKS, 90, 4656, "ProcessId", "0x00000000000002BC", "ProcessName", "C:\\Windows\\System32\\whoami.exe",
            "ObjectName", "\\Device\\lsass.exe")
        .security(WKS, 70, 4656, "ProcessId", "0x2bc", "ProcessName", "C:\\Windows\\notepad.exe", "ObjectName", "x");
    ProcessLineage lineage = ProcessLineage.of(s.store());
    assertEquals(-1, lineage.creationOf(3), "before either start: none");
    assertEquals(0, lineage.creationOf(4), "between the starts: the first process");
    assertEquals(1, lineage.creationOf(5), "at the second start's time: the second process");
    assertEquals(2, lineage.creationOf(6), "the same id on another host: that host's process");
    assertEquals(7, lineage.creationOf(8), "after the Security start of the id (hex, leading zeros): that start");
    assertEquals(1, lineage.creationOf(9), "before it: the Sysmon start of the id at or before the event");
  }
}
