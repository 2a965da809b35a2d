package org.sysmontriage.event;

/**
 * A store of N events made from the events of a real one, for benchmarks: event {@code i} is a copy of
 * real event {@code i % size} (of seed {@code i % seeds} when only some events are copied), copy
 * {@code k = i / size} runs {@code k} ms later (or where a {@link CopyPlace} puts it: another computer, another
 * hour), has record id {@code i}, and each field value of copies {@code k > 0} comes from {@link CopyValue}, so a benchmark decides how
 * its copies differ (the work it names is done on distinct values, not answered by a cache).
 */
public final class EventReplicas {
  private EventReplicas() {}

  /** The value of field {@code name} in copy {@code copy} (> 0) of an event whose time is {@code ticks}. */
  @FunctionalInterface
  public interface CopyValue {
    String of(String name, String value, int copy, long ticks);
  }

  /** Where copy {@code copy} of an event lives: its computer and its time. */
  public interface CopyPlace {
    String computer(String computer, int copy);

    long ticks(long ticks, int copy);
  }

  /** Every copy on the real event's computer, copy {@code k} {@code k} ms later. */
  public static final CopyPlace SAME_HOST = new CopyPlace() {
    @Override
    public String computer(String computer, int copy) {
      return computer;
    }

    @Override
    public long ticks(long ticks, int copy) {
      return ticks + copy * 10_000L;
    }
  };

  public static EventStore replicate(EventStore real, int n, CancellationToken cancel, CopyValue copyValue) {
    return replicate(real, n, cancel, copyValue, SAME_HOST);
  }

  /** As {@link #replicate(EventStore, int, CancellationToken, CopyValue)}, copies placed by {@code place}. */
  public static EventStore replicate(EventStore real, int n, CancellationToken cancel, CopyValue copyValue, CopyPlace place) {
    int[] all = new int[real.size()];
    java.util.Arrays.setAll(all, i -> i);
    return replicate(real, all, n, cancel, copyValue, place);
  }

  /** As {@link #replicate(EventStore, int, CancellationToken, CopyValue, CopyPlace)}, copying only the real events {@code seeds}, in their order. */
  public static EventStore replicate(EventStore real, int[] seeds, int n, CancellationToken cancel, CopyValue copyValue, CopyPlace place) {
    if (seeds.length == 0) {
      throw new IllegalArgumentException("no events to copy");
    }
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("synthetic");
    EventDraft d = new EventDraft();
    for (int i = 0; i < n; i++) {
      if ((i & 0xffff) == 0) {
        cancel.check();
      }
      int e = seeds[i % seeds.length];
      int copy = i / seeds.length;
      d.clear();
      d.eventId = real.eventId(e);
      d.ticks = place.ticks(real.ticks(e), copy);
      d.computer = place.computer(real.computer(e), copy);
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
