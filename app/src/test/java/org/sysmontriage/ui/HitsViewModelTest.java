package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.hits.HitColumn;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;

class HitsViewModelTest {
  private final HitsViewModel vm = new HitsViewModel(new SameThreadTaskRunner());

  @BeforeEach
  void show() {
    vm.show(new HitTable(Fixtures.store(), Fixtures.hits()), Fixtures.store().computers());
  }

  @Test
  void showsEveryHitHighestRiskFirst() {
    assertArrayEquals(new int[] {0, 1, 2}, vm.rows().ids());
    assertEquals("3 hits", vm.summaryProperty().get());
    assertEquals("WKS-01", vm.table().host(0));
  }

  @Test
  void filtersByHost() {
    vm.hostProperty().set("SRV-02");
    assertArrayEquals(new int[] {1}, vm.rows().ids());
    assertEquals("1 of 3 hits", vm.summaryProperty().get());
  }

  @Test
  void filtersByMinimumRiskTechniqueAndAnalytic() {
    vm.minRiskProperty().set(63);
    assertArrayEquals(new int[] {0, 1}, vm.rows().ids());
    vm.minRiskProperty().set(0);
    vm.techniqueProperty().set("T1003");
    assertArrayEquals(new int[] {2}, vm.rows().ids());
    vm.techniqueProperty().set(null);
    vm.analyticProperty().set(Fixtures.CALLTRACE.id());
    assertArrayEquals(new int[] {1}, vm.rows().ids());
  }

  @Test
  void textFilterSearchesEveryColumnIgnoringCase() {
    vm.textProperty().set("RUNDLL32");
    assertArrayEquals(new int[] {1}, vm.rows().ids());
    vm.textProperty().set("corp\\alice");
    // the dump file event names no user: procdump's process creation (same ProcessGuid) gives alice
    assertArrayEquals(new int[] {0, 2}, vm.rows().ids());
  }

  @Test
  void timeRangeKeepsOnlyHitsInside() {
    vm.timeRangeProperty().set(new long[] {Fixtures.t("2024-03-01T10:00:00Z"), Fixtures.t("2024-03-01T11:00:00Z")});
    assertArrayEquals(new int[] {0, 2}, vm.rows().ids());
  }

  @Test
  void sortsByAnyColumnBothWays() {
    vm.sortBy(HitColumn.TIME, true);
    assertArrayEquals(new int[] {0, 2, 1}, vm.rows().ids());
    vm.sortBy(HitColumn.TIME, false);
    assertArrayEquals(new int[] {1, 2, 0}, vm.rows().ids());
  }

  @Test
  void groupingByHostKeepsEachHostTogether() {
    vm.groupBy(HitColumn.HOST);
    assertArrayEquals(new int[] {-1, 1, -2, 0, 2}, vm.rows().ids());
    assertArrayEquals(new int[] {1, 0, 2}, vm.matched());
  }

  @Test
  void selectionIsDroppedWhenTheHitIsFilteredOut() {
    vm.selectedHitProperty().set(1);
    vm.hostProperty().set("WKS-01");
    assertEquals(-1, vm.selectedHitProperty().get());
  }

  @Test
  void clearingFiltersShowsEverythingAgain() {
    vm.hostProperty().set("SRV-02");
    vm.textProperty().set("x");
    vm.clearFilters();
    assertEquals(3, vm.rows().size());
  }
}
