package org.sysmontriage.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects events from any number of reader threads into dictionary-encoded columns, then
 * {@link #freeze()}s them into an immutable {@link EventStore}. {@link #accept} is synchronised:
 * readers parse in parallel and only the short interning step is serial.
 */
public final class EventStoreBuilder {
  static final int MAX_NAMES = 65_535;

  private final StringPool values = new StringPool();
  private final StringPool meta = new StringPool(); // computers, channels, providers
  private final StringPool names = new StringPool(); // field names
  private final List<SourceInfo> sources = new ArrayList<>();

  private int size;
  private int[] eventId = new int[1024];
  private long[] ticks = new long[1024];
  private int[] computer = new int[1024];
  private int[] channel = new int[1024];
  private int[] provider = new int[1024];
  private long[] recordId = new long[1024];
  private int[] source = new int[1024];
  private long[] rawOffset = new long[1024];
  private int[] fieldStart = new int[1025];
  private FieldPages fields = new FieldPages();
  private long droppedFields;
  private final java.util.Map<Integer, Long> droppedBySource = new java.util.HashMap<>();
  private boolean frozen;
  private EventStore store;

  /** Reserves a source slot; its {@link SourceInfo} is filled in by {@link #setSource} when done. */
  public synchronized int addSource(String displayName) {
    sources.add(new SourceInfo(displayName, null, "unknown", "", "", 0, 0, 0, List.of()));
    return sources.size() - 1;
  }

  public synchronized void setSource(int index, SourceInfo info) {
    sources.set(index, info);
  }

  /** A sink that files every event under {@code sourceIndex}. */
  public EventSink sinkFor(int sourceIndex) {
    return d -> accept(d, sourceIndex);
  }

  public synchronized void accept(EventDraft d, int sourceIndex) {
    if (frozen) {
      throw new IllegalStateException("store is frozen");
    }
    ensureEventCapacity();
    eventId[size] = d.eventId;
    ticks[size] = d.ticks;
    computer[size] = meta.intern(d.computer);
    channel[size] = meta.intern(d.channel);
    provider[size] = meta.intern(d.provider);
    recordId[size] = d.recordId;
    source[size] = sourceIndex;
    rawOffset[size] = d.rawOffset;
    int n = d.fieldCount();
    for (int i = 0; i < n; i++) {
      int nameId = names.intern(d.name(i));
      if (nameId >= MAX_NAMES) {
        droppedFields++;
        droppedBySource.merge(sourceIndex, 1L, Long::sum);
        continue;
      }
      fields.add((char) nameId, values.intern(d.value(i)));
    }
    fieldStart[++size] = fields.size();
  }

  public synchronized int size() {
    return size;
  }

  /** Fields dropped because the input used more than 65,535 distinct field names (hostile input). */
  public synchronized long droppedFields() {
    return droppedFields;
  }

  /** Fields of one source dropped because the import passed 65,535 distinct field names. */
  public synchronized long droppedFields(int sourceIndex) {
    return droppedBySource.getOrDefault(sourceIndex, 0L);
  }

  /**
   * Builds the immutable store. Events are put in a deterministic order whatever the thread
   * interleaving: by source, then by position in the source ({@code rawOffset}; arrival order
   * where offsets are unknown). Each builder column is released once copied, so freezing needs
   * one column's worth of extra memory, not a second store.
   */
  public synchronized EventStore freeze() {
    if (store != null) {
      return store;
    }
    frozen = true;
    values.freeze();
    meta.freeze();
    names.freeze();
    int[] order = sourceOrder();
    int[] fStart = new int[size + 1];
    char[] fName = new char[fields.size()];
    int[] fValue = new int[fields.size()];
    copyFields(order, fStart, fName, fValue);
    fields = null;
    int[] eid = permute(eventId, order);
    eventId = null;
    long[] t = permute(ticks, order);
    ticks = null;
    int[] comp = permute(computer, order);
    computer = null;
    int[] chan = permute(channel, order);
    channel = null;
    int[] prov = permute(provider, order);
    provider = null;
    long[] rec = permute(recordId, order);
    recordId = null;
    int[] src = permute(source, order);
    source = null;
    long[] raw = permute(rawOffset, order);
    rawOffset = null;
    store = new EventStore(size, eid, t, comp, chan, prov, rec, src, raw, fStart, fName, fValue,
        values, meta, names, List.copyOf(sources));
    return store;
  }

  /** Event indexes sorted by (source, raw offset), stable; identity when already in order. */
  private int[] sourceOrder() {
    long[] key = new long[size];
    for (int i = 0; i < size; i++) {
      long offset = Math.min(Math.max(rawOffset[i] + 1, 0), (1L << 40) - 1);
      key[i] = (long) source[i] << 40 | offset;
    }
    return IndexSort.byKey(key, size);
  }

  private void copyFields(int[] order, int[] fStart, char[] fName, int[] fValue) {
    int at = 0;
    int maxSeen = -1;
    for (int i = 0; i < size; i++) {
      int e = order[i];
      maxSeen = Math.max(maxSeen, e);
      int from = fieldStart[e];
      int n = fieldStart[e + 1] - from;
      fields.copyTo(from, n, fName, fValue, at);
      at += n;
      if (maxSeen == i) { // events 0..i are all copied out: their pages can go
        fields.releaseBefore(fieldStart[i + 1]);
      }
      fStart[i + 1] = at;
    }
  }

  private int[] permute(int[] col, int[] order) {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = col[order[i]];
    }
    return out;
  }

  private long[] permute(long[] col, int[] order) {
    long[] out = new long[size];
    for (int i = 0; i < size; i++) {
      out[i] = col[order[i]];
    }
    return out;
  }

  /** Grows every column together: all new arrays exist before any is swapped in (OOM-safe). */
  private void ensureEventCapacity() {
    if (size + 1 < eventId.length) {
      return;
    }
    int cap = eventId.length + (eventId.length >> 1);
    int[] eid = Arrays.copyOf(eventId, cap);
    long[] t = Arrays.copyOf(ticks, cap);
    int[] comp = Arrays.copyOf(computer, cap);
    int[] chan = Arrays.copyOf(channel, cap);
    int[] prov = Arrays.copyOf(provider, cap);
    long[] rec = Arrays.copyOf(recordId, cap);
    int[] src = Arrays.copyOf(source, cap);
    long[] raw = Arrays.copyOf(rawOffset, cap);
    int[] fStart = Arrays.copyOf(fieldStart, cap + 1);
    eventId = eid;
    ticks = t;
    computer = comp;
    channel = chan;
    provider = prov;
    recordId = rec;
    source = src;
    rawOffset = raw;
    fieldStart = fStart;
  }

}
