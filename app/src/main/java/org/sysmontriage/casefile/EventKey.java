package org.sysmontriage.casefile;

import org.sysmontriage.event.EventStore;

/**
 * Names one event across imports, as {@link HitKey} names a hit: the evidence file's SHA-256 and the
 * record id and raw offset of the event in it (never its index in the store).
 */
public record EventKey(String sourceSha256, long recordId, long rawOffset) {
  public static EventKey of(EventStore store, int e) {
    return new EventKey(store.source(e).sha256(), store.recordId(e), store.rawOffset(e));
  }

  /** The key as written in a case file: {@code sha256|recordId|rawOffset}. */
  public String text() {
    return sourceSha256 + '|' + recordId + '|' + rawOffset;
  }

  @Override
  public String toString() {
    return text();
  }
}
