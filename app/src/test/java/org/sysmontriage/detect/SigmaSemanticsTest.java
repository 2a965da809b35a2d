package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ProgressListener;

/** Sigma's matching rules as Sigma's own tools apply them: modifiers, wildcards, conditions, keywords. */
class SigmaSemanticsTest {
  static final String HEAD = """
      title: t
      id: t
      logsource: {product: windows, category: process_creation}
      detection:
      """;

  /**
   * How many of {@code events} the detection (indented YAML under detection:) matches; the same with and
   * without the literal prefilter (checked).
   */
  static int matches(String detection, EventDraft... events) {
    AnalyticLibrary lib = AnalyticLibrary.fromText("test.yml", HEAD + detection.indent(2));
    assertEquals(List.of(), lib.errors());
    org.sysmontriage.event.EventStore store = TestEvents.store(events);
    int hits = new Detector(lib).run(store, ProgressListener.NONE, new CancellationToken()).hits().size();
    int exhaustive = new Detector(lib, false).run(store, ProgressListener.NONE, new CancellationToken()).hits().size();
    assertEquals(exhaustive, hits, "the literal prefilter must not change what matches");
    return hits;
  }

  static EventDraft proc(String image, String commandLine) {
    return sysmon(1, "Image", image, "CommandLine", commandLine);
  }

  @Test
  void plainValuesAreCaseInsensitiveEqualityAndListsAreOr() {
    String d = """
        sel:
          Image: ['C:\\Windows\\System32\\cmd.exe', 'C:\\x\\y.exe']
        condition: sel
        """;
    assertEquals(2, matches(d, proc("c:\\windows\\system32\\CMD.EXE", ""), proc("C:\\X\\Y.exe", ""), proc("C:\\Windows\\System32\\cmd.exe.bak", "")));
  }

  @Test
  void wildcardsStarAndQuestionMarkAndEscapedStar() {
    assertEquals(2, matches("sel:\n  CommandLine: 'a*c?e'\ncondition: sel\n", proc("", "aXYZcde"), proc("", "ACDE"), proc("", "acde-")));
    assertEquals(1, matches("sel:\n  CommandLine: 'a\\*b'\ncondition: sel\n", proc("", "a*b"), proc("", "aXb")));
  }

  @Test
  void containsStartswithEndswithAndAll() {
    String d = """
        sel:
          CommandLine|contains|all: ['-ma', 'lsass']
          Image|endswith: '\\procdump.exe'
          CommandLine|startswith: 'procdump'
        condition: sel
        """;
    assertEquals(1, matches(d, proc("C:\\t\\PROCDUMP.exe", "procdump -MA LSASS.exe"), proc("C:\\t\\procdump.exe", "procdump -ma notepad")));
  }

  @Test
  void casedMakesTheComparisonCaseSensitive() {
    assertEquals(1, matches("sel:\n  CommandLine|contains|cased: 'MiniDump'\ncondition: sel\n", proc("", "x MiniDump y"), proc("", "x minidump y")));
  }

  @Test
  void regexIsSearchedCaseSensitiveUnlessI() {
    assertEquals(1, matches("sel:\n  CommandLine|re: 'ls[a-z]ss\\.exe'\ncondition: sel\n", proc("", "dump lsass.exe"), proc("", "dump LSASS.EXE")));
    assertEquals(2, matches("sel:\n  CommandLine|re|i: 'ls[a-z]ss\\.exe'\ncondition: sel\n", proc("", "dump lsass.exe"), proc("", "dump LSASS.EXE")));
  }

  @Test
  void windashMatchesEveryDashAndSlash() {
    String d = "sel:\n  CommandLine|windash|contains: ' -ma '\ncondition: sel\n";
    assertEquals(4, matches(d, proc("", "p -ma x"), proc("", "p /ma x"), proc("", "p \u2013ma x"), proc("", "p \u2014ma x"), proc("", "p ma x")));
  }

  @Test
  void existsAndNull() {
    assertEquals(1, matches("sel:\n  OriginalFileName|exists: true\ncondition: sel\n", sysmon(1, "OriginalFileName", "x"), sysmon(1, "Image", "y")));
    assertEquals(1, matches("sel:\n  OriginalFileName|exists: false\ncondition: sel\n", sysmon(1, "OriginalFileName", "x"), sysmon(1, "Image", "y")));
    assertEquals(2, matches("sel:\n  OriginalFileName: null\ncondition: sel\n", sysmon(1, "OriginalFileName", ""), sysmon(1, "Image", "y"), sysmon(1, "OriginalFileName", "z")));
  }

