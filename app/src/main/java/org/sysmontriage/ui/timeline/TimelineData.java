package org.sysmontriage.ui.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.common.IntSort;
import org.sysmontriage.ui.engine.PackStatus;
import org.sysmontriage.ui.hits.HitTable;

/**
 * What the timeline draws: every event's time (sorted, for the density), and hits split into lanes
 * by host or analytic, each lane's hits sorted by time. The LSASS analytics' lanes come first,
 * ordered by total risk; past {@code maxLanes} the rest share one "N more" lane. Hits of other
 * packs (Hunt, the analyst's rule folders) come below them, one lane per pack ("Hunt: 1,204 hits"),
 * or, when that pack is expanded, one lane per host or analytic under the pack's name; they never
 * push an LSASS lane out.
 */
public final class TimelineData {
  private final long[] eventTicks;
  private final List<String> laneNames = new ArrayList<>();
  private final int[][] laneHits;
  /** Per hit: its lane, or -1. */
  private final int[] laneOf;
  /** Per hit: its position in its lane's time-ordered array, or -1. */
  private final int[] posInLane;
  private final HitTable table;
  private int firstPackLane = -1;
  private final LaneMode mode;

  public TimelineData(HitTable table, LaneMode mode, int maxLanes) {
    this(table, mode, maxLanes, false);
  }

  /** @param expandPacks true: a lane per host or analytic in each pack; false: one lane per pack */
  public TimelineData(HitTable table, LaneMode mode, int maxLanes, boolean expandPacks) {
    this(table, mode, maxLanes, expandPacks, null);
  }

  /**
   * Everything a paint needs, computed once (a pass over the events and the hits, a sort per lane):
   * built on a worker thread for big tables, the UI thread only swaps it in.
   *
   * @param eventTicks the store's known event times in order ({@link #eventTicks(EventStore)}), or null to compute them
   */
  public TimelineData(HitTable table, LaneMode mode, int maxLanes, boolean expandPacks, long[] eventTicks) {
    this.table = table;
    this.mode = mode;
    this.eventTicks = eventTicks != null ? eventTicks : eventTicks(table.store());
    IntFunction<String> key = mode == LaneMode.HOST ? table::host : table::analytic;
    Map<String, Map<String, List<Integer>>> byPack = new TreeMap<>(TimelineData::packOrder);
    for (int h = 0; h < table.size(); h++) {
      if (table.ticks(h) != Times.UNKNOWN) {
        byPack.computeIfAbsent(table.pack(h), p -> new LinkedHashMap<>()).computeIfAbsent(key.apply(h), x -> new ArrayList<>()).add(h);
      }
    }
    List<List<Integer>> lanes = new ArrayList<>();
    int packs = (int) byPack.keySet().stream().filter(p -> !p.isEmpty()).count();
    int budget = Math.max(1, maxLanes - packs);
    for (Map.Entry<String, Map<String, List<Integer>>> pack : byPack.entrySet()) {
      if (pack.getKey().isEmpty()) {
        addLanes(pack.getValue(), budget, "", lanes);
        continue;
      }
      if (firstPackLane < 0) {
        firstPackLane = lanes.size();
      }
      if (expandPacks) {
        addLanes(pack.getValue(), Math.max(2, maxLanes - lanes.size()), pack.getKey() + " · ", lanes);
      } else {
        List<Integer> all = new ArrayList<>();
        pack.getValue().values().forEach(all::addAll);
        laneNames.add(String.format("%s: %,d %s", pack.getKey(), all.size(), all.size() == 1 ? "hit" : "hits"));
        lanes.add(all);
      }
    }
    laneHits = new int[lanes.size()][];
    for (int i = 0; i < lanes.size(); i++) {
      int[] ids = lanes.get(i).stream().mapToInt(Integer::intValue).toArray();
      IntSort.sort(ids, (a, b) -> Long.compare(table.ticks(a), table.ticks(b)));
      laneHits[i] = ids;
    }
    laneOf = new int[table.size()];
    posInLane = new int[table.size()];
    Arrays.fill(laneOf, -1);
    Arrays.fill(posInLane, -1);
    for (int l = 0; l < laneHits.length; l++) {
      for (int k = 0; k < laneHits[l].length; k++) {
        laneOf[laneHits[l][k]] = l;
        posInLane[laneHits[l][k]] = k;
      }
    }
  }

  /** Per hit: its lane, or -1 (no known time). Do not modify. */
  int[] laneOf() {
    return laneOf;
  }

  /** Per hit: its position in its lane, or -1. Do not modify. */
  int[] posInLane() {
    return posInLane;
  }

  /** The LSASS analytics ("") first, then the Hunt pack, then the analyst's folders by name. */
  private static int packOrder(String a, String b) {
    int ra = a.isEmpty() ? 0 : a.equals(PackStatus.HUNT) ? 1 : 2;
    int rb = b.isEmpty() ? 0 : b.equals(PackStatus.HUNT) ? 1 : 2;
    return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
  }

  /** One lane per key, highest total risk first; past {@code max} lanes the rest share "N more". */
  private void addLanes(Map<String, List<Integer>> byKey, int max, String prefix, List<List<Integer>> lanes) {
    Map<String, Long> risk = new LinkedHashMap<>();
    byKey.forEach((k, hits) -> risk.put(k, hits.stream().mapToLong(table::risk).sum()));
    List<String> ordered = new ArrayList<>(byKey.keySet());
    ordered.sort(Comparator.comparingLong((String k) -> -risk.get(k)).thenComparing(k -> k));
    int shown = ordered.size() <= max ? ordered.size() : max - 1;
    for (int i = 0; i < shown; i++) {
      laneNames.add(prefix + (prefix.isEmpty() || mode != LaneMode.HOST ? ordered.get(i) : TimelinePainter.shortHost(ordered.get(i))));
      lanes.add(byKey.get(ordered.get(i)));
    }
    if (shown < ordered.size()) {
      List<Integer> rest = new ArrayList<>();
      ordered.subList(shown, ordered.size()).forEach(k -> rest.addAll(byKey.get(k)));
      laneNames.add(prefix + (ordered.size() - shown) + " more");
      lanes.add(rest);
    }
  }

  /** The first lane of a pack that is not the LSASS analytics, or -1 when there is none. */
  public int firstPackLane() {
    return firstPackLane;
  }

  /** The store's known event times in time order (for the density); the same for every lane mode of one store. */
  public static long[] eventTicks(EventStore store) {
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
