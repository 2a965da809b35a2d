package org.sysmontriage.ui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.common.IntSort;
import org.sysmontriage.ui.hits.HitTable;

/**
 * What the timeline draws: every event's time (sorted, for the density), and hits split into lanes
 * by host or analytic, each lane's hits sorted by time. Lanes are ordered by total risk; past
 * {@code maxLanes} the rest share one "other" lane.
 */
public final class TimelineData {
  private final long[] eventTicks;
  private final List<String> laneNames = new ArrayList<>();
  private final int[][] laneHits;
  private final HitTable table;

  public TimelineData(HitTable table, LaneMode mode, int maxLanes) {
    this.table = table;
    this.eventTicks = sortedTicks(table.store());
    IntFunction<String> key = mode == LaneMode.HOST ? table::host : table::analytic;
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    Map<String, Long> risk = new LinkedHashMap<>();
    for (int h = 0; h < table.size(); h++) {
      if (table.ticks(h) == Times.UNKNOWN) {
        continue;
      }
      String k = key.apply(h);
      byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(h);
      risk.merge(k, (long) table.risk(h), Long::sum);
    }
    List<String> ordered = new ArrayList<>(byKey.keySet());
    ordered.sort(Comparator.comparingLong((String k) -> -risk.get(k)).thenComparing(k -> k));
    int shown = ordered.size() <= maxLanes ? ordered.size() : maxLanes - 1;
    List<List<Integer>> lanes = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      laneNames.add(ordered.get(i));
      lanes.add(byKey.get(ordered.get(i)));
    }
    if (shown < ordered.size()) {
      List<Integer> rest = new ArrayList<>();
      ordered.subList(shown, ordered.size()).forEach(k -> rest.addAll(byKey.get(k)));
      laneNames.add((ordered.size() - shown) + " more");
      lanes.add(rest);
    }
    laneHits = new int[lanes.size()][];
    for (int i = 0; i < lanes.size(); i++) {
      int[] ids = lanes.get(i).stream().mapToInt(Integer::intValue).toArray();
      IntSort.sort(ids, (a, b) -> Long.compare(table.ticks(a), table.ticks(b)));
      laneHits[i] = ids;
    }
  }

  private static long[] sortedTicks(EventStore store) {
    int[] byTime = store.byTime();
    long[] out = new long[byTime.length];
    int n = 0;
    for (int e : byTime) {
      long t = store.ticks(e);
      if (t != Times.UNKNOWN) {
        out[n++] = t;
      }
    }
    return Arrays.copyOf(out, n); // byTime() is in time order, unknown times first

  }

  public HitTable table() {
    return table;
  }

  public long[] eventTicks() {
    return eventTicks;
  }

  public List<String> laneNames() {
    return laneNames;
  }

  public int lanes() {
    return laneHits.length;
  }

  /** Hit indexes of a lane in time order. */
  public int[] lane(int i) {
    return laneHits[i];
  }

  /** Earliest and latest known time over events and hits, or null when none. */
  public long[] extent() {
    if (eventTicks.length == 0) {
      return null;
    }
    return new long[] {eventTicks[0], eventTicks[eventTicks.length - 1]};
  }

  /** Events with time in [from, to). */
  public int eventsBetween(double from, double to) {
    return lowerBound(eventTicks, to) - lowerBound(eventTicks, from);
  }

  /** First position in a lane whose hit time is at or after {@code t}. */
  public int laneLowerBound(int lane, double t) {
    int[] ids = laneHits[lane];
    int lo = 0;
    int hi = ids.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (table.ticks(ids[mid]) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int lowerBound(long[] a, double t) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
