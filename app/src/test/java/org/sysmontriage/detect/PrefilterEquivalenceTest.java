package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.sigma.Prerequisites;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.SigmaHq;

/**
 * The literal prefilter ({@link CandidateFilter}) changes how fast rules are found, never which:
 * SigmaHQ's whole Windows set plus the built-in analytics over the real-log corpus and every
 * regression sample of SigmaHQ, once with the prefilter and once testing every rule on every event
 * of its EventIDs; the hits (rule, event, risk, explanation) are identical.
 */
class PrefilterEquivalenceTest {
  @Test
  void fullSigmaHqSetFindsTheSameHitsWithAndWithoutThePrefilter() throws IOException {
    Path sigma = SigmaHq.dir();
    Path corpus = Corpus.dir();
    AnalyticLibrary library = AnalyticLibrary.load(List.of(sigma.resolve("rules/windows")));
    assertTrue(library.analytics().size() > 2_400, "rules loaded: " + library.analytics().size());
    List<String> inputs = new ArrayList<>();
    inputs.add(corpus.toString());
    try (Stream<Path> walk = Files.walk(sigma.resolve("regression_data"))) {
      walk.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(p -> inputs.add(p.toString()));
    }
    EventStore store = new Importer().run(inputs, ImportProgress.NONE, new CancellationToken()).store();
    List<String> fast = hits(new Detector(library, true).run(store, ProgressListener.NONE, new CancellationToken()));
    List<String> exhaustive = hits(new Detector(library, false).run(store, ProgressListener.NONE, new CancellationToken()));
    if (!fast.equals(exhaustive)) {
      Set<String> missing = new HashSet<>(exhaustive);
      fast.forEach(missing::remove);
      Set<String> extra = new HashSet<>(fast);
      exhaustive.forEach(extra::remove);
      assertEquals(Set.of(), missing, "hits lost by the prefilter");
      assertEquals(Set.of(), extra, "hits only with the prefilter");
      assertEquals(exhaustive, fast);
    }
    Set<String> rules = new HashSet<>();
    fast.forEach(h -> rules.add(h.substring(0, h.indexOf(' '))));
    assertTrue(store.size() > 90_000 && fast.size() > 3_000 && rules.size() > 350,
        "a meaningful comparison: " + store.size() + " events, " + fast.size() + " hits of " + rules.size() + " rules");
  }

  /** A rule of these rule files, by the file name (its id). */
  private static final String RULE = """
      title: %1$s
      id: %1$s
      logsource: {product: windows%2$s}
      detection:
      %3$s
      level: high
      """;

  private static void rule(Path dir, String id, String logsource, String detection) throws IOException {
    Files.writeString(dir.resolve(id + ".yml"), RULE.formatted(id, logsource, detection.indent(2).stripTrailing()));
  }

  /**
   * The cases the prefilter reads beyond plain wildcards: regular expressions (their required literal
   * searched in the lower-case comparable form: cased, |i and (?i), RE2's folding of the long s and the
   * Kelvin sign, backslashes an export doubled, whole hex values respelled) and keyword and Data
   * literals searched in the same pass as a field's own (a field twice in one event, system fields).
   * Each rule's expected count is checked too, so a prefilter that dropped a match fails here.
   */
  @Test
  void regexKeywordAndDataLiteralsFindTheSameHitsAsFullEvaluation(@TempDir Path dir) throws IOException {
    String proc = ", category: process_creation";
    rule(dir, "re-cased", proc, "sel:\n  CommandLine|re: 'sekurlsa::[a-z]+pass'\ncondition: sel");
    rule(dir, "re-folded", proc, "sel:\n  CommandLine|re|i: 'sekurlsa::[a-z]+pass'\ncondition: sel");
    rule(dir, "re-inline", proc, "sel:\n  CommandLine|re: '(?i)sekurlsa::[a-z]+pass'\ncondition: sel");
    rule(dir, "re-kelvin", proc, "sel:\n  CommandLine|re|i: 'kerberos::(ptt|golden)'\ncondition: sel");
    rule(dir, "re-backslash", proc, "sel:\n  Image|re|i: 'users\\\\+public\\\\+[^\\\\]+\\.exe$'\ncondition: sel");
    rule(dir, "re-hex", proc, "sel:\n  IntegrityLevel|re|i: '^0x0*1f[0-9a-f]{4}$'\ncondition: sel");
    rule(dir, "kw-and-field", proc, """
        keywords:
          - 'mimikatz'
        sel:
          CommandLine|contains: 'mimikatz'
          Image|endswith: '\\m.exe'
        condition: keywords or sel""");
    rule(dir, "kw-only", "", "keywords:\n  - 'evil.example'\n  - 'sekurlsa'\ncondition: keywords");
    rule(dir, "data", ", service: security", "sel:\n  Data|contains: 'lsass'\ncondition: sel");
    rule(dir, "data-and-kw", ", service: security", """
        sel:
          Data|contains: 'dump'
        kw:
          - 'host9'
        condition: sel and kw""");
    AnalyticLibrary library = AnalyticLibrary.load(List.of(dir), false, dir.resolve("cache"));
    assertEquals(List.of(), library.errors());
    for (LoadedRule r : library.rules()) {
      // a whole hex value is respelled, so a literal of hex digits alone is not searched: re-hex has none
      boolean none = Prerequisites.of(r.rule().condition(), library.registry().tests()).isEmpty();
      assertEquals(r.analytic().id().equals("re-hex"), none, r.analytic().id() + ": literal prerequisite");
    }
    EventDraft dup = sysmon(1, "CommandLine", "x", "Image", "C:\\t\\a.exe");
    dup.field("CommandLine", "run mimikatz"); // the same field twice: the second value is searched too
    EventDraft host9 = security(4663, "Data", "a", "Data1", "full dump");
    host9.computer = "HOST9.example.org";
    List<EventDraft> events = List.of(
        sysmon(1, "CommandLine", "m sekurlsa::logonpasswords x"),
        sysmon(1, "CommandLine", "M SEKURLSA::LOGONPASSWORDS X"),
        sysmon(1, "CommandLine", "m \u017Fekurl\u017Fa::logonpa\u017F\u017F x"),
        sysmon(1, "CommandLine", "\u212Aerberos::ptt ticket.kirbi"),
        sysmon(1, "CommandLine", "kerberos::list"),
        sysmon(1, "Image", "C:\\Users\\Public\\x.exe"),
        sysmon(1, "Image", "C:\\\\Users\\\\Public\\\\y.exe"),
        sysmon(1, "Image", "C:\\Users\\Public\\sub\\z.exe"),
        sysmon(1, "IntegrityLevel", "0x001F0FFF"),
        sysmon(1, "IntegrityLevel", "0x1f0fff"),
        sysmon(1, "IntegrityLevel", "0x1410"),
        sysmon(1, "CommandLine", "run MimiKatz", "Image", "C:\\t\\m.exe"),
        sysmon(1, "ParentImage", "C:\\t\\mimikatz.exe"),
        dup,
        sysmon(3, "DestinationHostname", "EVIL.example"),
        security(4663, "ObjectName", "x", "Data", "lsass.dmp"),
        security(4663, "Data", "x", "Data2", "C:\\lsass.exe"),
        security(4663, "Data", "x", "Other", "lsass"),
        host9,
        security(4663, "Data", "full dump"));
    EventStore store = TestEvents.store(events);
    List<String> fast = hits(new Detector(library, true).run(store, ProgressListener.NONE, new CancellationToken()));
    List<String> exhaustive = hits(new Detector(library, false).run(store, ProgressListener.NONE, new CancellationToken()));
    assertEquals(exhaustive, fast);
    java.util.Map<String, Long> perRule = new java.util.TreeMap<>();
    fast.forEach(h -> perRule.merge(h.substring(0, h.indexOf(' ')), 1L, Long::sum));
    assertEquals(java.util.Map.of("re-cased", 1L, "re-folded", 3L, "re-inline", 3L, "re-kelvin", 1L, "re-backslash", 2L, "re-hex", 2L,
        "kw-and-field", 3L, "kw-only", 3L, "data", 2L, "data-and-kw", 1L), perRule);
  }

