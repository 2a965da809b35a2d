package org.sysmontriage.incident;

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
}
