package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.timeline.LaneMode;
import org.sysmontriage.ui.timeline.TimelineData;

/** Hunt and rule-folder hits get lanes of their own below the LSASS lanes and never push an LSASS lane out. */
class TimelinePackLanesTest {
  private static final Analytic HUNT = new Analytic("hunt-1", "Suspicious svchost", "", Severity.CRITICAL, List.of("T1059"),
      List.of("execution"), 90, 100);
  private static final Analytic MINE = new Analytic("mine-1", "My rule", "", Severity.LOW, List.of(), List.of(), 30, 70);

  private static HitTable table() {
    List<Hit> hits = new ArrayList<>(Fixtures.hits());
    for (int e : new int[] {Fixtures.BENIGN_WKS, Fixtures.FAR_AWAY, Fixtures.PARENT}) {
      hits.add(new Hit(e, HUNT, List.of()));
    }
    hits.add(new Hit(Fixtures.SRV_ACCESS, MINE, List.of()));
    return new HitTable(Fixtures.store(), hits, Map.of("hunt-1", "Hunt", "mine-1", "my-rules"));
  }

  @Test
  void packHitsShareOneLanePerPackBelowTheLsassLanesThoughTheirRiskIsHigher() {
    TimelineData d = new TimelineData(table(), LaneMode.HOST, 12, false);

    assertEquals(List.of("WKS-01", "SRV-02", "Hunt: 3 hits", "my-rules: 1 hit"), d.laneNames());
    assertEquals(2, d.firstPackLane());
    assertEquals(3, d.lane(2).length);
  }

  @Test
  void expandedPacksGetALanePerHostUnderThePacksName() {
    TimelineData d = new TimelineData(table(), LaneMode.HOST, 12, true);

    assertEquals(List.of("WKS-01", "SRV-02", "Hunt · WKS-01", "my-rules · SRV-02"), d.laneNames());
    TimelineData byAnalytic = new TimelineData(table(), LaneMode.ANALYTIC, 12, true);
    assertEquals("Hunt · Suspicious svchost", byAnalytic.laneNames().get(byAnalytic.firstPackLane()));
  }

  @Test
  void theLaneLimitCutsLsassLanesLastAndPackLanesStay() {
    TimelineData d = new TimelineData(table(), LaneMode.ANALYTIC, 4, false);

    assertEquals(List.of("Dump LSASS via procdump", "2 more", "Hunt: 3 hits", "my-rules: 1 hit"), d.laneNames());
    assertEquals(4, d.lanes());
  }

  @Test
  void withoutPackHitsThereIsNoPackLane() {
    TimelineData d = new TimelineData(new HitTable(Fixtures.store(), Fixtures.hits()), LaneMode.HOST, 12, false);

    assertEquals(-1, d.firstPackLane());
    assertEquals(List.of("WKS-01", "SRV-02"), d.laneNames());
  }
}
