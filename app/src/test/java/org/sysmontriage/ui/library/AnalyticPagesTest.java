package org.sysmontriage.ui.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.CoreEngine;

/**
 * Every built-in analytic's page, as the library shows it: test steps, the Sigma rule the engine
 * loaded (compiling that text alone gives the same analytic), and "Show me": the log it opens,
 * read on its own, fires that analytic.
 */
class AnalyticPagesTest {
  private static final Path SAMPLES = Path.of(System.getProperty("sample.logs.dir", "../sample-logs")).toAbsolutePath().normalize();
  private final CoreEngine engine = new CoreEngine();

  @Test
  void everyAnalyticHasTestStepsAndShowsTheSigmaRuleItRuns() {
    List<String> problems = new ArrayList<>();
    for (Analytic a : engine.analytics()) {
      AnalyticPage page = engine.page(a.id()).orElseThrow();
      if (page.unitTests().isEmpty()) {
        problems.add(a.id() + ": no test steps");
      }
      AnalyticLibrary alone = AnalyticLibrary.fromText(a.id(), page.sigma());
      if (!alone.errors().isEmpty() || alone.analytics().size() != 1) {
        problems.add(a.id() + ": the page's rule text does not compile to one rule: " + alone.errors());
      } else if (!alone.analytics().get(0).equals(a)) {
        problems.add(a.id() + ": the page's rule text compiles to another analytic: " + alone.analytics().get(0));
      }
      if (!page.sigmaSource().contains(".yml")) {
        problems.add(a.id() + ": rule source not named: " + page.sigmaSource());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void showMeOpensALogWhereTheAnalyticFiresOnItsOwn(@org.junit.jupiter.api.io.TempDir Path dir) {
    assertTrue(Files.isDirectory(SAMPLES), "sample-logs not found at " + SAMPLES);
    LibraryViewModel library = new LibraryViewModel(new LibraryViewModel.Parts(engine, new org.sysmontriage.ui.common.SameThreadTaskRunner(),
        new RuleChoiceFile(dir.resolve("analytics.json")), Optional.of(SAMPLES), (p, id) -> {}, () -> {}));
    library.start();
    Map<Path, Set<String>> fired = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Analytic a : library.analytics()) {
      library.selectedProperty().set(a);
      Optional<Path> log = library.sampleLog();
      if (log.isEmpty()) {
        problems.add(a.id() + ": Show me has no sample log");
        continue;
      }
      Set<String> ids = fired.computeIfAbsent(log.get(), this::analyticsThatFire);
      if (!ids.contains(a.id())) {
        problems.add(a.id() + ": does not fire in its Show-me log " + SAMPLES.relativize(log.get()) + " opened alone");
      }
    }
    assertEquals(List.of(), problems);
  }

  private Set<String> analyticsThatFire(Path log) {
    EventStore store = engine.importLogs(List.of(log.toString()), s -> {}, new CancellationToken());
    List<Hit> hits = engine.detect(store, ProgressListener.NONE, new CancellationToken());
    return hits.stream().flatMap(h -> h.analyticIds().stream()).collect(Collectors.toSet());
  }
}