  @Test
  void numericComparisonsReadDecimalAndHex() {
    String d = "sel:\n  ProcessId|gte: 1000\n  ProcessId|lt: 0x800\ncondition: sel\n";
    assertEquals(2, matches(d, sysmon(1, "ProcessId", "1000"), sysmon(1, "ProcessId", "2047"), sysmon(1, "ProcessId", "2048"), sysmon(1, "ProcessId", "abc")));
  }

  @Test
  void hexValuesCompareAsNumbers() {
    String d = "sel:\n  GrantedAccess: '0x1FFFFF'\ncondition: sel\n";
    assertEquals(3, matches(d, sysmon(1, "GrantedAccess", "0x001fffff"), sysmon(1, "GrantedAccess", "0x1fffff"),
        sysmon(1, "GrantedAccess", "0x1FFFFF"), sysmon(1, "GrantedAccess", "0x1410")));
  }

  @Test
  void hexInsideAPatternStaysText() {
    assertEquals(1, matches("sel:\n  CommandLine|contains: ' 0x0110'\ncondition: sel\n", proc("", "SqlDumper.exe 728 0 0x0110"), proc("", "x 0x110")));
    assertEquals(1, matches("sel:\n  GrantedAccess|startswith: '0x1f3'\ncondition: sel\n", sysmon(1, "GrantedAccess", "0x001F3FFF"), sysmon(1, "GrantedAccess", "0x1410")));
  }

  @Test
  void aTrailingBackslashStaysLiteralUnderContains() {
    String d = "sel:\n  Image|contains: ':\\Windows\\System32\\'\ncondition: sel\n";
    assertEquals(1, matches(d, proc("C:\\Windows\\System32\\svchost.exe", ""), proc("C:\\Windows\\System32.exe", "")));
  }

  @Test
  void repeatedBackslashesCollapse() {
    assertEquals(1, matches("sel:\n  Image: 'C:\\Windows\\System32\\cmd.exe'\ncondition: sel\n", proc("C:\\\\Windows\\\\System32\\\\cmd.exe", "")));
  }

  @Test
  void base64offsetFindsTheValueAtEveryAlignment() {
    String d = "sel:\n  CommandLine|base64offset|contains: 'lsass'\ncondition: sel\n";
    String[] encodings = {
      java.util.Base64.getEncoder().encodeToString("dump lsass now".getBytes()),
      java.util.Base64.getEncoder().encodeToString("x dump lsass now".getBytes()),
      java.util.Base64.getEncoder().encodeToString("xy dump lsass now".getBytes())};
    assertEquals(3, matches(d, proc("", encodings[0]), proc("", encodings[1]), proc("", encodings[2]), proc("", "bm90aGluZw==")));
  }

  @Test
  void keywordsSearchEveryFieldAsContains() {
    String d = """
        keywords:
          - 'procdump'
          - 'mimikatz'
        condition: keywords
        """;
    assertEquals(2, matches(d, sysmon(1, "ParentImage", "C:\\t\\ProcDump64.exe"), sysmon(1, "CommandLine", "run Mimikatz"), sysmon(1, "Image", "x")));
  }

  @Test
  void conditionsWithNotParenthesesAndPrecedence() {
    String d = """
        a:
          CommandLine|contains: 'a'
        b:
          CommandLine|contains: 'b'
        c:
          CommandLine|contains: 'c'
        condition: a or b and not c
        """;
    // a or (b and not c)
    assertEquals(3, matches(d, proc("", "a"), proc("", "b"), proc("", "bc"), proc("", "ac"), proc("", "c")));
    String p = d.replace("a or b and not c", "(a or b) and not c");
    assertEquals(2, matches(p, proc("", "a"), proc("", "b"), proc("", "bc"), proc("", "ac"), proc("", "c")));
  }

