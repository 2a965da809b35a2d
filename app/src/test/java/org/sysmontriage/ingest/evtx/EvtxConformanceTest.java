package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;
import org.sysmontriage.testing.Corpus;

/**
 * Every .evtx of the real-log corpus, record by record, against libevtx's {@code evtxexport -f
 * xml}: EventRecordID, EventID, time, Computer, Channel, Provider and every EventData/UserData
 * name and value must be equal.
 */
class EvtxConformanceTest {
  /**
   * Differences we keep on purpose. libevtx prints the one-character string value "\n" (no NUL
   * terminator) as empty; we keep the character, as the Rust evtx crate does.
   */
  private static final java.util.Set<String> KNOWN = java.util.Set.of(
      "omerbenamram-evtx/samples/Application_no_crc32.evtx 441 field ExtraInfo: ours [\n] theirs []",
      "omerbenamram-evtx/samples/Application_no_crc32.evtx 441 readRaw");

  @Test
  void everyCorpusRecordEqualsWhatEvtxexportPrints() throws Exception {
    Path corpus = Corpus.dir();
    requireEvtxexport();
    List<String> failures = new ArrayList<>();
    int files = 0;
    long records = 0;
    int rawDifferences = 0;
    for (Path file : evtxFiles(corpus)) {
      List<EvtxExport.Event> theirs = EvtxExport.export(file);
      ReadResult ours = ReadResult.of(file);
      String name = corpus.relativize(file).toString();
      records += compare(name, theirs, ours.events(), failures);
      rawDifferences += compareRaw(name, file, theirs, ours.events(), failures);
      files++;
    }
    System.out.printf("conformance: %d files, %d records compared, %d raw XML renderings differ%n", files, records, rawDifferences);
    if (!failures.isEmpty()) {
      fail(failures.size() + " differences from evtxexport, first ones:\n" + String.join("\n", failures.subList(0, Math.min(Integer.getInteger("conformance.show", 40), failures.size()))));
    }
    assertTrue(files > 0, "no .evtx file in the corpus");
  }

  static void requireEvtxexport() {
    if (!EvtxExport.installed() && Boolean.getBoolean("corpus.required")) {
      fail("evtxexport (Debian package libevtx-utils) is required with -Dcorpus.required=true; .ci/run installs it");
    }
    assumeTrue(EvtxExport.installed(), "evtxexport not installed (apt-get install libevtx-utils): corpus conformance skipped");
  }

  static List<Path> evtxFiles(Path corpus) throws IOException {
    try (Stream<Path> s = Files.walk(corpus)) {
      return s.filter(p -> p.toString().endsWith(".evtx")).sorted().toList();
    }
  }

  /**
   * Compares in file order. We may read more than libevtx (it stops a chunk at the first record it
   * cannot decode; we skip that record and go on), so ours is matched as a superset by record id.
   * Returns how many records were compared.
   */
  private static int compare(String name, List<EvtxExport.Event> theirs, List<EventDraft> ours, List<String> failures) {
    int j = 0;
    int compared = 0;
    for (EvtxExport.Event t : theirs) {
      int k = j;
      while (k < ours.size() && ours.get(k).recordId != t.recordId()) {
        k++;
      }
      if (k == ours.size()) {
        failures.add(name + " record " + t.recordId() + ": missing from ours");
        continue;
      }
      j = k + 1;
      String diff = difference(t, ours.get(k));
      if (diff != null && !KNOWN.contains(name + " " + t.recordId() + " " + diff)) {
        failures.add(name + " record " + t.recordId() + ": " + diff);
      }
      compared++;
    }
    if (ours.size() != theirs.size()) {
      System.out.printf("conformance: %s: ours %d records, evtxexport %d%n", name, ours.size(), theirs.size());
    }
    return compared;
  }

  /**
   * readRaw of each record must print what evtxexport prints for it. Compared after unescaping:
   * libevtx prints ANSI string values without escaping their markup; we escape them (well-formed).
   */
  private static int compareRaw(String name, Path file, List<EvtxExport.Event> theirs, List<EventDraft> ours, List<String> failures)
      throws IOException {
    Map<Long, EventDraft> byId = new java.util.HashMap<>();
    for (EventDraft d : ours) {
      byId.putIfAbsent(d.recordId, d);
    }
    EvtxLogReader reader = new EvtxLogReader();
    int differ = 0;
    for (EvtxExport.Event t : theirs) {
      EventDraft d = byId.get(t.recordId());
      if (d != null && !KNOWN.contains(name + " " + t.recordId() + " readRaw") && !EvtxExport.unescape(reader.readRaw(file, d.rawOffset)).equals(EvtxExport.unescape(t.xml() + "\n"))) {
        if (differ++ == 0) {
          failures.add(name + " record " + t.recordId() + ": readRaw differs from evtxexport's XML");
        }
      }
    }
    return differ;
  }

  static String difference(EvtxExport.Event t, EventDraft o) {
    if (t.recordId() != o.recordId) {
      return "EventRecordID " + o.recordId + " != " + t.recordId();
    }
    if (!t.eventId().equals(String.valueOf(o.eventId))) {
      return "EventID " + o.eventId + " != " + t.eventId();
    }
    String utc = t.fields().get("UtcTime");
    long time = utc != null && Times.parse(utc) != Times.UNKNOWN ? Times.parse(utc) : Times.parse(t.systemTime());
    if (time != o.ticks) {
      return "time " + Times.format(o.ticks) + " != " + Times.format(time);
    }
    if (!t.computer().equals(o.computer) || !t.channel().equals(o.channel) || !t.provider().equals(o.provider)) {
      return "System " + o.computer + "/" + o.channel + "/" + o.provider + " != " + t.computer() + "/" + t.channel() + "/" + t.provider();
    }
    Map<String, String> mine = new LinkedHashMap<>();
    for (int i = 0; i < o.fieldCount(); i++) {
      mine.put(o.name(i), o.value(i));
    }
    if (!mine.equals(t.fields())) {
      for (Map.Entry<String, String> e : t.fields().entrySet()) {
        if (!e.getValue().equals(mine.get(e.getKey()))) {
          return "field " + e.getKey() + ": ours [" + mine.get(e.getKey()) + "] theirs [" + e.getValue() + "]";
        }
      }
      return "fields " + mine.keySet() + " != " + t.fields().keySet();
    }
    return null;
  }
}
