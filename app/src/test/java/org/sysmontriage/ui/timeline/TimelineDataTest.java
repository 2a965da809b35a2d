package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.Fixtures;
import org.sysmontriage.ui.hits.HitTable;

/** The timeline's lanes are built on a worker thread: the same lanes, event times and lane index as built on the UI thread. */
class TimelineDataTest {
  private static final Analytic HUNT = new Analytic("hunt-1", "Suspicious svchost", "", Severity.CRITICAL, List.of("T1059"),
      List.of("execution"), 90, 100);

  private static HitTable table() {
    List<Hit> hits = new ArrayList<>(Fixtures.hits());
    for (int e : new int[] {Fixtures.BENIGN_WKS, Fixtures.FAR_AWAY, Fixtures.PARENT}) {
      hits.add(new Hit(e, HUNT, List.of()));
    }
    return new HitTable(Fixtures.store(), hits, Map.of("hunt-1", "Hunt"));
  }

  @Test
  void builtOnAWorkerWithTheStoresEventTimesItEqualsTheUiThreadBuild() throws Exception {
    HitTable t = table();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      for (LaneMode mode : LaneMode.values()) {
        for (boolean expand : new boolean[] {false, true}) {
          TimelineData here = new TimelineData(t, mode, 12, expand);
          long[] ticks = worker.submit(() -> TimelineData.eventTicks(t.store())).get();
          TimelineData there = worker.submit(() -> new TimelineData(t, mode, 12, expand, ticks)).get();
          assertEquals(here.laneNames(), there.laneNames(), mode + " " + expand);
          assertEquals(here.lanes(), there.lanes());
          for (int l = 0; l < here.lanes(); l++) {
            assertArrayEquals(here.lane(l), there.lane(l));
          }
          assertArrayEquals(here.eventTicks(), there.eventTicks());
          assertArrayEquals(here.laneOf(), there.laneOf());
          assertArrayEquals(here.posInLane(), there.posInLane());
          assertEquals(here.firstPackLane(), there.firstPackLane());
        }
      }
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void theLaneIndexNamesEveryTimedHitsLaneAndPositionOnce() {
    HitTable t = table();
    TimelineData d = new TimelineData(t, LaneMode.HOST, 12, true);
    int placed = 0;
    for (int l = 0; l < d.lanes(); l++) {
      int[] ids = d.lane(l);
      for (int k = 0; k < ids.length; k++) {
        assertEquals(l, d.laneOf()[ids[k]]);
        assertEquals(k, d.posInLane()[ids[k]]);
        placed++;
      }
    }
    int timed = 0;
    for (int h = 0; h < t.size(); h++) {
      if (t.ticks(h) != Times.UNKNOWN) {
        timed++;
      } else {
        assertEquals(-1, d.laneOf()[h]);
        assertEquals(-1, d.posInLane()[h]);
      }
    }
    assertEquals(timed, placed);
    assertEquals(t.size(), d.laneOf().length);
  }

  @Test
  void theEventTimesAreTheStoresKnownTimesInOrder() {
    HitTable t = table();
    long[] ticks = TimelineData.eventTicks(t.store());
    List<Long> expected = new ArrayList<>();
    for (int e = 0; e < t.store().size(); e++) {
      if (t.store().ticks(e) != Times.UNKNOWN) {
        expected.add(t.store().ticks(e));
      }
    }
    expected.sort(null);
    assertEquals(expected, java.util.Arrays.stream(ticks).boxed().toList());
  }
}
