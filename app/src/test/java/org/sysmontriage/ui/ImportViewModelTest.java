package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.engine.Investigation;
import org.sysmontriage.ui.importing.ImportViewModel;

class ImportViewModelTest {
  private final SameThreadTaskRunner runner = new SameThreadTaskRunner();
  private final List<Investigation> opened = new ArrayList<>();

  @Test
  void importsThenRunsAnalyticsAndHandsOverTheInvestigation() {
    ImportViewModel vm = new ImportViewModel(new FakeEngine(3, 0), runner);
    List<String> details = new ArrayList<>();
    vm.detailProperty().addListener((o, a, b) -> details.add(b));
    vm.onOpened(opened::add);
    vm.open(List.of("fixture.json"));
    assertEquals(1, opened.size());
    assertEquals(7, opened.get(0).store().size());
    assertEquals(3, opened.get(0).hits().size());
    assertFalse(vm.runningProperty().get());
    assertEquals("", vm.errorProperty().get());
    assertTrue(details.stream().anyMatch(d -> d.contains("1.5 MB/s") && d.contains("file 1 of 1") && d.contains("fixture.json")), details.toString());
  }

  @Test
  void anAnnouncedImportIsNamedBeforeItBeginsAndTheAnnouncementEndsWhenItDoes() {
    ImportViewModel vm = new ImportViewModel(new FakeEngine(3, 0), runner);
    vm.announce(List.of("/logs/fixture.json", "/logs/other.json"));
    assertTrue(vm.announcedProperty().get());
    assertFalse(vm.runningProperty().get(), "announced, not begun");
    assertEquals("Importing fixture.json and 1 more", vm.phaseProperty().get());
    List<Boolean> announcedWhileRunning = new ArrayList<>();
    vm.runningProperty().addListener((o, a, r) -> announcedWhileRunning.add(r && vm.announcedProperty().get()));
    vm.onOpened(opened::add);
    vm.open(List.of("fixture.json"));
    assertEquals(1, opened.size());
    assertFalse(vm.announcedProperty().get(), "the import began: no announcement left");
    assertEquals(List.of(false, false), announcedWhileRunning, "never both announced and running");
    vm.withdraw();
    assertEquals("", vm.phaseProperty().get(), "nothing to take back once it ran");
  }

  @Test
  void aWithdrawnAnnouncementLeavesNothingShown() {
    ImportViewModel vm = new ImportViewModel(new FakeEngine(3, 0), runner);
    vm.announce(List.of());
    assertFalse(vm.announcedProperty().get(), "nothing to read, nothing announced");
    vm.announce(List.of("fixture.json"));
    vm.withdraw();
    assertFalse(vm.announcedProperty().get());
    assertEquals("", vm.phaseProperty().get());
  }

  @Test
  void aCancelledImportSaysSoAndOpensNothing() {
    ImportViewModel vm = new ImportViewModel(new FakeEngine(3, 0), runner);
    vm.onOpened(opened::add);
    runner.nextToken().cancel();
    vm.open(List.of("fixture.json"));
    assertTrue(opened.isEmpty());
    assertFalse(vm.runningProperty().get());
    assertTrue(vm.errorProperty().get().startsWith("Import cancelled"), vm.errorProperty().get());
  }

  @Test
  void anUnreadableInputShowsTheEngineMessage() {
    FakeEngine failing = new FakeEngine() {
      @Override
      public org.sysmontriage.event.EventStore importLogs(List<String> p, java.util.function.Consumer<org.sysmontriage.ui.engine.ImportSnapshot> s,
          org.sysmontriage.event.CancellationToken c) {
        throw new org.sysmontriage.event.TriageException("garbage.bin: not a log this tool can read (EVTX, XML or JSON)");
      }
    };
    ImportViewModel vm = new ImportViewModel(failing, runner);
    vm.open(List.of("garbage.bin"));
    assertEquals("garbage.bin: not a log this tool can read (EVTX, XML or JSON)", vm.errorProperty().get());
  }

  /** An engine whose first detection run sees the rules change (a pack switched on meanwhile). */
  private static final class ChangingRules extends FakeEngine {
    int detections;
    Runnable duringFirst = () -> {};

    @Override
    public List<org.sysmontriage.detect.Hit> detect(org.sysmontriage.event.EventStore store, org.sysmontriage.event.ProgressListener p,
        org.sysmontriage.event.CancellationToken c) {
      c.check();
      if (detections++ == 0) {
        duringFirst.run();
      }
      return super.detect(store, p, c);
    }
  }

  @Test
  void rulesChangedWhileTheAnalyticsRunRunsThemAgainBeforeOpening() {
    ChangingRules engine = new ChangingRules();
    ImportViewModel vm = new ImportViewModel(engine, runner);
    engine.duringFirst = () -> vm.rulesChanged(null);
    vm.onOpened(opened::add);
    vm.open(List.of("fixture.json"));

    assertEquals(2, engine.detections, "the analytics ran again with the changed rules");
    assertEquals(1, opened.size());
    assertFalse(vm.runningProperty().get());
  }

  @Test
  void rulesChangedWithLogsOpenAnalysesThemAgainAndKeepsTheStore() {
    ChangingRules engine = new ChangingRules();
    ImportViewModel vm = new ImportViewModel(engine, runner);
    List<Investigation> again = new ArrayList<>();
    vm.onOpened(opened::add);
    vm.onReanalysed(again::add);
    vm.open(List.of("fixture.json"));

    vm.rulesChanged(opened.get(0));

    assertEquals(2, engine.detections);
    assertEquals(1, opened.size(), "not a new import");
    assertEquals(1, again.size());
    assertTrue(again.get(0).store() == opened.get(0).store());
    assertEquals(List.of("fixture.json"), again.get(0).paths());
    assertFalse(vm.runningProperty().get());
  }

  @Test
  void aCancelledReanalysisSaysTheOldHitsStay() {
    ImportViewModel vm = new ImportViewModel(new ChangingRules(), runner);
    vm.onOpened(opened::add);
    vm.open(List.of("fixture.json"));
    runner.nextToken().cancel();

    vm.rulesChanged(opened.get(0));

    assertTrue(vm.errorProperty().get().contains("the hits shown are those of the analytics before the change"), vm.errorProperty().get());
  }

  @Test
  void nothingHappensWithoutPaths() {
    FakeEngine engine = new FakeEngine();
    new ImportViewModel(engine, runner).open(List.of());
    assertEquals(0, engine.imports.get());
    assertNull(opened.isEmpty() ? null : opened.get(0));
  }
}
