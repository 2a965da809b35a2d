package org.sysmontriage.ui.details;

import java.lang.ref.SoftReference;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.incident.ProcessLineage;

/**
 * The process lineage index of the store open now, shared by both details panes: built on the first
 * worker thread that asks, kept (softly, so memory pressure may drop it) until another store is asked for.
 */
final class Lineages {
  private static SoftReference<ProcessLineage> last = new SoftReference<>(null);

  private Lineages() {}

  static synchronized ProcessLineage of(EventStore store) {
    ProcessLineage l = last.get();
    if (l == null || l.store() != store) {
      l = ProcessLineage.of(store);
      last = new SoftReference<>(l);
    }
    return l;
  }
}