  /**
   * The EventID, channel and provider are searched once per filter (a filter serves one of each), the
   * computer again only when it changes from one event to the next (the literals found are replayed
   * while it repeats); the record id on every event, and only when a literal of its plan is made of
   * digits. Computers alternate here, and repeat, inside one EventID, channel and provider; a
   * keyword rule on a provider two of the events have and one whose literals mix digits and letters are checked too.
   */
  @Test
  void systemFieldsRepeatedFromEventToEventAreMatchedForEachEvent(@TempDir Path dir) throws IOException {
    rule(dir, "kw-host", "", "keywords:\n  - 'host7'\ncondition: keywords");
    rule(dir, "kw-record", "", "keywords:\n  - '4242'\ncondition: keywords");
    rule(dir, "kw-eventid", "", "keywords:\n  - '13'\ncondition: keywords");
    rule(dir, "kw-provider", "", "keywords:\n  - 'acme-sensor'\ncondition: keywords");
    rule(dir, "kw-record-mixed", "", "keywords:\n  - 'r9003'\n  - '9003-'\n  - '9005'\ncondition: keywords");
    AnalyticLibrary library = AnalyticLibrary.load(List.of(dir), false, dir.resolve("cache"));
    assertEquals(List.of(), library.errors());
    String[] hosts = {"host8.example.org", "host7.example.org", "host7.example.org", "host8.example.org", "host8.example.org",
        "host7.example.org", "host7.example.org"};
    long[] records = {9001, 9002, 9003, 9004, 4242, 9005, 9006};
    int[] ids = {12, 12, 12, 13, 12, 13, 12};
    List<EventDraft> events = new ArrayList<>();
    for (int i = 0; i < hosts.length; i++) {
      EventDraft d = sysmon(ids[i], "TargetObject", "HKLM\\x" + i);
      d.computer = hosts[i];
      d.recordId = records[i];
      d.provider = i == 2 || i == 3 ? "Acme-Sensor" : d.provider; // another filter for these two
      events.add(d);
    }
    EventStore store = TestEvents.store(events);
    List<String> fast = hits(new Detector(library, true).run(store, ProgressListener.NONE, new CancellationToken()));
    assertEquals(hits(new Detector(library, false).run(store, ProgressListener.NONE, new CancellationToken())), fast);
    java.util.Map<String, List<Integer>> perRule = new java.util.TreeMap<>();
    fast.forEach(h -> perRule.computeIfAbsent(h.substring(0, h.indexOf(' ')), k -> new ArrayList<>())
        .add(Integer.parseInt(h.split(" ")[1])));
    perRule.values().forEach(java.util.Collections::sort);
    assertEquals(java.util.Map.of("kw-host", List.of(1, 2, 5, 6), "kw-record", List.of(4), "kw-eventid", List.of(3, 5),
        "kw-provider", List.of(2, 3), "kw-record-mixed", List.of(5)), perRule);
  }

  private static List<String> hits(DetectionResult r) {
    return r.hits().stream().map(h -> h.analytic().id() + " " + h.event() + " " + h.risk() + " " + h.matches())
        .sorted().toList();
  }
}
