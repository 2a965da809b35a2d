package org.sysmontriage.ingest;

import java.util.List;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;

/**
 * What an import produced: the frozen store and one {@link SourceInfo} per log (archive members
 * separately; files of a walked folder that are not logs appear with format {@link
 * Importer#NOT_A_LOG} and no issue).
 */
public record ImportResult(EventStore store, List<SourceInfo> sources, long elapsedNanos) {
  public ImportResult {
    sources = List.copyOf(sources);
  }

  /** True when some log could not be read, or was read only in part. */
  public boolean damaged() {
    return sources.stream().anyMatch(s -> s.damaged() || s.format().equals(Importer.UNKNOWN));
  }

  /** Events in the store. */
  public long events() {
    return store.size();
  }
}
