package org.sysmontriage.casefile;

import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/**
 * Names one hit across imports: the evidence file's SHA-256, the record id and raw offset of the
 * event in it, and the analytic. It never uses the event's index in the store, so reopening the
 * same logs in another order (or with more logs) finds the same key.
 */
public record HitKey(String sourceSha256, long recordId, long rawOffset, String analyticId) {
  private static final char SEP = '|';

  public static HitKey of(EventStore store, Hit hit) {
    int e = hit.event();
    return new HitKey(store.source(e).sha256(), store.recordId(e), store.rawOffset(e), hit.analytic().id());
  }

  /** The key as written in a case file: {@code sha256|recordId|rawOffset|analyticId}. */
  public String text() {
    return sourceSha256 + SEP + recordId + SEP + rawOffset + SEP + analyticId;
  }

  /** Reads {@link #text()} back; the analytic id may itself contain any character but the first three separators. */
  public static HitKey parse(String text) {
    String[] p = text.split("\\|", 4);
    if (p.length != 4) {
      throw new IllegalArgumentException("not a hit key: " + text);
    }
    return new HitKey(p[0], Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]);
  }

  @Override
  public String toString() {
    return text();
  }
}
