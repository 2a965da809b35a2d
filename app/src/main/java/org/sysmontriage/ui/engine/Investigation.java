package org.sysmontriage.ui.engine;

import java.util.List;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/** What is open: the logs as given, every event read and the hits found in them. */
public record Investigation(List<String> paths, EventStore store, List<Hit> hits) {
  public Investigation {
    paths = List.copyOf(paths);
    hits = List.copyOf(hits);
  }
}
