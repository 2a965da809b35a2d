package org.sysmontriage.ui.details;

import java.util.ArrayList;
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
    List<RelatedEvent> nearby = new ArrayList<>();
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
        nearby.add(new RelatedEvent(x, "same host " + offset(store.ticks(x) - t)));
      }
    }
    nearby.sort(Comparator.comparingLong(r -> Math.abs(store.ticks(r.event()) - t)));
    Comparator<RelatedEvent> byTime = Comparator.comparingLong((RelatedEvent r) -> store.ticks(r.event())).thenComparingInt(RelatedEvent::event);
    // The process lineup first (parent, the access, the dump file, in time order), then the time window.
    process.sort(byTime);
    List<RelatedEvent> window = new ArrayList<>(nearby.subList(0, Math.min(LIMIT, nearby.size())));
    window.sort(byTime);
    List<RelatedEvent> all = new ArrayList<>(process);
    all.addAll(window);
    return all;
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
