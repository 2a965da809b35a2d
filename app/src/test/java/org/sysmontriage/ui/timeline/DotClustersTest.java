package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.Times;

class DotClustersTest {
  private static final long T0 = Times.parse("2024-03-14T00:00:00Z");

  /** Hits h at T0 + seconds[h], severity h % 5, risk h % 100, every third filtered out. */
  private static DotClusters.Hits hits(long[] seconds) {
    return new DotClusters.Hits() {
      @Override
      public long ticks(int h) {
        return T0 + seconds[h] * Times.TICKS_PER_SECOND;
      }

      @Override
      public int severity(int h) {
        return h % 5;
      }

      @Override
      public int risk(int h) {
        return h % 100;
      }

      @Override
      public boolean shown(int h) {
        return h % 3 != 2;
      }
    };
  }

  private static TimeAxis axis(long seconds) {
    TimeAxis a = new TimeAxis();
    a.fit(T0, T0 + seconds * Times.TICKS_PER_SECOND);
    return a;
  }

  @Test
  void overlappingDotsBecomeOneDotWithTheirCountAndTheRiskiestShownHit() {
    // 1000 s over 1000 px (after the 2% padding): 0 s, 3 s, 5 s overlap a 10 px dot; 40 s and 60 s stand alone
    long[] sec = {0, 3, 5, 40, 60};
    int[] lane = {0, 1, 2, 3, 4};
    List<DotClusters.Cluster> dots = DotClusters.of(lane, 0, 5, axis(1000), 1040, 10, hits(sec));
    assertEquals(3, dots.size(), dots.toString());
    DotClusters.Cluster first = dots.get(0);
    assertEquals(3, first.count());
    assertEquals(2, first.shown(), "hit 2 is filtered out");
    assertEquals(1, first.best(), "the riskiest hit that passes the filters");
    assertEquals(1, first.worstSeverity(), "the worst severity of the hits that pass");
    assertEquals(0, DotClusters.indexOf(dots, 2));
    assertEquals(2, DotClusters.indexOf(dots, 4));
    assertEquals(-1, DotClusters.indexOf(dots, 5));
    assertEquals(2, DotClusters.nearestShown(dots, 1000), "the dot nearest x among those shown");
  }

  @Test
  void sixtyThousandHitsGiveNoMoreDotsThanThePlotHoldsAndEveryHitIsInOneDot() {
    int n = 63_000;
    long[] sec = new long[n];
    int[] lane = new int[n];
    for (int i = 0; i < n; i++) {
      sec[i] = i * 7L % 86_400 < 43_200 ? i * 7L / 10 : i; // bursts and gaps, in time order
      lane[i] = i;
    }
    java.util.Arrays.sort(sec);
    double plotW = 1400;
    double d = 10;
    List<DotClusters.Cluster> dots = DotClusters.of(lane, 0, n, axis(sec[n - 1]), plotW, d, hits(sec));
    assertTrue(dots.size() <= plotW / d + 1, dots.size() + " dots");
    int covered = 0;
    int next = 0;
    for (DotClusters.Cluster c : dots) {
      assertEquals(next, c.from(), "the dots cover the lane in order without gaps");
      next = c.to();
      covered += c.count();
    }
    assertEquals(n, covered);
    for (int i = 1; i < dots.size(); i++) {
      assertTrue(dots.get(i).x() - dots.get(i - 1).x() >= d / 2, "dots of different clusters are at least a radius apart");
    }
    // drawn with their counts (a pill 4 px a digit wider), the merged dots never overlap and still hold every hit
    java.util.function.IntToDoubleFunction half = c -> c == 1 ? d / 2 : d / 2 + 4 * DotClusters.count(c).length();
    List<DotClusters.Cluster> drawn = DotClusters.of(lane, 0, n, axis(sec[n - 1]), plotW, d, hits(sec), half);
    int total = 0;
    for (int i = 0; i < drawn.size(); i++) {
      total += drawn.get(i).count();
      if (i > 0) {
        DotClusters.Cluster a = drawn.get(i - 1);
        DotClusters.Cluster b = drawn.get(i);
        assertEquals(a.to(), b.from());
        assertTrue(b.x() - a.x() >= half.applyAsDouble(a.count()) + half.applyAsDouble(b.count()), "dots " + a + " and " + b + " overlap");
      }
    }
    assertEquals(n, total);
    assertTrue(drawn.size() < dots.size());
  }

