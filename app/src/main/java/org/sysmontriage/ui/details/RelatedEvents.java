package org.sysmontriage.ui.details;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * Finds what lines up with one event on its host: the same process (by Sysmon's process GUIDs,
 * so a parent, the lsass access and the dump file meet) and everything within a time window.
 */
public final class RelatedEvents {
  static final String[] GUID_FIELDS = {"ProcessGuid", "SourceProcessGUID", "TargetProcessGUID", "ParentProcessGuid"};
  /** At most this many events of each kind are listed. */
  static final int LIMIT = 2000;

  private RelatedEvents() {}

  /** The same process's events in time order (the selected one marked), then the host's events in the window. */
  public static List<RelatedEvent> find(EventStore store, int e, long windowTicks, CancellationToken cancel) {
    int[] names = new int[GUID_FIELDS.length];
    int[] guids = new int[GUID_FIELDS.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = store.nameId(GUID_FIELDS[i]);
      guids[i] = names[i] < 0 ? -1 : store.valueId(e, names[i]);
    }
    int parentGuid = guids[3];
    long t = store.ticks(e);
    List<RelatedEvent> process = new ArrayList<>();
    Nearby nearby = new Nearby();
    int[] hostEvents = store.byComputerId(store.computerId(e));
    for (int k = 0; k < hostEvents.length; k++) {
      if ((k & 0x3FFF) == 0) {
        cancel.check();
      }
      int x = hostEvents[k];
      if (x == e) {
        process.add(new RelatedEvent(x, "▶ selected event"));
        continue;
      }
      String why = processRelation(store, x, names, guids, parentGuid);
      if (why != null && process.size() < LIMIT) {
        process.add(new RelatedEvent(x, why));
      } else if (why == null && t != Times.UNKNOWN && Math.abs(store.ticks(x) - t) <= windowTicks) {
        nearby.add(x, Math.abs(store.ticks(x) - t));
      }
    }
    Comparator<RelatedEvent> byTime = Comparator.comparingLong((RelatedEvent r) -> store.ticks(r.event())).thenComparingInt(RelatedEvent::event);
    // The process lineup first (parent, the access, the dump file, in time order), then the time window.
    process.sort(byTime);
    List<RelatedEvent> window = new ArrayList<>();
    for (int x : nearby.nearest(LIMIT)) {
      window.add(new RelatedEvent(x, "same host " + offset(store.ticks(x) - t)));
    }
    window.sort(byTime);
    List<RelatedEvent> all = new ArrayList<>(process);
    all.addAll(window);
    return all;
  }

  /**
   * The host's events inside the time window, kept as two primitive arrays: a dense host has hundreds of
   * thousands of them (bench ui: 600,000 at a million events), of which {@link #LIMIT} are listed, so an
   * object and a text are made only for those.
   */
  static final class Nearby {
    private int[] events = new int[64];
    private long[] distance = new long[64];
    private int size;

    void add(int event, long ticksAway) {
      if (size == events.length) {
        events = Arrays.copyOf(events, size * 2);
        distance = Arrays.copyOf(distance, size * 2);
      }
      events[size] = event;
      distance[size++] = ticksAway;
    }

    /** The {@code limit} nearest events, ties kept in the order added; in that order. */
    int[] nearest(int limit) {
      if (size <= limit) {
        return Arrays.copyOf(events, size);
      }
      long[] sorted = Arrays.copyOf(distance, size);
      Arrays.sort(sorted);
      long cut = sorted[limit - 1]; // the limit-th smallest distance: all nearer ones are kept, ties in order
      int nearer = 0;
      for (int i = 0; i < size; i++) {
        nearer += distance[i] < cut ? 1 : 0;
      }
      int ties = limit - nearer;
      int[] kept = new int[limit];
      int n = 0;
      for (int i = 0; i < size && n < limit; i++) {
        if (distance[i] < cut || distance[i] == cut && ties-- > 0) {
          kept[n++] = events[i];
        }
      }
      return kept;
    }
  }

  private static String processRelation(EventStore store, int x, int[] names, int[] guids, int parentGuid) {
    for (int i = 0; i < names.length; i++) {
      if (names[i] < 0) {
        continue;
      }
      int v = store.valueId(x, names[i]);
      if (v < 0) {
        continue;
      }
      if (i == 0 && v == parentGuid) {
        return store.eventId(x) == 1 ? "parent process started" : "parent process";
      }
      for (int j = 0; j < guids.length; j++) {
        if (guids[j] == v && j != 3) {
          return "same process (" + GUID_FIELDS[i] + " = " + GUID_FIELDS[j] + ")";
        }
      }
    }
    return null;
  }

  private static String offset(long deltaTicks) {
    long seconds = deltaTicks / Times.TICKS_PER_SECOND;
    return (seconds >= 0 ? "+" : "−") + Math.abs(seconds) + " s";
  }
}
