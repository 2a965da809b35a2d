package org.sysmontriage.ui.engine;

import java.util.List;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/**
 * What is open: the logs as given, every event read and the hits found in them, and the hosts
 * (computed once, off the UI thread).
 */
public record Investigation(List<String> paths, EventStore store, List<Hit> hits, List<String> hosts) {
  public Investigation {
    paths = List.copyOf(paths);
    hits = List.copyOf(hits);
    hosts = List.copyOf(hosts);
  }

  /** Lists the hosts of the store (a pass over every event: call it off the UI thread). */
  public Investigation(List<String> paths, EventStore store, List<Hit> hits) {
    this(paths, store, hits, store.computers());
  }
}
