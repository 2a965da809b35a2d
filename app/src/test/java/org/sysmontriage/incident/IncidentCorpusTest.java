package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;

/**
 * The labelled real logs: every TP-DUMP and TP-READ log yields an incident with score >= 50 and the
 * right outcome; no NEG, HARD-NEG or BENIGN log yields an incident with score >= 50; the OTRF LSASS
 * campaign 02 gives one incident for its procdump run once the Security clock's 19 h skew is
 * applied, and two 19 h apart before. Each log is read on its own (incidents of one log). The bundled
 * chains change no incident of these logs (compared with the engine run without them).
 */
class IncidentCorpusTest {
  private static final String CAMPAIGN_02 =
      "Security-Datasets/datasets/compound/LSASS_campaign_02/metasploit_procdump_lsass_memory_dump.zip";
  private static final List<String> QUIET = List.of("NEG", "HARD-NEG", "BENIGN");

  @TestFactory
  Stream<DynamicTest> truePositivesBecomeIncidentsAndNegativesStayBelow50() {
    Path dir = Corpus.dir();
    List<DynamicTest> tests = new ArrayList<>();
    Map<String, Corpus.Label> bySource = new LinkedHashMap<>();
    for (Corpus.Label l : Corpus.labels()) {
      if (l.label().startsWith("TP-") || QUIET.contains(l.label())) {
        bySource.putIfAbsent(l.path(), l);
      }
    }
    for (Corpus.Label l : bySource.values()) {
      tests.add(DynamicTest.dynamicTest(l.label() + " " + l.path(), () -> check(dir, l)));
    }
    return tests.stream();
  }

  private static void check(Path dir, Corpus.Label l) {
    EventStore store = store(l.path());
    List<Hit> hits = hits(dir, l.path(), store);
    List<Incident> incidents = new IncidentEngine(IncidentOptions.defaults()).run(store, hits, new CancellationToken()).incidents();
    List<Incident> codeOnly = new IncidentEngine(IncidentOptions.defaults().withoutBundledChains()).run(store, hits, new CancellationToken()).incidents();
    assertEquals(signatures(codeOnly), signatures(incidents), l.path() + ": the bundled chains tie only hits the code's links tie");
    List<String> strong = incidents.stream().filter(i -> i.score().value() >= 50)
        .map(i -> i.outcome().word() + " " + i.score().value() + " " + i.headline()).toList();
    for (Incident i : incidents) {
      assertFalse(i.score().topFromCorrelation() && i.correlations().stream().anyMatch(IncidentCorrelation::bundled),
          "a bundled chain's level stays below the strongest hit: " + i.score().formula());
    }
    if (l.label().startsWith("TP-")) {
      String want = l.label().equals("TP-DUMP") ? "dump" : "read";
      assertTrue(strong.stream().anyMatch(s -> s.startsWith(want + " ")), l.path() + ": no " + want + " incident >= 50 in " + strong);
    } else {
      assertEquals(List.of(), strong, l.path());
      assertEquals(List.of(), incidents.stream().flatMap(i -> i.correlations().stream()).map(IncidentCorrelation::describe).toList(),
          l.path() + ": no bundled chain on a quiet log");
    }
  }

  @Test
  void campaign02IsOneIncidentPerProcdumpRunOnceTheSkewIsApplied() {
    Path dir = Corpus.dir();
    IncidentResult before = incidents(dir, CAMPAIGN_02, IncidentOptions.defaults());
    assertEquals(1, before.detectedSkews().size(), before.detectedSkews().toString());
    ClockSkew skew = before.detectedSkews().get(0);
    assertEquals("Security", skew.clock().channel());
    assertEquals(19 * 3600 * Times.TICKS_PER_SECOND, Math.round(skew.offsetTicks() / 1e7) * Times.TICKS_PER_SECOND);
    List<Incident> runsBefore = strong(before);
    assertEquals(2, runsBefore.size(), titles(before));
    long apart = Math.abs(runsBefore.get(0).startTicks() - runsBefore.get(1).startTicks());
    assertEquals(19 * 3600, Math.round(apart / 1e7), "the two halves of the run lie 19 h apart");

    IncidentResult after = incidents(dir, CAMPAIGN_02, IncidentOptions.defaults().withSkews(before.detectedSkews()));
    assertEquals(1, strong(after).size(), titles(after));
    Incident run = strong(after).get(0);
    assertEquals(Outcome.DUMP, run.outcome());
    assertEquals(List.of("Security", "Sysmon"), run.sources().stream().sorted().toList());
    assertFalse(run.steps().stream().allMatch(s -> s.ticks() == s.rawTicks()), "Security steps keep their raw time");
    List<String> chains = run.correlations().stream().map(IncidentCorrelation::ruleId).distinct().sorted().toList();
    assertEquals(List.of("ST-CHAIN-DUMP-COMMAND-LSASS-HANDLE", "ST-CHAIN-DUMP-COMMAND-OPENS-LSASS", "ST-CHAIN-LSASS-READ-THEN-DUMP-FILE"), chains,
        "the run's Security and Sysmon chains are on its one incident");
  }

  /** The procdump run's incidents: score 50 or more (routine LSASS readers of the capture stay below). */
  private static List<Incident> strong(IncidentResult r) {
    return r.incidents().stream().filter(i -> i.score().value() >= 50).toList();
  }

  private static String titles(IncidentResult r) {
    return r.incidents().stream().map(i -> i.id() + " " + i.score().value() + " " + i.start() + " " + i.headline()).toList().toString();
  }

  private static IncidentResult incidents(Path dir, String labelPath, IncidentOptions options) {
    EventStore store = store(labelPath);
    return new IncidentEngine(options).run(store, hits(dir, labelPath, store), new CancellationToken());
  }

  private static EventStore store(String labelPath) {
    return new Importer().run(List.of(Corpus.file(labelPath).toString()), ImportProgress.NONE, new CancellationToken()).store();
  }

  /** The built-in analytics' hits on the labelled member (an archive's other members left out). */
  private static List<Hit> hits(Path dir, String labelPath, EventStore store) {
    String source = dir + "/" + labelPath;
    return new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken()).hits()
        .stream().filter(h -> !labelPath.contains("::") || store.source(h.event()).source().equals(source)).toList();
  }

  /** What must not change: each incident's id, score, formula, outcome and reason, hits and steps. */
  private static List<String> signatures(List<Incident> incidents) {
    return incidents.stream().map(i -> i.id() + " " + i.score().formula() + " " + i.outcome().word() + " " + i.outcomeReason()
        + " hits " + i.hits().size() + " steps " + i.steps().size() + " " + i.start()).toList();
  }
}
