package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * The real-log corpus, labelled in LABELS.csv: every TP-DUMP and TP-READ log with Sysmon evidence
 * (S1, S10 or S11) gets a T1003 hit; no NEG, HARD-NEG or BENIGN log gets one.
 */
class DetectorCorpusTest {
  private static Map<String, List<Hit>> hitsBySource;

  @TestFactory
  Stream<DynamicTest> labelledLogsGetT1003HitsExactlyWhenTheyDumpLsass() {
    Path dir = Corpus.dir();
    Map<String, List<Hit>> hits = hitsBySource(dir);
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Label label : Corpus.labels()) {
      String source = dir + "/" + label.path();
      List<Hit> t1003 = hits.getOrDefault(source, List.of()).stream()
          .filter(h -> h.analytic().techniques().stream().anyMatch(t -> t.startsWith("T1003"))).toList();
      if (isTruePositiveWithSysmonEvidence(label)) {
        tests.add(DynamicTest.dynamicTest(label.label() + " " + label.path(),
            () -> assertTrue(!t1003.isEmpty(), label.path() + ": no T1003 hit")));
      } else if (List.of("NEG", "HARD-NEG", "BENIGN").contains(label.label())) {
        tests.add(DynamicTest.dynamicTest(label.label() + " " + label.path(),
            () -> assertEquals(List.of(), t1003.stream().map(h -> h.analytic().id() + "@" + h.event()).toList(), label.path())));
      }
    }
    return tests.stream();
  }

  static boolean isTruePositiveWithSysmonEvidence(Corpus.Label label) {
    boolean tp = label.label().equals("TP-DUMP") || label.label().equals("TP-READ");
    return tp && (label.hasEvidence("S1") || label.hasEvidence("S10") || label.hasEvidence("S11"));
  }

  private static synchronized Map<String, List<Hit>> hitsBySource(Path dir) {
    if (hitsBySource == null) {
      ImportResult imported = new Importer().run(List.of(dir.toString()), ImportProgress.NONE, new CancellationToken());
      EventStore store = imported.store();
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
