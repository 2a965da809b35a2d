package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.Corpus.Label;

/**
 * End to end on the real logs: every non-EVTX log of LABELS.csv, through the Importer as
 * {@code stats} runs it (archives read in place, members by name), has exactly the listed events.
 */
class ImporterCorpusTest {
  @TestFactory
  Stream<DynamicTest> everyJsonAndXmlLogImportsWithTheListedEventCount() {
    Path corpus = Corpus.dir();
    Map<String, List<Label>> byFile = new LinkedHashMap<>();
    for (Label l : Corpus.labels()) {
      if (!l.isEvtx()) {
        byFile.computeIfAbsent(Corpus.file(l.path()).toString(), k -> new java.util.ArrayList<>()).add(l);
      }
    }
    assertFalse(byFile.isEmpty());
    return byFile.entrySet().stream().map(e -> DynamicTest.dynamicTest(corpus.relativize(Path.of(e.getKey())).toString(),
        () -> check(e.getKey(), e.getValue())));
  }

  private static void check(String file, List<Label> labels) {
    ImportResult r = new Importer().run(List.of(file), ImportProgress.NONE, new CancellationToken());
    for (Label label : labels) {
      String name = label.isArchiveMember() ? file + "::" + label.member() : file;
      SourceInfo s = r.sources().stream().filter(x -> x.source().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no source " + name + " in " + r.sources()));
      assertEquals(label.events(), s.events(), name + " " + s.issues());
      assertEquals(0, s.skipped(), name + " " + s.issues());
      assertEquals(64, s.sha256().length(), name);
      assertTrue(s.dialect().length() > 0, name);
    }
    assertFalse(r.damaged(), () -> r.sources().toString());
  }
}
