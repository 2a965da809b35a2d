package org.sysmontriage.ui.engine;

import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/**
 * What is open: the logs as given, every event read and the hits found in them, and the hosts
 * (computed once, off the UI thread).
 *
 * @param packs the pack of each analytic that is not a built-in LSASS analytic (analytic id -> pack name)
 */
public record Investigation(List<String> paths, EventStore store, List<Hit> hits, List<String> hosts, Map<String, String> packs) {
  public Investigation {
    paths = List.copyOf(paths);
    hits = List.copyOf(hits);
    hosts = List.copyOf(hosts);
    packs = Map.copyOf(packs);
  }

  public Investigation(List<String> paths, EventStore store, List<Hit> hits, List<String> hosts) {
    this(paths, store, hits, hosts, Map.of());
  }

  /** Lists the hosts of the store (a pass over every event: call it off the UI thread). */
  public Investigation(List<String> paths, EventStore store, List<Hit> hits) {
    this(paths, store, hits, store.computers());
  }

  /** The same logs with the hits of other rules. */
  public Investigation withHits(List<Hit> next, Map<String, String> nextPacks) {
    return new Investigation(paths, store, next, hosts, nextPacks);
  }
}
