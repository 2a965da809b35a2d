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
  private int fieldCount;
  private char[] fieldName = new char[8192];
  private int[] fieldValue = new int[8192];
  private long droppedFields;
  private boolean frozen;

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
    ensureFieldCapacity(n);
    for (int i = 0; i < n; i++) {
      int nameId = names.intern(d.name(i));
      if (nameId >= MAX_NAMES) {
        droppedFields++;
        continue;
      }
      fieldName[fieldCount] = (char) nameId;
      fieldValue[fieldCount++] = values.intern(d.value(i));
    }
    fieldStart[++size] = fieldCount;
  }

  public synchronized int size() {
    return size;
  }

  /** Fields dropped because the input used more than 65,535 distinct field names (hostile input). */
  public synchronized long droppedFields() {
    return droppedFields;
  }

  public synchronized EventStore freeze() {
    frozen = true;
    values.freeze();
    meta.freeze();
    names.freeze();
    return new EventStore(
        size,
        Arrays.copyOf(eventId, size),
        Arrays.copyOf(ticks, size),
        Arrays.copyOf(computer, size),
        Arrays.copyOf(channel, size),
        Arrays.copyOf(provider, size),
        Arrays.copyOf(recordId, size),
        Arrays.copyOf(source, size),
        Arrays.copyOf(rawOffset, size),
        Arrays.copyOf(fieldStart, size + 1),
        Arrays.copyOf(fieldName, fieldCount),
        Arrays.copyOf(fieldValue, fieldCount),
        values,
        meta,
        names,
        List.copyOf(sources));
  }

  private void ensureEventCapacity() {
    if (size + 1 < eventId.length) {
      return;
    }
    int cap = eventId.length + (eventId.length >> 1);
    eventId = Arrays.copyOf(eventId, cap);
    ticks = Arrays.copyOf(ticks, cap);
    computer = Arrays.copyOf(computer, cap);
    channel = Arrays.copyOf(channel, cap);
    provider = Arrays.copyOf(provider, cap);
    recordId = Arrays.copyOf(recordId, cap);
    source = Arrays.copyOf(source, cap);
    rawOffset = Arrays.copyOf(rawOffset, cap);
    fieldStart = Arrays.copyOf(fieldStart, cap + 1);
  }

  private void ensureFieldCapacity(int more) {
    if (fieldCount + more <= fieldName.length) {
      return;
    }
    int cap = Math.max(fieldCount + more, fieldName.length + (fieldName.length >> 1));
    fieldName = Arrays.copyOf(fieldName, cap);
    fieldValue = Arrays.copyOf(fieldValue, cap);
  }
}
