package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.ingest.ImporterTestSupport.run;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;

class ImporterTest {
  @TempDir
  Path dir;

  private String lines(String name, int n) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("{").append(i).append("}\n");
    }
    return Files.writeString(dir.resolve(name), b).toString();
  }

  @Test
  void oneBrokenReaderLosesOnlyItsFile() throws Exception {
    String good = lines("good.json", 3);
    String bad = Files.writeString(dir.resolve("bad.json"), "{1}\nboom\n{3}\n").toString();

    ImportResult r = run(good, bad);

    assertEquals(3, source(r, good).events());
    SourceInfo broken = source(r, bad);
    assertEquals(1, broken.events(), "events before the failure are kept");
    assertTrue(broken.issues().get(0).message().contains("reader failed"), broken.issues().toString());
    assertTrue(r.damaged());
  }

  @Test
  void aBrokenEvtxIsALocatedIssueNotACrash() throws Exception {
    String evtx = Files.write(dir.resolve("x.evtx"), "ElfFile\0".getBytes()).toString();

    ImportResult r = new Importer().run(List.of(evtx), ImportProgress.NONE, new CancellationToken());

    SourceInfo s = source(r, evtx);
    assertEquals("evtx", s.format());
    assertEquals(1, s.issues().size());
    assertEquals(64, s.sha256().length());
  }

  @Test
  void storesEventsPerSourceInFileOrderWhateverTheThreads() throws Exception {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      files.add(lines("f" + i + ".json", 500 + i));
    }

    ImportResult r = run(ImportOptions.defaults().withThreads(4), files.toArray(String[]::new));

    EventStore s = r.store();
    assertEquals(6 * 500 + 15, s.size());
    for (int e = 1; e < s.size(); e++) {
      boolean sameSource = s.sourceIndex(e) == s.sourceIndex(e - 1);
      assertTrue(sameSource ? s.rawOffset(e) > s.rawOffset(e - 1) : s.sourceIndex(e) > s.sourceIndex(e - 1));
    }
    assertEquals("{7}", RawRecords.raw(s, 7, LineReader.all()));
  }

  @Test
  void reportsProgressEndingAtTheTotal() throws Exception {
    String a = lines("a.json", 100);
    String b = lines("b.json", 200);
    List<ImportStatus> seen = new CopyOnWriteArrayList<>();

    new Importer(ImportOptions.defaults(), LineReader.all()).run(List.of(a, b), seen::add, new CancellationToken());

    ImportStatus last = seen.get(seen.size() - 1);
    assertEquals(2, last.filesDone());
    assertEquals(last.bytesTotal(), last.bytesDone());
    assertEquals(300, last.events());
    assertEquals(Files.size(Path.of(a)) + Files.size(Path.of(b)), last.bytesTotal());
  }

  @Test
  void countsArchiveBytesWhileExpandingThenLogBytes() throws Exception {
    String zip = Files.write(dir.resolve("a.zip"), Archives.zip("a.json", "{1}\n{2}\n")).toString();
    List<ImportStatus> seen = new CopyOnWriteArrayList<>();

    new Importer(ImportOptions.defaults(), LineReader.all()).run(List.of(zip), seen::add, new CancellationToken());

    ImportStatus first = seen.get(0);
    assertEquals(0, first.filesTotal());
    assertEquals(Files.size(Path.of(zip)), first.bytesTotal());
    ImportStatus last = seen.get(seen.size() - 1);
    assertEquals(1, last.filesTotal());
    assertEquals(8, last.bytesTotal());
    assertEquals(8, last.bytesDone());
  }

  @Test
  void cancellationThrowsAndLeavesNoResult() throws Exception {
    String a = lines("a.json", 10);
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();

    assertThrows(CancelledException.class,
        () -> new Importer(ImportOptions.defaults(), LineReader.all()).run(List.of(a), ImportProgress.NONE, cancel));
  }

  @Test
  void cancellingMidwayThrowsAndRemovesTheTemporaryCopies() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 300_000; i++) {
      lines.append("{").append(i).append("}\n");
    }
    String zip = Files.write(dir.resolve("big.zip"), Archives.zip("big.json", lines.toString())).toString();
    Path temp = Files.createDirectory(dir.resolve("temp"));
    CancellationToken cancel = new CancellationToken();
    List<String> seenInTemp = new CopyOnWriteArrayList<>();
    ImportProgress cancelOnFirstEvents = s -> {
      if (s.events() > 0) {
        seenInTemp.add(ImporterTestSupport.listing(temp));
        cancel.cancel();
      }
    };

    assertThrows(CancelledException.class,
        () -> new Importer(ImportOptions.defaults(), LineReader.all(), temp).run(List.of(zip), cancelOnFirstEvents, cancel));
    assertTrue(seenInTemp.get(0).contains("big.json"), "the member was copied: " + seenInTemp);
    assertEquals(":0", ImporterTestSupport.listing(temp).replaceAll(":\\d+$", ":0"), "only the empty temp root is left");
  }

  @Test
  void hashesEveryInputFile() throws Exception {
    String a = Files.writeString(dir.resolve("a.json"), "{abc}").toString();

    ImportResult r = run(a);

    assertEquals("bcdfc8bcdcd251838393eca16cc5812ee2869fca30d88dd14e25fd50af83f644", source(r, a).sha256());
    assertFalse(r.damaged());
  }
}
