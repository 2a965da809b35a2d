package org.sysmontriage.ui.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The dots of one lane at one zoom: hits whose dots would overlap the dot of the first of them are
 * one dot, drawn with their count, and dots that would still overlap are merged. One pass over the lane's hits in view (they are in time order, so
 * their x only grows); a lane never gets more dots than the plot is wide in dot diameters, whatever
 * the number of hits. Pure: tested without a toolkit.
 */
final class DotClusters {
  /** What the clustering reads of a hit. */
  interface Hits {
    long ticks(int h);

    int severity(int h);

    int risk(int h);

    /** Passes the table's filters (drawn strong; keys and clicks go to these). */
    boolean shown(int h);
  }

  /**
   * A dot: the lane positions {@code [from, to)} of its hits, its centre {@code x} in the plot, how many
   * hits and how many of them pass the table's filters, the worst severity (of those that pass when
   * any does), and the hit a click or a key selects: the riskiest that passes, the earliest on ties
   * (-1 when none passes).
   */
  record Cluster(int from, int to, double x, int count, int shown, int worstSeverity, int best) {}

  private DotClusters() {}

  /**
   * The dots of lane positions {@code [from, to)} ({@code lane} holds hit ids in time order), then
   * neighbours whose drawn shapes would still overlap (a count makes a dot wider: {@code halfWidth}
   * of a count, in pixels) merged, so no two dots overlap; every dot is whole inside {@code [0, plotW]}.
   */
  static List<Cluster> of(int[] lane, int from, int to, TimeAxis axis, double plotW, double diameter, Hits hits,
      java.util.function.IntToDoubleFunction halfWidth) {
    return merged(of(lane, from, to, axis, plotW, diameter, hits), plotW, hits, halfWidth);
  }

  /**
   * The dots of a first pass ({@link #of(int[], int, int, TimeAxis, double, double, Hits)}) with neighbours whose
   * drawn shapes would still overlap merged, each whole inside {@code [0, plotW]}: a pass over the dots, not the hits.
   */
  static List<Cluster> merged(List<Cluster> first, double plotW, Hits hits, java.util.function.IntToDoubleFunction halfWidth) {
    List<Cluster> out = new ArrayList<>();
    for (Cluster c : first) {
      Cluster cur = inside(c, plotW, halfWidth);
      while (!out.isEmpty()) {
        Cluster last = out.get(out.size() - 1);
        if (cur.x() - last.x() >= halfWidth.applyAsDouble(last.count()) + halfWidth.applyAsDouble(cur.count())) {
          break;
        }
        out.remove(out.size() - 1);
        cur = inside(merge(last, cur, hits), plotW, halfWidth);
      }
      out.add(cur);
    }
    return out;
  }

  /**
   * The dot moved inside the plot when its shape would cross an edge: a count at the very start or end of the
   * fitted range is wider than the range's margin (2 %), and a dot at the edge of a zoomed view would be cut.
   */
  private static Cluster inside(Cluster c, double plotW, java.util.function.IntToDoubleFunction halfWidth) {
    double half = Math.min(halfWidth.applyAsDouble(c.count()), plotW / 2);
    double x = Math.max(half, Math.min(plotW - half, c.x()));
    return x == c.x() ? c : new Cluster(c.from(), c.to(), x, c.count(), c.shown(), c.worstSeverity(), c.best());
  }

  private static Cluster merge(Cluster a, Cluster b, Hits hits) {
    int count = a.count() + b.count();
    double x = (a.x() * a.count() + b.x() * b.count()) / count;
    int worst = a.shown() > 0 == b.shown() > 0 ? Math.max(a.worstSeverity(), b.worstSeverity())
        : a.shown() > 0 ? a.worstSeverity() : b.worstSeverity();
    int best = a.best() < 0 ? b.best() : b.best() < 0 || hits.risk(a.best()) >= hits.risk(b.best()) ? a.best() : b.best();
    return new Cluster(a.from(), b.to(), x, count, a.shown() + b.shown(), worst, best);
  }

  /** The dots of lane positions {@code [from, to)}: each holds the hits within a diameter of its first. */
  static List<Cluster> of(int[] lane, int from, int to, TimeAxis axis, double plotW, double diameter, Hits hits) {
    List<Cluster> out = new ArrayList<>();
    int start = -1;
    double x0 = 0;
    double xLast = 0;
    int shown = 0;
    int worstAll = -1;
    int worstShown = -1;
    int best = -1;
    for (int k = from; k < to; k++) {
      int h = lane[k];
      double x = axis.x(hits.ticks(h), plotW);
      if (start >= 0 && x - x0 >= diameter) {
        out.add(new Cluster(start, k, (x0 + xLast) / 2, k - start, shown, shown > 0 ? worstShown : worstAll, best));
        start = -1;
      }
      if (start < 0) {
        start = k;
        x0 = x;
        shown = 0;
        worstAll = -1;
        worstShown = -1;
        best = -1;
      }
      xLast = x;
      int sev = hits.severity(h);
      worstAll = Math.max(worstAll, sev);
      if (hits.shown(h)) {
        shown++;
        worstShown = Math.max(worstShown, sev);
        if (best < 0 || hits.risk(h) > hits.risk(best)) {
          best = h;
        }
      }
    }
    if (start >= 0) {
      out.add(new Cluster(start, to, (x0 + xLast) / 2, to - start, shown, shown > 0 ? worstShown : worstAll, best));
    }
    return out;
  }

  /** The index of the dot holding lane position {@code pos}, or -1. */
  static int indexOf(List<Cluster> dots, int pos) {
    int lo = 0;
    int hi = dots.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Cluster c = dots.get(mid);
      if (pos < c.from()) {
        hi = mid - 1;
      } else if (pos >= c.to()) {
        lo = mid + 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** The index of the dot nearest {@code x} among those with a hit that passes the filters, or -1. */
  static int nearestShown(List<Cluster> dots, double x) {
    int best = -1;
    for (int i = 0; i < dots.size(); i++) {
      if (dots.get(i).shown() > 0 && (best < 0 || Math.abs(dots.get(i).x() - x) < Math.abs(dots.get(best).x() - x))) {
        best = i;
      }
    }
    return best;
  }

  /** "7", "950", "1.2k", "63k": a count that fits in a dot. */
  static String count(int n) {
    if (n < 1000) {
      return Integer.toString(n);
    }
    if (n < 10_000) {
      return String.format(java.util.Locale.ROOT, "%.1fk", n / 1000.0);
    }
    return n < 1_000_000 ? n / 1000 + "k" : String.format(java.util.Locale.ROOT, "%.1fM", n / 1_000_000.0);
  }
}
