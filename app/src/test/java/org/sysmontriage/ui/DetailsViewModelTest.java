package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.details.FieldRow;
import org.sysmontriage.ui.details.RelatedEvent;

class DetailsViewModelTest {
  private final EventStore store = Fixtures.store();
  private final DetailsViewModel vm = new DetailsViewModel(new FakeEngine(), new SameThreadTaskRunner());

  @Test
  void highlightsTheMatchedFieldsWithTheirReasons() {
    Hit hit = Fixtures.hits().get(1);
    vm.show(store, hit.event(), hit);
    FieldRow callTrace = vm.fields().stream().filter(f -> f.name().equals("CallTrace")).findFirst().orElseThrow();
    assertEquals("CallTrace contains dbghelp.dll", callTrace.reason());
    assertEquals(2, vm.fields().stream().filter(FieldRow::matched).count());
    assertTrue(vm.reasonsProperty().get().contains("CallTrace contains dbghelp.dll"));
  }

  @Test
  void showsRiskAsImpactTimesConfidenceAndTheTechnique() {
    Hit hit = Fixtures.hits().get(1);
    vm.show(store, hit.event(), hit);
    assertEquals("70 impact × 90 confidence / 100 = 63 risk", vm.riskProperty().get());
    assertEquals("T1003.001", vm.techniques().get(0).id());
    assertEquals("T1003", vm.techniques().get(0).parentId());
    assertEquals("Page of CAR-2020-05-001", vm.pageProperty().get().description());
  }

  @Test
  void readsTheRawRecordAndListsSystemFieldsFirst() {
    vm.show(store, Fixtures.BENIGN_WKS, null);
    assertEquals("<Event><System><EventID>3</EventID></System></Event>", vm.rawProperty().get());
    assertEquals(List.of("EventID", "Time (UTC)", "Computer"), vm.fields().stream().limit(3).map(FieldRow::name).toList());
    assertEquals("", vm.riskProperty().get());
  }

  @Test
  void relatedEventsLineUpParentAccessAndDumpFile() {
    Hit hit = Fixtures.hits().get(0);
    vm.windowMinutesProperty().set(1);
    vm.show(store, hit.event(), hit);
    List<Integer> events = vm.related().stream().map(RelatedEvent::event).toList();
    assertEquals(List.of(Fixtures.PARENT, Fixtures.PROCDUMP_START, Fixtures.PROCDUMP_ACCESS, Fixtures.DUMP_FILE), events);
    assertEquals("parent process started", vm.related().get(0).relation());
  }

  @Test
  void widerWindowAddsNearbyEventsOfTheSameHostOnly() {
    Hit hit = Fixtures.hits().get(0);
    vm.show(store, hit.event(), hit);
    vm.windowMinutesProperty().set(10);
    List<Integer> events = vm.related().stream().map(RelatedEvent::event).toList();
    assertTrue(events.contains(Fixtures.BENIGN_WKS), events.toString());
    assertTrue(!events.contains(Fixtures.FAR_AWAY) && !events.contains(Fixtures.SRV_ACCESS), events.toString());
  }
}
