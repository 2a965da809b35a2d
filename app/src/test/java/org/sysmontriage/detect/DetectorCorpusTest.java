package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;

/**
 * The real-log corpus, labelled in LABELS.csv: every TP-DUMP, TP-READ (and attempt) log, Security-only
 * ones included, gets a T1003 hit at risk >= 50 on the kind of evidence its label names (S1 process
 * start, S8 remote thread, S10 process access, S11 file, Sec Security 4656/4663/4688, PS PowerShell
 * 4103/4104), not merely somewhere in the file; no NEG, HARD-NEG or BENIGN log gets a T1003 hit at
 * risk >= 50 (lower hits carry their reason).
 */
class DetectorCorpusTest {
  private static Map<String, List<Hit>> hitsBySource;
  private static EventStore store;

  @TestFactory
  Stream<DynamicTest> labelledLogsGetT1003HitsAtFiftyExactlyWhenTheyDumpLsass() {
    Path dir = Corpus.dir();
    Map<String, List<Hit>> hits = hitsBySource(dir);
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Label label : Corpus.labels()) {
      String source = dir + "/" + label.path();
      List<Hit> t1003 = hits.getOrDefault(source, List.of()).stream()
          .filter(h -> h.risk() >= 50 && h.analytic().techniques().stream().anyMatch(t -> t.startsWith("T1003"))).toList();
      if (isTruePositive(label)) {
        tests.add(DynamicTest.dynamicTest(label.label() + " " + label.path(), () -> {
          List<String> kinds = t1003.stream().map(h -> evidenceKind(store, h.event())).distinct().toList();
          assertTrue(kinds.stream().anyMatch(k -> label.hasEvidence(k)),
              label.path() + ": no T1003 hit >= 50 on its evidence " + label.evidence() + " (hits >= 50 on " + kinds + ")");
        }));
      } else if (List.of("NEG", "HARD-NEG", "BENIGN").contains(label.label())) {
        tests.add(DynamicTest.dynamicTest(label.label() + " " + label.path(),
            () -> assertEquals(List.of(), t1003.stream().map(h -> h.analytic().id() + "=" + h.risk() + "@" + h.event()).toList(), label.path())));
      }
    }
    return tests.stream();
  }

  static boolean isTruePositive(Corpus.Label label) {
    String l = label.label().toUpperCase(Locale.ROOT);
    return l.equals("TP-DUMP") || l.equals("TP-READ") || l.contains("ATTEMPT");
  }

  /** The LABELS.csv evidence code of an event: S1, S8, S10, S11, S13, Sec, PS, or the EventID. */
  static String evidenceKind(EventStore store, int e) {
    String channel = store.channel(e) == null ? "" : store.channel(e).toLowerCase(Locale.ROOT);
    int id = store.eventId(e);
    if (channel.contains("sysmon")) {
      return "S" + id;
    }
    if (channel.equals("security") && (id == 4656 || id == 4663 || id == 4688)) {
      return "Sec";
    }
    if (channel.contains("powershell") && (id == 4103 || id == 4104)) {
      return "PS";
    }
    return Integer.toString(id);
  }

  private static synchronized Map<String, List<Hit>> hitsBySource(Path dir) {
    if (hitsBySource == null) {
      ImportResult imported = new Importer().run(List.of(dir.toString()), ImportProgress.NONE, new CancellationToken());
      store = imported.store();
      DetectionResult result = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken());
      Map<String, List<Hit>> m = new HashMap<>();
      for (Hit h : result.hits()) {
        m.computeIfAbsent(store.source(h.event()).source(), k -> new ArrayList<>()).add(h);
      }
      hitsBySource = m;
    }
    return hitsBySource;
  }
}
