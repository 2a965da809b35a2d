package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportOptions;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.SampleLogs;

/**
 * The seed analytics over sample-logs/ report exactly the events expected-hits.csv lists as
 * {@code tp} or {@code known-fp} for them, in every format: no true positive missed, no near miss
 * (or any other event) reported.
 */
class SampleLogsDetectionTest {
  private static EventStore store;
  private static List<Hit> hits;
  private static String root;

  @BeforeAll
  static void scanSampleLogs() {
    Path dir = SampleLogs.dir();
    root = dir.toString() + "/";
    store = new Importer(ImportOptions.defaults().withThreads(2)).run(List.of(dir.toString()), ImportProgress.NONE, new CancellationToken()).store();
    hits = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken()).hits();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CAR-2019-08-001", "CAR-2020-05-001", "CAR-2019-07-002", "CAR-2019-07-002/process-access",
      "e102e297-dbe6-4a19-b319-5c08f4c19a06", "fb4c31b0-13e8-4155-8aa5-24de4b8d6717"})
  void seedAnalyticReportsExactlyItsExpectedEvents(String analytic) {
    Set<String> expected = SampleLogs.expectedHits().stream()
        .filter(h -> h.analytic().equals(analytic) && !h.expect().equals("near-miss"))
        .map(h -> h.file() + "#" + h.recordId()).collect(Collectors.toCollection(TreeSet::new));
    Set<String> reported = hits.stream().filter(h -> h.analytic().id().equals(analytic))
        .map(h -> store.source(h.event()).source().substring(root.length()) + "#" + store.recordId(h.event()))
        .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(expected.isEmpty(), "expected-hits.csv has no rows for " + analytic);
    assertEquals(expected, reported, analytic);
  }
}
