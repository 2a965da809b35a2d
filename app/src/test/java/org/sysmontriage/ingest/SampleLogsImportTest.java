package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;
import org.sysmontriage.testing.SampleLogs;
import org.sysmontriage.testing.SampleLogs.ExpectedHit;

/**
 * The whole sample-logs/ folder through the real importer, as the GUI start page and the CLI load
 * it: every XML and JSON dialect, the binary EVTX and both archives read without an issue, and every event named in
 * expected-hits.csv arrives with its EventID, host, time and the fields the analytics read.
 */
class SampleLogsImportTest {
  private static ImportResult result;
  private static String root;

  @BeforeAll
  static void importSampleLogs() {
    Path dir = SampleLogs.dir();
    root = dir.toString();
    result = new Importer(ImportOptions.defaults().withThreads(2)).run(List.of(root), ImportProgress.NONE, new CancellationToken());
  }

  @Test
  void everySampleLogImportsWithoutIssues() {
    Set<String> dialects = new TreeSet<>();
    int logs = 0;
    for (SourceInfo s : result.sources()) {
      if (s.format().equals(Importer.NOT_A_LOG)) {
        continue;
      }
      logs++;
      assertEquals(List.of(), s.issues(), s.source());
      assertEquals(0, s.skipped(), s.source());
      assertTrue(s.events() >= 150, s.source() + ": " + s.events());
      dialects.add(s.format() + "/" + s.dialect());
    }
    assertEquals(19, logs, "10 text logs (one of every channel), 3 binary EVTX, 3 archive members and 3 incident stories");
    assertEquals(new TreeSet<>(List.of("evtx/EVTX 3.1", "json/elastic-hit", "json/nxlog", "json/otrf-flat", "json/winlogbeat6", "json/winlogbeat7",
        "json/xml-json", "xml/event-viewer", "xml/splunk-xmlwineventlog", "xml/wevtutil")), dialects);
    assertTrue(result.events() >= 3000, "a few thousand events: " + result.events());
  }

  @Test
  void everyExpectedHitArrivesWithTheFieldsItsAnalyticReads() {
    EventStore store = result.store();
    Map<String, Integer> index = new HashMap<>();
    for (int e = 0; e < store.size(); e++) {
      index.put(store.source(e).source() + "#" + store.recordId(e), e);
    }
    List<ExpectedHit> hits = SampleLogs.expectedHits();
    assertTrue(hits.size() > 150, "expected-hits.csv rows: " + hits.size());
    for (ExpectedHit hit : hits) {
      Integer e = index.get(root + "/" + hit.file() + "#" + hit.recordId());
      assertNotNull(e, "no event for " + hit);
      assertEquals(hit.eventId(), store.eventId(e), hit.toString());
      assertEquals(hit.computer(), store.computer(e), hit.toString());
      assertEquals(Times.parse(hit.utcTime()), store.ticks(e), hit.toString());
      for (String field : keyFields(hit.eventId())) {
        String v = store.field(e, field);
        assertTrue(v != null && !v.isEmpty(), field + " missing in " + hit + ": " + store.fields(e));
      }
    }
  }

  private static List<String> keyFields(int eventId) {
    return switch (eventId) {
      case 1 -> List.of("Image", "CommandLine", "ParentImage", "OriginalFileName", "User");
      case 10 -> List.of("SourceImage", "TargetImage", "GrantedAccess", "CallTrace", "SourceProcessId");
      case 11 -> List.of("Image", "TargetFilename");
      case 13 -> List.of("Image", "TargetObject", "Details");
      default -> List.of();
    };
  }
}
