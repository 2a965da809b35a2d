package org.sysmontriage.event;

/**
 * A store of N events made from the events of a real one, for benchmarks: event {@code i} is a copy of
 * real event {@code i % size}, copy {@code k = i / size} runs {@code k} ms later, has record id {@code i},
 * and each field value of copies {@code k > 0} comes from {@link CopyValue}, so a benchmark decides how
 * its copies differ (the work it names is done on distinct values, not answered by a cache).
 */
public final class EventReplicas {
  private EventReplicas() {}

  /** The value of field {@code name} in copy {@code copy} (> 0) of an event whose time is {@code ticks}. */
  @FunctionalInterface
  public interface CopyValue {
    String of(String name, String value, int copy, long ticks);
  }

  public static EventStore replicate(EventStore real, int n, CancellationToken cancel, CopyValue copyValue) {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("synthetic");
    EventDraft d = new EventDraft();
    for (int i = 0; i < n; i++) {
      if ((i & 0xffff) == 0) {
        cancel.check();
      }
      int e = i % real.size();
      int copy = i / real.size();
      d.clear();
      d.eventId = real.eventId(e);
      d.ticks = real.ticks(e) + copy * 10_000L;
      d.computer = real.computer(e);
      d.channel = real.channel(e);
      d.provider = real.provider(e);
      d.recordId = i;
      for (int k = 0, m = real.fieldCount(e); k < m; k++) {
        String name = real.fieldName(e, k);
        String value = real.fieldValue(e, k);
        d.field(name, copy == 0 ? value : copyValue.of(name, value, copy, d.ticks));
      }
      b.accept(d, src);
    }
    return b.freeze();
  }
}
