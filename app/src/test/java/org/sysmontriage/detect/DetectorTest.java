package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.risk.RiskRollup;

class DetectorTest {
  static final String LSASS = "C:\\Windows\\system32\\lsass.exe";

  static EventStore manyAccesses(int n) {
    List<EventDraft> drafts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String t = String.format("2024-01-01 10:%02d:%02d.000", (n - i) / 60 % 60, (n - i) % 60); // newest first
      drafts.add(sysmon(10, "UtcTime", t, "SourceImage", "C:\\t\\dumper.exe", "TargetImage", LSASS, "GrantedAccess", "0x1fffff",
          "CallTrace", "dbghelp.dll+1", "SourceProcessId", i % 2 == 0 ? "100" : "200", "TargetProcessId", "600",
          "SourceUser", "ACME\\eve"));
    }
    return TestEvents.store(drafts);
  }

  @Test
  void hitsComeInTimeOrderWithAggregatesAndRiskRollups() {
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(manyAccesses(50), (d, t, m) -> { }, new CancellationToken());
    EventStore s = manyAccesses(50);
    long last = Long.MIN_VALUE;
    for (Hit h : r.hits()) {
      assertTrue(s.ticks(h.event()) >= last, "time order");
      last = s.ticks(h.event());
    }
    List<AggregateFinding> agg = r.aggregates().stream().filter(a -> a.analyticId().startsWith("fb4c31b0")).toList();
    assertEquals(2, agg.size(), "grouped by SourceProcessId 100 and 200");
    assertEquals(50, agg.stream().mapToInt(AggregateFinding::count).sum());
    assertTrue(agg.get(0).firstTicks() <= agg.get(0).lastTicks());
    RiskRollup.Finding host = r.rollup().hosts().get(0);
    assertEquals("host1.example.org", host.name());
    assertEquals(r.hits().stream().mapToInt(Hit::risk).sum(), host.sum());
    assertEquals(r.hits().stream().mapToInt(Hit::risk).max().orElseThrow(), host.max());
    assertEquals("ACME\\eve", r.rollup().users().get(0).name());
  }

  @Test
  void reportsProgressUpToTheTotal() {
    AtomicLong done = new AtomicLong();
    AtomicLong total = new AtomicLong();
    new Detector(AnalyticLibrary.builtIn()).run(manyAccesses(40_000), (d, t, m) -> {
      done.accumulateAndGet(d, Math::max);
      total.set(t);
    }, new CancellationToken());
    assertEquals(40_000, total.get());
    assertEquals(40_000, done.get());
  }

  @Test
  void aCancelledRunThrowsCancelled() {
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();
    assertThrows(CancelledException.class, () -> new Detector(AnalyticLibrary.builtIn()).run(manyAccesses(100), (d, t, m) -> { }, cancel));
  }
}
