package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;
import org.sysmontriage.testing.SampleLogs;
import org.sysmontriage.testing.SampleLogs.ExpectedHit;

/** Every XML log in sample-logs/ (also inside the archives) imports cleanly and holds its expected hits. */
class SampleLogsXmlTest {
  @TempDir Path tmp;

  @Test
  void everyXmlSampleLogImportsWithoutIssues() throws Exception {
    Map<String, XmlReadResult> logs = xmlLogs();
    assertTrue(logs.size() >= 4, "expected the Event Viewer, Splunk, wevtutil and archived XML samples: " + logs.keySet());
    for (Map.Entry<String, XmlReadResult> log : logs.entrySet()) {
      XmlReadResult r = log.getValue();
      assertEquals(List.of(), r.issues(), log.getKey());
      assertTrue(r.events().size() >= 150, log.getKey() + ": " + r.events().size() + " events");
      long previous = -1;
      for (EventDraft d : r.events()) {
        assertNotEquals(Times.UNKNOWN, d.ticks, log.getKey() + " record " + d.recordId);
        assertTrue(d.recordId > previous, log.getKey() + ": record ids in order at " + d.recordId);
        if (!log.getKey().contains("all-channels")) { // issue 11's sample merges Sysmon with the built-in logs
          assertEquals("Microsoft-Windows-Sysmon/Operational", d.channel);
        }
        previous = d.recordId;
      }
    }
  }

  @Test
  void dialectOfEachXmlSampleIsRecognised() throws Exception {
    Map<String, XmlReadResult> logs = xmlLogs();
    assertEquals(XmlLogReader.EVENT_VIEWER, logs.get("xml/eventviewer_WKS-FIN-07_sysmon.xml").ctx().dialect());
    assertEquals(XmlLogReader.SPLUNK, logs.get("xml/splunk_WKS-DEV-12_xmlwineventlog.xml").ctx().dialect());
    assertEquals(XmlLogReader.WEVTUTIL, logs.get("xml/wevtutil_SRV-FILE-01_sysmon.xml").ctx().dialect());
  }

  @Test
  void everyExpectedHitInAnXmlSampleIsAnEventOfThatLog() throws Exception {
    Map<String, XmlReadResult> logs = xmlLogs();
    List<ExpectedHit> xmlHits = SampleLogs.expectedHits().stream().filter(h -> h.file().endsWith(".xml")).toList();
    assertFalse(xmlHits.isEmpty());
    for (ExpectedHit hit : xmlHits) {
      XmlReadResult log = logs.get(hit.file());
      assertNotNull(log, hit.file());
      EventDraft d = log.events().stream().filter(e -> e.recordId == hit.recordId()).findFirst().orElse(null);
      assertNotNull(d, hit.file() + " record " + hit.recordId());
      assertEquals(hit.eventId(), d.eventId, hit.toString());
      assertEquals(hit.computer(), d.computer, hit.toString());
      assertEquals(Times.parse(hit.utcTime()), d.ticks, hit.toString());
    }
  }

  @Test
  void eventViewerSampleHoldsTheTaskManagerDumpOfCar2019_08_001() throws Exception {
    XmlReadResult r = xmlLogs().get("xml/eventviewer_WKS-FIN-07_sysmon.xml");
    long dumps = r.events().stream().filter(d -> d.eventId == 11 && d.get("Image").toLowerCase().endsWith("\\taskmgr.exe")
        && d.get("TargetFilename").toLowerCase().matches(".*\\\\lsass[^\\\\]*\\.dmp")).count();
    assertEquals(1, dumps);
  }

  /** sample-logs-relative name (archive members as ARCHIVE::MEMBER) -> what the reader made of it. */
  private Map<String, XmlReadResult> xmlLogs() throws Exception {
    Path dir = SampleLogs.dir();
    Map<String, XmlReadResult> out = new HashMap<>();
    for (Path p : SampleLogs.files(".xml")) {
      out.put(dir.relativize(p).toString().replace('\\', '/'), XmlReadResult.read(p));
    }
    for (String ext : List.of(".zip", ".tar.gz")) {
      for (Path archive : SampleLogs.files(ext)) {
        for (Map.Entry<String, byte[]> m : SampleLogs.members(archive).entrySet()) {
          if (m.getKey().endsWith(".xml")) {
            Path copy = Files.write(tmp.resolve(m.getKey().replace('/', '_')), m.getValue());
            out.put(dir.relativize(archive).toString().replace('\\', '/') + "::" + m.getKey(), XmlReadResult.read(copy));
          }
        }
      }
    }
    return out;
  }
}