  @Test
  void mergedNeighboursKeepTheRiskiestShownHitAndTheWorstShownSeverity() {
    long[] sec = {0, 14, 15};
    int[] lane = {0, 1, 2};
    // 1000 s over 1040 px: dots 14 px apart with a 10 px diameter stay apart until a count widens them
    List<DotClusters.Cluster> apart = DotClusters.of(lane, 0, 3, axis(1000), 1040, 10, hits(sec), c -> 5);
    assertEquals(2, apart.size());
    List<DotClusters.Cluster> merged = DotClusters.of(lane, 0, 3, axis(1000), 1040, 10, hits(sec), c -> c == 1 ? 5 : 12);
    assertEquals(1, merged.size());
    DotClusters.Cluster m = merged.get(0);
    assertEquals(3, m.count());
    assertEquals(2, m.shown());
    assertEquals(1, m.best(), "hit 1 (risk 1) beats hit 0; hit 2 is filtered out");
    assertEquals(1, m.worstSeverity());
  }

  /**
   * 46 hits in the first second of the range, 46 in its last, a few between: at 1024x700 with the text three steps
   * larger the counts at the ends were drawn half outside the plot (the fitted range's 2 % margin is narrower than a
   * count there). Every dot, at every plot width and dot size, fitted or zoomed, is whole inside the plot, none
   * overlaps its neighbour and every hit is in one dot.
   */
  @Test
  void aCountAtTheStartOrEndOfTheRangeIsDrawnWholeInsideThePlotAtEverySize() {
    int n = 100;
    long[] sec = new long[n];
    int[] lane = new int[n];
    for (int i = 0; i < n; i++) {
      sec[i] = i < 46 ? 0 : i >= n - 46 ? 86_400 : 3_600L * (i - 45);
      lane[i] = i;
    }
    for (double plotW = 120; plotW <= 4000; plotW += 37) {
      for (int k = 1; k <= 12; k++) {
        double count = 5 * k;
        double dot = Math.min(count, 9);
        java.util.function.IntToDoubleFunction half = c -> c == 1 ? dot : count;
        TimeAxis fitted = axis(86_400);
        TimeAxis zoomed = axis(86_400);
        zoomed.zoom(0.3, plotW / 2, plotW); // the middle hits at the view's edges
        for (TimeAxis a : List.of(fitted, zoomed)) {
          int from = 0;
          while (from < n && T0 + sec[from] * Times.TICKS_PER_SECOND < a.start()) {
            from++;
          }
          int to = from;
          while (to < n && T0 + sec[to] * Times.TICKS_PER_SECOND <= a.end()) {
            to++;
          }
          List<DotClusters.Cluster> dots = DotClusters.of(lane, from, to, a, plotW, 2 * dot, hits(sec), half);
          int total = 0;
          for (int i = 0; i < dots.size(); i++) {
            DotClusters.Cluster c = dots.get(i);
            total += c.count();
            double h = half.applyAsDouble(c.count());
            String where = "plot " + plotW + " px, count " + count + " px: " + c;
            assertTrue(c.x() - h >= -1e-9 && c.x() + h <= plotW + 1e-9, "a dot crosses the plot's edge, " + where);
            if (i > 0) {
              DotClusters.Cluster b = dots.get(i - 1);
              assertTrue(c.x() - b.x() >= half.applyAsDouble(b.count()) + h - 1e-9, "dots overlap, " + where + " after " + b);
            }
          }
          assertEquals(to - from, total, "every hit in view is in one dot");
        }
      }
    }
  }

  @Test
  void countsFitInADot() {
    assertEquals("7", DotClusters.count(7));
    assertEquals("999", DotClusters.count(999));
    assertEquals("1.2k", DotClusters.count(1234));
    assertEquals("63k", DotClusters.count(63_022));
    assertEquals("1.5M", DotClusters.count(1_500_000));
  }
}
