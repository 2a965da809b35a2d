package org.sysmontriage.detect.lsass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.Times;

/** The logarithmic LSASS-PID lookup answers exactly as the scan of every sighting it replaced. */
class LsassSightingsTest {

  /** The former per-hit scan over the time-sorted sightings, kept here as the reference. */
  private static boolean byScan(List<LsassIndex.Sighting> s, long pid, long ticks) {
    if (ticks == Times.UNKNOWN) {
      return s.stream().anyMatch(x -> x.pid() == pid);
    }
    LsassIndex.Sighting best = null;
    for (LsassIndex.Sighting x : s) {
      if (x.pid() == pid && x.ticks() == Times.UNKNOWN) {
        return true;
      }
      if (x.ticks() != Times.UNKNOWN && (best == null || Math.abs(x.ticks() - ticks) < Math.abs(best.ticks() - ticks))) {
        best = x;
      }
    }
    if (best == null) {
      return false;
    }
    if (best.pid() == pid) {
      return true;
    }
    long before = Long.MIN_VALUE;
    long after = Long.MAX_VALUE;
    for (LsassIndex.Sighting x : s) {
      if (x.pid() == pid && x.ticks() != Times.UNKNOWN) {
        before = x.ticks() <= ticks ? Math.max(before, x.ticks()) : before;
        after = x.ticks() >= ticks ? Math.min(after, x.ticks()) : after;
      }
    }
    return before != Long.MIN_VALUE && after != Long.MAX_VALUE;
  }

  @Test
  void answersAsTheScanOnRandomSightingsWithTiesReusedPidsAndUnknownTimes() {
    Random r = new Random(42);
    for (int round = 0; round < 400; round++) {
      List<LsassIndex.Sighting> s = new ArrayList<>();
      int n = r.nextInt(12);
      for (int i = 0; i < n; i++) {
        long t = r.nextInt(10) == 0 ? Times.UNKNOWN : 1_000 + r.nextInt(20) * 10L;
        s.add(new LsassIndex.Sighting(t, 500 + r.nextInt(4)));
      }
      s.sort((a, b) -> Long.compare(a.ticks(), b.ticks()));
      LsassIndex.Sightings fast = new LsassIndex.Sightings(s);
      for (long pid = 499; pid <= 504; pid++) {
        assertEquals(byScan(s, pid, Times.UNKNOWN), fast.isLsassPid(pid, Times.UNKNOWN), s + " pid " + pid);
        for (long t = 980; t <= 1_220; t += 5) {
          assertEquals(byScan(s, pid, t), fast.isLsassPid(pid, t), s + " pid " + pid + " at " + t);
        }
      }
    }
  }

  @Test
  void theNearestSightingDecidesAndATieGoesToTheEarlierOne() {
    List<LsassIndex.Sighting> s = List.of(new LsassIndex.Sighting(100, 1), new LsassIndex.Sighting(200, 2));
    LsassIndex.Sightings fast = new LsassIndex.Sightings(s);
    assertTrue(fast.isLsassPid(1, 150)); // equally near: the earlier sighting (pid 1)
    assertFalse(fast.isLsassPid(2, 150));
    assertTrue(fast.isLsassPid(2, 151));
    assertFalse(fast.isLsassPid(1, 151));
  }
}
