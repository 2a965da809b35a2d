package org.sysmontriage.event;

/** Receives events from a reader. The draft may be reused by the caller after the call returns. */
@FunctionalInterface
public interface EventSink {
  void accept(EventDraft draft);
}
