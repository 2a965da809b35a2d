package org.sysmontriage.ingest.json;

import org.sysmontriage.event.EventDraft;
import org.sysmontriage.ingest.ReadContext;

/**
 * Drafts one reader thread has filled, handed to the context a batch at a time. Range threads
 * share one delivery lock, so the store's per-event lock is never fought over: a thread parses its
 * next batch while another delivers. Drafts are reused, so nothing is allocated per event.
 */
final class EventBatch {
  private final ReadContext ctx;
  private final Object deliveryLock;
  private final EventDraft[] drafts;
  private int count;

  /** {@code size} 1 hands every event over at once (one thread, nothing to share). */
  EventBatch(ReadContext ctx, Object deliveryLock, int size) {
    this.ctx = ctx;
    this.deliveryLock = deliveryLock;
    this.drafts = new EventDraft[size];
    for (int i = 0; i < size; i++) {
      drafts[i] = new EventDraft();
    }
  }

  /** Where issues and notes of these events go. */
  ReadContext context() {
    return ctx;
  }

  /** The draft to fill next (cleared). */
  EventDraft next() {
    EventDraft d = drafts[count];
    d.clear();
    return d;
  }

  /** Keeps the draft returned by {@link #next()}; delivers the batch when full. */
  void commit() {
    if (++count == drafts.length) {
      flush();
    }
  }

  void flush() {
    if (count == 0) {
      return;
    }
    if (drafts.length == 1) {
      ctx.event(drafts[0]);
    } else {
      synchronized (deliveryLock) {
        for (int i = 0; i < count; i++) {
          ctx.event(drafts[i]);
        }
      }
    }
    count = 0;
  }
}
