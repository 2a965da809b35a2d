package org.sysmontriage.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.event.EventStore;

/** Event times with the confirmed clock corrections applied; raw times stay in the store. */
final class Timeline {
  private final EventStore store;
  private final Map<Clock, ClockSkew> skews = new HashMap<>();

  Timeline(EventStore store, List<ClockSkew> applied) {
    this.store = store;
    applied.forEach(s -> skews.put(s.clock(), s));
  }

  long ticks(int e) {
    long raw = store.ticks(e);
    if (skews.isEmpty()) {
      return raw;
    }
    ClockSkew s = skews.get(new Clock(store.sourceIndex(e), store.channel(e)));
    return s == null ? raw : s.apply(raw);
  }
}
