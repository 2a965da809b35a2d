package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;
import org.sysmontriage.testing.SigmaHq;

/**
 * The literal prefilter ({@link CandidateFilter}) changes how fast rules are found, never which:
 * SigmaHQ's whole Windows set plus the built-in analytics over the real-log corpus and every
 * regression sample of SigmaHQ, once with the prefilter and once testing every rule on every event
 * of its EventIDs; the hits (rule, event, risk, explanation) are identical.
 */
class PrefilterEquivalenceTest {
  @Test
  void fullSigmaHqSetFindsTheSameHitsWithAndWithoutThePrefilter() throws IOException {
    Path sigma = SigmaHq.dir();
    Path corpus = Corpus.dir();
    AnalyticLibrary library = AnalyticLibrary.load(List.of(sigma.resolve("rules/windows")));
    assertTrue(library.analytics().size() > 2_400, "rules loaded: " + library.analytics().size());
    List<String> inputs = new ArrayList<>();
    inputs.add(corpus.toString());
    try (Stream<Path> walk = Files.walk(sigma.resolve("regression_data"))) {
      walk.filter(p -> p.toString().endsWith(".evtx")).sorted().forEach(p -> inputs.add(p.toString()));
    }
    EventStore store = new Importer().run(inputs, ImportProgress.NONE, new CancellationToken()).store();
    List<String> fast = hits(new Detector(library, true).run(store, ProgressListener.NONE, new CancellationToken()));
    List<String> exhaustive = hits(new Detector(library, false).run(store, ProgressListener.NONE, new CancellationToken()));
    if (!fast.equals(exhaustive)) {
      Set<String> missing = new HashSet<>(exhaustive);
      fast.forEach(missing::remove);
      Set<String> extra = new HashSet<>(fast);
      exhaustive.forEach(extra::remove);
      assertEquals(Set.of(), missing, "hits lost by the prefilter");
      assertEquals(Set.of(), extra, "hits only with the prefilter");
      assertEquals(exhaustive, fast);
    }
    Set<String> rules = new HashSet<>();
    fast.forEach(h -> rules.add(h.substring(0, h.indexOf(' '))));
    assertTrue(store.size() > 90_000 && fast.size() > 3_000 && rules.size() > 350,
        "a meaningful comparison: " + store.size() + " events, " + fast.size() + " hits of " + rules.size() + " rules");
  }

  private static List<String> hits(DetectionResult r) {
    return r.hits().stream().map(h -> h.analytic().id() + " " + h.event() + " " + h.risk() + " " + h.matches())
        .sorted().toList();
  }
}
