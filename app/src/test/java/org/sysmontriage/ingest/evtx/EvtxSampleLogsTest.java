package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.SampleLogs;

/**
 * The binary EVTX files sample-logs/generate.py writes (samplegen/evtx.py): libevtx's evtxexport and
 * our reader must read every record with the same values, and each file must hold exactly the records
 * of the XML export it is the twin of (same record ids, EventIDs, hosts, times, EventData).
 */
class EvtxSampleLogsTest {
  private static final Map<String, String> TWINS = Map.of(
      "WKS-FIN-07_sysmon.evtx", "xml/eventviewer_WKS-FIN-07_sysmon.xml",
      "SRV-FILE-01_sysmon.evtx", "xml/wevtutil_SRV-FILE-01_sysmon.xml",
      "WKS-DEV-12_sysmon.evtx", "xml/splunk_WKS-DEV-12_xmlwineventlog.xml");

  @Test
  void evtxexportAndOurReaderReadEverySampleRecordAlike() throws Exception {
    EvtxConformanceTest.requireEvtxexport();
    List<Path> files = SampleLogs.files(".evtx");
    assertEquals(TWINS.keySet(), new java.util.TreeSet<>(files.stream().map(f -> f.getFileName().toString()).toList()));
    for (Path file : files) {
      List<EvtxExport.Event> theirs = EvtxExport.export(file);
      ReadResult ours = ReadResult.of(file);
      assertEquals(List.of(), ours.issues(), file + ": our reader's issues");
      assertEquals(0, ours.skipped(), file.toString());
      assertTrue(theirs.size() >= 150, file + ": evtxexport read " + theirs.size());
      assertEquals(theirs.size(), ours.events().size(), file + ": records");
      for (int i = 0; i < theirs.size(); i++) {
        String diff = EvtxConformanceTest.difference(theirs.get(i), ours.events().get(i));
        assertEquals(null, diff, file + " record " + theirs.get(i).recordId());
      }
    }
  }

  @Test
  void eachSampleEvtxHoldsTheRecordsOfItsXmlTwin() throws Exception {
    for (Path file : SampleLogs.files(".evtx")) {
      Path twin = SampleLogs.dir().resolve(TWINS.get(file.getFileName().toString()));
      List<EventDraft> evtx = ReadResult.of(file).events();
      EventStore xml = new Importer().run(List.of(twin.toString()), ImportProgress.NONE, new CancellationToken()).store();
      assertEquals(xml.size(), evtx.size(), file + " vs " + twin);
      Map<Long, Integer> byRecord = new TreeMap<>();
      for (int e = 0; e < xml.size(); e++) {
        byRecord.put(xml.recordId(e), e);
      }
      List<String> differences = new ArrayList<>();
      for (EventDraft d : evtx) {
        Integer e = byRecord.get(d.recordId);
        if (e == null || xml.eventId(e) != d.eventId || !xml.computer(e).equals(d.computer) || xml.ticks(e) != d.ticks
            || !comparable(xml.fields(e)).equals(comparable(fields(d)))) {
          differences.add("record " + d.recordId + ": evtx " + d.eventId + " " + d.computer + " " + d.ticks + " " + fields(d)
              + " / xml " + (e == null ? "missing" : xml.eventId(e) + " " + xml.computer(e) + " " + xml.ticks(e) + " " + xml.fields(e)));
        }
      }
      assertEquals(List.of(), differences.subList(0, Math.min(3, differences.size())), file + " vs " + twin);
    }
  }

  /**
   * GrantedAccess as a number: each exporter spells it its own way (Sysmon and so the EVTX write
   * 0x1010, wevtutil 0x00001010, Splunk 0x1010 upper-case), the value is the same.
   */
  private static Map<String, String> comparable(Map<String, String> fields) {
    Map<String, String> out = new java.util.LinkedHashMap<>(fields);
    out.computeIfPresent("GrantedAccess", (k, v) -> Long.toString(Long.parseLong(v.substring(2), 16)));
    return out;
  }

  private static Map<String, String> fields(EventDraft d) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < d.fieldCount(); i++) {
      out.put(d.name(i), d.value(i));
    }
    return out;
  }
}
