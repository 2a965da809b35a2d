package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.SigmaSemanticsTest.matches;
import static org.sysmontriage.detect.SigmaSemanticsTest.proc;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.SigmaHq;

/** The parts of the Sigma specification issue 12 asked for: backslashes, Data, fieldref, expand, N of, keywords, logsources. */
class SigmaSpecTest {
  private static int run(String rule, EventDraft... events) {
    AnalyticLibrary lib = AnalyticLibrary.fromText("test.yml", rule);
    assertEquals(List.of(), lib.errors());
    org.sysmontriage.event.EventStore store = TestEvents.store(events);
    int hits = new Detector(lib).run(store, ProgressListener.NONE, new CancellationToken()).hits().size();
    assertEquals(new Detector(lib, false).run(store, ProgressListener.NONE, new CancellationToken()).hits().size(), hits,
        "the literal prefilter must not change what matches");
    return hits;
  }

  private static String rule(String logsource, String detection) {
    return "title: t\nid: t\nlogsource: " + logsource + "\ndetection:\n" + detection.indent(2);
  }

  @Test
  void aUncPrefixInARuleNeedsTwoBackslashes() {
    String d = "sel:\n  CommandLine|contains: '\\\\\\\\'\ncondition: sel\n"; // YAML '\\\\' = Sigma \\ escaped twice = two backslashes
    assertEquals(1, matches(d, proc("", "msiexec /i \\\\evil\\share\\x.msi"), proc("", "msiexec /i C:\\Users\\x.msi")));
  }

  @Test
  void anExportThatDoublesEveryBackslashIsReadUndoubledButSingleBackslashesAreExact() {
    String d = "sel:\n  Image: 'C:\\Windows\\System32\\cmd.exe'\ncondition: sel\n";
    assertEquals(1, matches(d, proc("C:\\\\Windows\\\\System32\\\\cmd.exe", ""), proc("C:\\Windows\\\\System32\\cmd.exe", "")));
  }

  @Test
  void theDataFieldSeesEveryUnnamedDataElement() {
    String r = rule("{product: windows, service: application}", "sel:\n  Data|contains: 'CLIENT: 10.'\ncondition: sel\n");
    EventDraft second = app(18456, "Data", "sa", "Data2", "Reason: Password did not match", "Data3", "[CLIENT: 10.1.2.3]");
    EventDraft xmlStyle = app(18456, "Data1", "sa", "Data2", "[CLIENT: 10.9.9.9]");
    EventDraft external = app(18456, "Data", "sa", "Data2", "[CLIENT: 203.0.113.7]");
    assertEquals(2, run(r, second, xmlStyle, external));
  }

  @Test
  void fieldrefComparesTwoFieldsOfTheSameEvent() {
    String d = "sel:\n  Image|endswith: '\\x.exe'\nfilter_same:\n  User|fieldref: ParentUser\ncondition: sel and not filter_same\n";
    EventDraft same = sysmon(1, "Image", "C:\\x.exe", "User", "CORP\\Bob", "ParentUser", "corp\\bob");
    EventDraft cross = sysmon(1, "Image", "C:\\x.exe", "User", "NT AUTHORITY\\SYSTEM", "ParentUser", "CORP\\bob");
    EventDraft noParent = sysmon(1, "Image", "C:\\x.exe", "User", "CORP\\bob");
    assertEquals(2, matches(d, same, cross, noParent));
    assertEquals(1, matches("sel:\n  TargetFilename|fieldref|endswith: Image\ncondition: sel\n",
        sysmon(1, "TargetFilename", "D:\\copy\\C:\\x.exe", "Image", "C:\\x.exe"), sysmon(1, "TargetFilename", "C:\\y.exe", "Image", "C:\\x.exe")));
  }

  @Test
  void nOfCountsSearchIdentifiers() {
    String d = "s_a:\n  CommandLine|contains: 'alpha'\ns_b:\n  CommandLine|contains: 'beta'\ns_c:\n  CommandLine|contains: 'gamma'\ncondition: 2 of s_*\n";
    assertEquals(2, matches(d, proc("", "alpha beta"), proc("", "beta gamma alpha"), proc("", "gamma"), proc("", "none")));
    assertEquals(0, matches(d.replace("2 of", "4 of"), proc("", "alpha beta gamma")));
  }

  @Test
  void keywordsSearchSystemFieldsToo() {
    String d = "keywords:\n  - 'dc01.corp'\ncondition: keywords\n";
    EventDraft onDc = proc("C:\\a.exe", "x");
    onDc.computer = "DC01.corp.example";
    assertEquals(1, matches(d, onDc, proc("C:\\a.exe", "y")));
  }

  @Test
  void expandWithoutAMappingReadsAPlaceholderAsAnyText() {
    String d = "sel:\n  CommandLine|expand: '%AdminTools%\\psexec.exe'\ncondition: sel\n";
    assertEquals(1, matches(d, proc("", "C:\\Tools\\psexec.exe"), proc("", "C:\\Tools\\other.exe")));
  }

  @Test
  void classicPowerShellAndDefenderCategoriesAndSpacedFieldNames() {
    String r = rule("{product: windows, category: ps_classic_start}", "sel:\n  Data|contains: 'HostName=ConsoleHost'\ncondition: sel\n");
    EventDraft start = sysmon(400, "Data", "Available", "Data2", "NewEngineState=Available HostName=ConsoleHost");
    start.channel = "Windows PowerShell";
    start.provider = "PowerShell";
    assertEquals(1, run(r, start));
    String defender = rule("{product: windows, service: windefend}", "sel:\n  EventID: 1116\n  ThreatName|contains: 'Mimikatz'\ncondition: sel\n");
    EventDraft d = sysmon(1116, "Threat Name", "HackTool:Win32/Mimikatz.D");
    d.channel = "Microsoft-Windows-Windows Defender/Operational";
    d.provider = "Microsoft-Windows-Windows Defender";
    assertEquals(1, run(defender, d));
  }

  @Test
  void everyWindowsLogsourceSigmaHqUsesIsKnown() throws Exception {
    AnalyticLibrary lib = AnalyticLibrary.loadOnly(List.of(SigmaHq.dir().resolve("rules/windows")));
    List<RuleError> logsource = lib.errors().stream().filter(e -> e.message().contains("logsource")).toList();
    assertEquals(List.of(), logsource);
  }

  @Test
  void theMsiRuleIsQuietOnTheRogueMsiSampleWhoseValuesHaveNoUncPath() throws Exception {
    Path sample = Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Execution/rogue_msi_url_1040_1042.evtx");
    Path rule = SigmaHq.dir().resolve("rules/windows/builtin/application/msiinstaller/win_msi_install_from_susp_locations.yml");
    ImportResult imported = new Importer().run(List.of(sample.toString()), ImportProgress.NONE, new CancellationToken());
    EventStore store = imported.store();
    assertTrue(store.size() > 0);
    AnalyticLibrary lib = AnalyticLibrary.loadOnly(List.of(rule));
    assertEquals(List.of(), lib.errors());
    assertEquals(0, new Detector(lib).run(store, ProgressListener.NONE, new CancellationToken()).hits().size());
  }

  private static EventDraft app(int eventId, String... fields) {
    EventDraft d = sysmon(eventId, fields);
    d.channel = "Application";
    d.provider = "MSSQLSERVER";
    return d;
  }
}
