package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.SampleLogs;

/** Reading in pieces (EVTX by chunk ranges, JSON by line ranges) reports exactly what one import reports. */
class SplitReadingCorpusTest {
  private static final long SMALL_PIECES = 65_536;

  @Test
  void corpusReadInSmallPiecesGivesTheImportersSourcesAndEvents() {
    assertSameAsImporter(List.of(Corpus.dir().toString()));
  }

  @Test
  void sampleLogsReadInSmallPiecesGiveTheImportersSourcesAndEvents() {
    assertSameAsImporter(List.of(SampleLogs.dir().toString()));
  }

  @Test
  void damagedInputsKeepTheirLocatedIssuesAndGoodRecords(@TempDir Path dir) throws IOException {
    Path evtx = Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Discovery/discovery_meterpreter_ps_cmd_process_listing_sysmon_10.evtx");
    byte[] bytes = Files.readAllBytes(evtx);
    for (int i = 4096 + 65_536 + 900; i < 4096 + 65_536 + 1400; i++) {
      bytes[i] = (byte) 0xA5; // damage the records of the second chunk: the other chunks stay readable
    }
    Files.write(dir.resolve("damaged.evtx"), bytes);
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      lines.append(i == 1500 ? "{\"EventID\": 1, broken\n" : "{\"EventID\": 1, \"Hostname\": \"H\", \"Image\": \"a" + i + ".exe\"}\n");
    }
    Files.writeString(dir.resolve("lines.json"), lines);
    Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}\n");
    List<SourceInfo> split = assertSameAsImporter(List.of(dir.toString(), dir.resolve("missing.evtx").toString()));
    assertTrue(split.stream().anyMatch(s -> s.source().endsWith("lines.json") && s.events() == 2999 && s.skipped() == 1
        && s.issues().get(0).where().equals("line 1501")), split.toString());
    assertTrue(split.stream().anyMatch(s -> s.source().endsWith("damaged.evtx") && s.skipped() > 0 && s.events() > 0
        && s.issues().get(0).where().startsWith("chunk 1 ")), split.toString());
    assertTrue(split.stream().anyMatch(s -> s.source().endsWith("notes.json") && s.format().equals(Importer.NOT_A_LOG)), split.toString());
  }

  private static List<SourceInfo> assertSameAsImporter(List<String> paths) {
    // the split reader (fleet job) reads every copy of a log; so does this import (the corpus holds two identical EVTX)
    ImportResult whole = new Importer(ImportOptions.defaults().readingEveryCopy()).run(paths, ImportProgress.NONE, new CancellationToken());
    List<LogPart> plan = SplitReading.plan(paths, SMALL_PIECES);
    Map<String, List<String>> events = new HashMap<>();
    List<PartResult> results = new ArrayList<>();
    for (LogPart p : plan) {
      results.add(SplitReading.read(p, (d, source) -> events.computeIfAbsent(source, k -> new ArrayList<>()).add(text(d))));
    }
    List<SourceInfo> split = SplitReading.merge(plan, results);
    assertTrue(plan.size() > split.size() / 2, "big files are cut into pieces");
    assertEquals(whole.sources().size(), split.size());
    for (int i = 0; i < split.size(); i++) {
      SourceInfo a = whole.sources().get(i);
      SourceInfo b = split.get(i);
      assertEquals(List.of(a.source(), a.format(), a.dialect(), a.sha256(), a.sizeBytes(), a.events(), a.skipped()),
          List.of(b.source(), b.format(), b.dialect(), b.sha256(), b.sizeBytes(), b.events(), b.skipped()), a.source());
      // the same issues; the desktop lists a lost chunk header when its thread meets it, so order may differ
      assertEquals(sortedText(a.issues()), sortedText(b.issues()), a.source());
    }
    EventStore store = whole.store();
    Map<String, List<String>> expected = new HashMap<>();
    EventDraft d = new EventDraft();
    for (int e = 0; e < store.size(); e++) {
      store.copyTo(e, d);
      expected.computeIfAbsent(store.source(e).source(), k -> new ArrayList<>()).add(text(d));
    }
    assertEquals(expected.keySet(), events.keySet());
    expected.forEach((source, list) -> assertEquals(list, events.get(source), source));
    return split;
  }

  private static List<String> sortedText(List<?> items) {
    return items.stream().map(Object::toString).sorted().toList();
  }

  private static String text(EventDraft d) {
    StringBuilder b = new StringBuilder();
    b.append(d.eventId).append('|').append(d.ticks).append('|').append(d.computer).append('|').append(d.channel)
        .append('|').append(d.provider).append('|').append(d.recordId).append('|').append(d.rawOffset);
    for (int i = 0; i < d.fieldCount(); i++) {
      b.append('|').append(d.name(i)).append('=').append(d.value(i));
    }
    return b.toString();
  }
}
