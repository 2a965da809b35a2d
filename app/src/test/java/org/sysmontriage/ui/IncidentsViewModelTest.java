package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.incidents.IncidentsViewModel;

class IncidentsViewModelTest {
  private final CaseViewModel caseWork = new CaseViewModel();
  private final IncidentsViewModel vm = new IncidentsViewModel(new SameThreadTaskRunner(), caseWork);

  private HitTable open(EventStore store, List<Hit> hits) {
    AppliedCase applied = caseWork.apply(List.of(), store, hits);
    HitTable t = new HitTable(store, applied.kept());
    caseWork.attach(t);
    vm.show(store, applied.kept());
    return t;
  }

  @Test
  void incidentsAreBuiltAndTheFirstIsSelectedAndAVerdictGoesToEveryHitOfIt() {
    EventStore store = Fixtures.store();
    HitTable t = open(store, Fixtures.hits());
    assertTrue(!vm.incidents().isEmpty());
    Incident first = vm.incidents().get(0);
    assertEquals(first, vm.selectedProperty().get());
    assertTrue(vm.statusProperty().get().contains("incidents"), vm.statusProperty().get());

    vm.setVerdict(HitStatus.TRUE_POSITIVE);

    assertEquals(HitStatus.TRUE_POSITIVE, caseWork.incidentVerdict(first).status());
    for (Hit h : first.hits()) {
      assertEquals(HitStatus.TRUE_POSITIVE, caseWork.caseFileProperty().get().triage(HitKey.of(store, h)).status());
    }
    for (int row = 0; row < t.size(); row++) {
      if (first.hits().contains(t.hit(row))) {
        assertEquals("true positive", t.status(row));
      }
    }
    assertTrue(caseWork.dirtyProperty().get(), "the verdict is unsaved case work");
  }

  @Test
  void theSelectedIncidentsStoryIsMadeBesideTheIncidentsAndTakenOnce() {
    open(Fixtures.store(), Fixtures.hits());
    Incident first = vm.selectedProperty().get();
    Incident other = vm.incidents().get(vm.incidents().size() - 1);
    assertTrue(vm.storyReady(first), "made in the incidents' job, for the incident selected when they arrive");
    assertFalse(vm.storyReady(other));
    IncidentsViewModel.Story ahead = vm.story(first);
    assertFalse(vm.storyReady(first), "taken once: tree items belong to one showing");
    IncidentsViewModel.Story again = vm.story(first);
    assertSame(first, ahead.incident());
    assertNotSame(ahead.tree().root(), again.tree().root());
    assertEquals(first.headline(), ahead.headline());
    assertEquals(again.correlationLines(), ahead.correlationLines());
    assertEquals(first.processes().size(), count(ahead.tree().root()));
    assertEquals(count(again.tree().root()), count(ahead.tree().root()));
  }

  private static int count(javafx.scene.control.TreeItem<?> item) {
    int n = 0;
    for (javafx.scene.control.TreeItem<?> c : item.getChildren()) {
      n += 1 + count(c);
    }
    return n;
  }

  @Test
  void aSkewIsOfferedAndApplyingItKeepsItInTheCaseAndJoinsTheIncidents() {
    Analytic a = new Analytic("T-TOOL", "tool", "", Severity.HIGH, List.of("T1003.001"), List.of("credential-access"), 100, 80);
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("capture.json");
    long t0 = Times.parse("2023-08-16T00:37:47Z");
    b.accept(draft("Microsoft-Windows-Sysmon/Operational", 1, t0, "ProcessId", "3420", "Image", "C:\\T\\procdump.exe",
        "CommandLine", "procdump -ma lsass.exe C:\\t\\l.dmp"), src);
    b.accept(draft("Security", 4688, t0 - 19 * 3600 * Times.TICKS_PER_SECOND, "NewProcessId", "0xd5c", "NewProcessName", "C:\\T\\procdump.exe",
        "CommandLine", "procdump -ma lsass.exe C:\\t\\l.dmp"), src);
    EventStore store = b.freeze();
    open(store, List.of(new Hit(0, a, List.of()), new Hit(1, a, List.of())));
    assertEquals(2, vm.incidents().size());
    assertEquals(1, vm.skews().size());
    assertTrue(!vm.applied(vm.skews().get(0)));

    vm.applySkew(vm.skews().get(0), true);

    assertEquals(1, vm.incidents().size());
    assertTrue(vm.applied(vm.skews().get(0)));
    assertEquals(1, caseWork.caseFileProperty().get().clockSkews().size());
    assertEquals("+19:00:00.000", caseWork.caseFileProperty().get().clockSkews().get(0).offset());
  }

  @Test
  void theCorrelationRulesOfTheAnalyticsInUseTieHits(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    EventStore store = Fixtures.store();
    open(store, Fixtures.hits());
    int separate = vm.incidents().size();
    assertTrue(separate >= 2, "WKS-01 and SRV-02 are separate incidents: " + vm.incidents());

    java.nio.file.Path rule = dir.resolve("day.yml");
    java.nio.file.Files.writeString(rule, """
        title: procdump on one host and a dbghelp reader on another within a day
        id: U-SAME-DAY
        correlation:
          type: temporal
          rules: [e102e297-dbe6-4a19-b319-5c08f4c19a06, CAR-2020-05-001]
          timespan: 1d
        level: high
        """);
    org.sysmontriage.detect.AnalyticLibrary library = org.sysmontriage.detect.AnalyticLibrary.load(List.of(rule));
    assertEquals(List.of(), library.errors());
    vm.show(store, caseWork.apply(List.of(), store, Fixtures.hits()).kept(), library);

    assertEquals(separate - 1, vm.incidents().size(), vm.incidents().toString());
    Incident tied = vm.incidents().stream().filter(i -> i.hosts().size() == 2).findFirst().orElseThrow();
    assertEquals(List.of("U-SAME-DAY"), tied.correlations().stream().map(c -> c.ruleId()).toList());
  }

  private static EventDraft draft(String channel, int id, long ticks, String... fields) {
    EventDraft d = new EventDraft();
    d.eventId = id;
    d.channel = channel;
    d.computer = "WS01";
    d.ticks = ticks;
    for (int i = 0; i + 1 < fields.length; i += 2) {
      d.field(fields[i], fields[i + 1]);
    }
    return d;
  }
}