  @Test
  void oneOfAllOfAndThem() {
    String d = """
        sel_a:
          CommandLine|contains: 'a'
        sel_b:
          CommandLine|contains: 'b'
        _hidden:
          CommandLine|contains: 'z'
        condition: %s
        """;
    EventDraft[] ev = {proc("", "a"), proc("", "ab"), proc("", "abz"), proc("", "z")};
    assertEquals(3, matches(d.formatted("1 of sel_*"), ev));
    assertEquals(2, matches(d.formatted("all of sel_*"), ev));
    assertEquals(2, matches(d.formatted("all of them"), ev)); // _-prefixed identifiers are not part of them
    assertEquals(4, matches(d.formatted("1 of them or _hidden"), ev));
  }

  @Test
  void listOfMapsIsOrOfAnds() {
    String d = """
        sel:
          - Image|endswith: '\\rundll32.exe'
            CommandLine|contains: 'comsvcs'
          - OriginalFileName: 'RUNDLL32.EXE'
        condition: sel
        """;
    assertEquals(2, matches(d, proc("C:\\w\\rundll32.exe", "comsvcs MiniDump"), proc("C:\\w\\rundll32.exe", "shell32"),
        sysmon(1, "OriginalFileName", "rundll32.exe")));
  }

  @Test
  void eventIdAndOtherSystemFieldsCanBeTested() {
    String d = "sel:\n  EventID: 1\n  Computer|startswith: 'host1'\ncondition: sel\n";
    assertEquals(1, matches(d, proc("x", "y")));
  }

  @Test
  void processCreationRulesAlsoReadSecurity4688WithItsFieldNames() {
    String d = "sel:\n  Image|endswith: '\\procdump.exe'\n  ParentImage|endswith: '\\cmd.exe'\ncondition: sel\n";
    assertEquals(1, matches(d, TestEvents.security(4688, "NewProcessName", "C:\\t\\procdump.exe", "ParentProcessName", "C:\\w\\cmd.exe")));
  }

  @Test
  void rulesOnlySeeTheirLogsourceEventIdsAndChannels() {
    String d = "sel:\n  Image|endswith: '\\x.exe'\ncondition: sel\n";
    EventDraft wrongId = sysmon(11, "Image", "C:\\x.exe");
    EventDraft wrongChannel = sysmon(1, "Image", "C:\\x.exe");
    wrongChannel.channel = "Application";
    wrongChannel.provider = "SomeApp";
    assertEquals(0, matches(d, wrongId, wrongChannel));
  }

  @Test
  void cidrMatchesAddressesInTheNetwork() {
    String d = "sel:\n  DestinationIp|cidr: '10.0.0.0/8'\ncondition: sel\n";
    AnalyticLibrary lib = AnalyticLibrary.fromText("t.yml", (HEAD + d.indent(2)).replace("process_creation", "network_connection"));
    int hits = new Detector(lib).run(TestEvents.store(sysmon(3, "DestinationIp", "10.1.2.3"), sysmon(3, "DestinationIp", "11.0.0.1"),
        sysmon(3, "DestinationIp", "example.org")), ProgressListener.NONE, new CancellationToken()).hits().size();
    assertEquals(1, hits);
  }

  @Test
  void hitsExplainWhichFieldsMatched() {
    AnalyticLibrary lib = AnalyticLibrary.fromText("t.yml", HEAD + "sel:\n  Image|endswith: '\\procdump.exe'\n  CommandLine|contains: 'lsass'\ncondition: sel\n".indent(2));
    Hit hit = new Detector(lib).run(TestEvents.store(proc("C:\\t\\procdump.exe", "procdump -ma lsass.exe")), ProgressListener.NONE,
        new CancellationToken()).hits().get(0);
    assertEquals(List.of(new MatchedField("Image", "C:\\t\\procdump.exe", "Image endswith '\\procdump.exe'"),
        new MatchedField("CommandLine", "procdump -ma lsass.exe", "CommandLine contains 'lsass'")), hit.matches());
  }

  @Test
  void unsupportedFeaturesAreErrorsNotSilentMisses() {
    AnalyticLibrary lib = AnalyticLibrary.fromText("t.yml", HEAD + "sel:\n  Image|fieldref: 'ParentImage'\ncondition: sel | count() > 5\n".indent(2));
    assertEquals(1, lib.errors().size());
    assertTrue(lib.errors().get(0).message().contains("aggregations"), lib.errors().toString());
  }
}
