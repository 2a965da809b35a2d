package org.sysmontriage.ui.events;

import java.util.Arrays;
import java.util.Locale;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;

/**
 * One pass over every event, in time order: EventID, host and a text search over every field
 * (case-insensitive). Pure, so it runs on any thread.
 *
 * @param eventId the EventID to keep, or null for any
 * @param host the computer to keep, or null for any
 */
public record EventQuery(Integer eventId, String host, String text, boolean newestFirst, long fromTicks, long toTicks) {

  public static final EventQuery ALL = new EventQuery(null, null, "", false);

  public EventQuery(Integer eventId, String host, String text, boolean newestFirst) {
    this(eventId, host, text, newestFirst, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  public int[] run(EventStore store, CancellationToken cancel) {
    int[] candidates = candidates(store);
    int[] out = new int[candidates.length];
    int n = 0;
    String needle = text == null ? "" : text.toLowerCase(Locale.ROOT);
    int hostId = host == null ? -1 : hostId(store);
    for (int i = 0; i < candidates.length; i++) {
      if ((i & 0x3FFF) == 0) {
        cancel.check();
      }
      int e = candidates[i];
      long t = store.ticks(e);
      if ((eventId == null || store.eventId(e) == eventId) && (host == null || store.computerId(e) == hostId) && t >= fromTicks && t <= toTicks
          && (needle.isEmpty() || matches(store, e, needle))) {
        out[n++] = e;
      }
    }
    int[] rows = Arrays.copyOf(out, n);
    return newestFirst ? reversed(rows) : rows;
  }

  private int[] candidates(EventStore store) {
    if (eventId == null) {
      return store.byTime();
    }
    // Keep time order: the EventID index is in import order.
    int[] ids = store.byEventId(eventId).clone();
    org.sysmontriage.ui.common.IntSort.sort(ids, (a, b) -> Long.compare(store.ticks(a), store.ticks(b)));
    return ids;
  }

  private int hostId(EventStore store) {
    for (int e : store.byTime()) {
      if (host.equals(store.computer(e))) {
        return store.computerId(e);
      }
    }
    return -2;
  }

  static boolean matches(EventStore store, int e, String needle) {
    if (store.computer(e).toLowerCase(Locale.ROOT).contains(needle)) {
      return true;
    }
    for (int k = 0, n = store.fieldCount(e); k < n; k++) {
      if (containsIgnoreCase(store.fieldValue(e, k), needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsIgnoreCase(String hay, String needle) {
    int max = hay.length() - needle.length();
    for (int i = 0; i <= max; i++) {
      if (hay.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  private static int[] reversed(int[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
