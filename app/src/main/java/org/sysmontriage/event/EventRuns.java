package org.sysmontriage.event;

import java.util.Arrays;

/**
 * Events grouped by a key of three numbers (a tag and two longs: a host and a process id, or a GUID as its two
 * numbers), built once and read by binary search. The distinct keys sorted in three arrays, each key's events side
 * by side in one {@code int[]} (key {@code k}'s run from {@link #from} to {@link #to}) in the order asked for: by
 * the order number given with each event, then the order they were added. No object per key or event: an index
 * kept as long as its store is a few arrays for the young collections to copy, not a map of lists of boxed numbers.
 */
public final class EventRuns {
  private static final int[] NONE = {};
  private final int[] tags;
  private final long[] highs;
  private final long[] lows;
  /** Key k's events are {@code events[starts[k]] .. events[starts[k + 1] - 1]}. */
  private final int[] starts;
  private final int[] events;

  private EventRuns(int[] tags, long[] highs, long[] lows, int[] starts, int[] events) {
    this.tags = tags;
    this.highs = highs;
    this.lows = lows;
    this.starts = starts;
    this.events = events;
  }

  /** The key's index, or -1 when no event was added with it. */
  public int find(int tag, long high, long low) {
    int lo = 0;
    int hi = tags.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compare(tags[mid], highs[mid], lows[mid], tag, high, low);
      if (c < 0) {
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** Where key {@code k}'s run begins (-1: an empty run). */
  public int from(int k) {
    return k < 0 ? 0 : starts[k];
  }

  /** Where key {@code k}'s run ends, exclusive (-1: an empty run). */
  public int to(int k) {
    return k < 0 ? 0 : starts[k + 1];
  }

  public int event(int i) {
    return events[i];
  }

  /** Key {@code k}'s events (a copy; none for -1). */
  public int[] run(int k) {
    return k < 0 ? NONE : Arrays.copyOfRange(events, starts[k], starts[k + 1]);
  }

  /** Distinct keys. */
  public int keys() {
    return tags.length;
  }

  private static int compare(int t1, long h1, long l1, int t2, long h2, long l2) {
    int c = Integer.compare(t1, t2);
    c = c != 0 ? c : Long.compare(h1, h2);
    return c != 0 ? c : Long.compare(l1, l2);
  }

  /** Collects (key, order, event) entries, then sorts them once into runs. */
  public static final class Builder {
    private int n;
    private int[] tags = new int[16];
    private long[] highs = new long[16];
    private long[] lows = new long[16];
    private long[] orders = new long[16];
    private int[] events = new int[16];

    public void add(int tag, long high, long low, long order, int event) {
      if (n == events.length) {
        int size = n * 2;
        tags = Arrays.copyOf(tags, size);
        highs = Arrays.copyOf(highs, size);
        lows = Arrays.copyOf(lows, size);
        orders = Arrays.copyOf(orders, size);
        events = Arrays.copyOf(events, size);
      }
      tags[n] = tag;
      highs[n] = high;
      lows[n] = low;
      orders[n] = order;
      events[n] = event;
      n++;
    }

    public EventRuns build() {
      // stable sorts from the last key to the first (order, low, high, tag): sorted by all four, ties in the order added
      int[] perm = IndexSort.byKey(orders, n);
      perm = then(perm, lows);
      perm = then(perm, highs);
      long[] tag = new long[n];
      for (int i = 0; i < n; i++) {
        tag[i] = tags[i];
      }
      perm = then(perm, tag);
      int keys = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || compare(tags[perm[i - 1]], highs[perm[i - 1]], lows[perm[i - 1]], tags[perm[i]], highs[perm[i]], lows[perm[i]]) != 0) {
          keys++;
        }
      }
      int[] kTags = new int[keys];
      long[] kHighs = new long[keys];
      long[] kLows = new long[keys];
      int[] starts = new int[keys + 1];
      int[] sorted = new int[n];
      int k = -1;
      for (int i = 0; i < n; i++) {
        int x = perm[i];
        if (k < 0 || compare(kTags[k], kHighs[k], kLows[k], tags[x], highs[x], lows[x]) != 0) {
          k++;
          kTags[k] = tags[x];
          kHighs[k] = highs[x];
          kLows[k] = lows[x];
          starts[k] = i;
        }
        sorted[i] = events[x];
      }
      starts[keys] = n;
      return new EventRuns(kTags, kHighs, kLows, starts, sorted);
    }

    /** {@code perm} stably re-sorted by {@code key} of its entries. */
    private int[] then(int[] perm, long[] key) {
      long[] k = new long[n];
      for (int i = 0; i < n; i++) {
        k[i] = key[perm[i]];
      }
      int[] p = IndexSort.byKey(k, n);
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = perm[p[i]];
      }
      return out;
    }
  }
}
