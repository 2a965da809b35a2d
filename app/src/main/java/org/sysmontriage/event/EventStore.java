package org.sysmontriage.event;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every imported event, in columns: primitive arrays and dictionary-encoded strings, immutable
 * once built and safe to read from any thread. Events are addressed by their index (0..size-1) in
 * import order; {@link #byTime()} gives them in time order. The raw record is not kept: {@link
 * #source(int)} and {@link #rawOffset(int)} say where to re-read it.
 */
public final class EventStore {
  private final int size;
  private final int[] eventId;
  private final long[] ticks;
  private final int[] computer;
  private final int[] channel;
  private final int[] provider;
  private final long[] recordId;
  private final int[] source;
  private final long[] rawOffset;
  private final int[] fieldStart;
  private final char[] fieldName;
  private final int[] fieldValue;
  private final StringPool values;
  private final StringPool meta;
  private final StringPool names;
  private final List<SourceInfo> sources;
  private final int[] byTime;
  private final Map<Integer, int[]> byEventId;
  private final int[][] byComputer;

  EventStore(int size, int[] eventId, long[] ticks, int[] computer, int[] channel, int[] provider,
      long[] recordId, int[] source, long[] rawOffset, int[] fieldStart, char[] fieldName,
      int[] fieldValue, StringPool values, StringPool meta, StringPool names, List<SourceInfo> sources) {
    this.size = size;
    this.eventId = eventId;
    this.ticks = ticks;
    this.computer = computer;
    this.channel = channel;
    this.provider = provider;
    this.recordId = recordId;
    this.source = source;
    this.rawOffset = rawOffset;
    this.fieldStart = fieldStart;
    this.fieldName = fieldName;
    this.fieldValue = fieldValue;
    this.values = values;
    this.meta = meta;
    this.names = names;
    this.sources = sources;
    this.byTime = IndexSort.byKey(ticks, size);
    this.byEventId = groupBy(eventId);
    this.byComputer = groupByDense(computer, meta.size());
  }

  /** An empty store. */
  public static EventStore empty() {
    return new EventStoreBuilder().freeze();
  }

  public int size() {
    return size;
  }

  public int eventId(int e) {
    return eventId[e];
  }

  public long ticks(int e) {
    return ticks[e];
  }

  public String computer(int e) {
    return meta.get(computer[e]);
  }

  /** Dictionary id of the event's computer, for fast grouping; see {@link #metaString}. */
  public int computerId(int e) {
    return computer[e];
  }

  public String channel(int e) {
    return meta.get(channel[e]);
  }

  public String provider(int e) {
    return meta.get(provider[e]);
  }

  public String metaString(int id) {
    return meta.get(id);
  }

  public long recordId(int e) {
    return recordId[e];
  }

  public SourceInfo source(int e) {
    return sources.get(source[e]);
  }

  public int sourceIndex(int e) {
    return source[e];
  }

  public long rawOffset(int e) {
    return rawOffset[e];
  }

  public List<SourceInfo> sources() {
    return sources;
  }

  public int fieldCount(int e) {
    return fieldStart[e + 1] - fieldStart[e];
  }

  public String fieldName(int e, int k) {
    return names.get(fieldName[fieldStart[e] + k]);
  }

  public String fieldValue(int e, int k) {
    return values.get(fieldValue[fieldStart[e] + k]);
  }

  /** The name id of the {@code k}-th field of event {@code e} (see {@link #name(int)}). */
  public int nameIdAt(int e, int k) {
    return fieldName[fieldStart[e] + k];
  }

  /** The value id of the {@code k}-th field of event {@code e} (see {@link #value(int)}). */
  public int valueIdAt(int e, int k) {
    return fieldValue[fieldStart[e] + k];
  }

  /** Number of distinct field names (ids 0 .. nameCount()-1). */
  public int nameCount() {
    return names.size();
  }

  /** The field name with this id. */
  public String name(int nameId) {
    return names.get(nameId);
  }

  /** The id of a field name, or -1 when no event has it. */
  public int nameId(String name) {
    return names.find(name);
  }

  /** The value id of field {@code nameId} in event {@code e}, or -1 when the event lacks it. */
  public int valueId(int e, int nameId) {
    for (int k = fieldStart[e], end = fieldStart[e + 1]; k < end; k++) {
      if (fieldName[k] == nameId) {
        return fieldValue[k];
      }
    }
    return -1;
  }

  /** The value of field {@code name} in event {@code e}, or null when absent. */
  public String field(int e, String name) {
    int id = names.find(name);
    if (id < 0) {
      return null;
    }
    int v = valueId(e, id);
    return v < 0 ? null : values.get(v);
  }

  /** Every field of an event in its original order. */
  public Map<String, String> fields(int e) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int k = 0, n = fieldCount(e); k < n; k++) {
      m.put(fieldName(e, k), fieldValue(e, k));
    }
    return m;
  }

  /** Fills {@code d} (cleared first) with event {@code e}: the inverse of importing it. */
  public void copyTo(int e, EventDraft d) {
    d.clear();
    d.eventId = eventId(e);
    d.ticks = ticks(e);
    d.computer = computer(e);
    d.channel = channel(e);
    d.provider = provider(e);
    d.recordId = recordId(e);
    d.rawOffset = rawOffset(e);
    for (int k = 0, n = fieldCount(e); k < n; k++) {
      d.field(fieldName(e, k), fieldValue(e, k));
    }
  }

  public String value(int valueId) {
    return values.get(valueId);
  }

  /** Number of distinct field values: per-value caches in matchers are sized by it. */
  public int valueCount() {
    return values.size();
  }

  /** Event indexes in time order (unknown times first; ties keep import order). Do not modify. */
  public int[] byTime() {
    return byTime;
  }

  /** Event indexes with this EventID, ascending; empty when none. Do not modify. */
  public int[] byEventId(int id) {
    return byEventId.getOrDefault(id, new int[0]);
  }

  /** The EventIDs present. */
  public int[] eventIds() {
    return byEventId.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Event indexes of one computer (by its dictionary id), ascending. Do not modify. */
  public int[] byComputerId(int computerId) {
    return computerId >= 0 && computerId < byComputer.length && byComputer[computerId] != null ? byComputer[computerId] : new int[0];
  }

  /** Distinct computer names, sorted. */
  public List<String> computers() {
    return Arrays.stream(computer).distinct().mapToObj(meta::get).sorted().toList();
  }

  /** Approximate heap bytes held by the store: columns, dictionaries and indexes. */
  public long bytesUsed() {
    long b = 4L * eventId.length + 8L * ticks.length + 4L * computer.length + 4L * channel.length
        + 4L * provider.length + 8L * recordId.length + 4L * source.length + 8L * rawOffset.length
        + 4L * fieldStart.length + 2L * fieldName.length + 4L * fieldValue.length + 4L * byTime.length;
    for (int[] ids : byEventId.values()) {
      b += 16 + 4L * ids.length;
    }
    for (int[] ids : byComputer) {
      b += ids == null ? 0 : 16 + 4L * ids.length;
    }
    return b + values.bytesUsed() + meta.bytesUsed() + names.bytesUsed();
  }

  private Map<Integer, int[]> groupBy(int[] keys) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      counts.merge(keys[i], 1, Integer::sum);
    }
    Map<Integer, int[]> out = new LinkedHashMap<>();
    Map<Integer, Integer> fill = new LinkedHashMap<>();
    counts.forEach((k, c) -> {
      out.put(k, new int[c]);
      fill.put(k, 0);
    });
    for (int i = 0; i < size; i++) {
      int at = fill.merge(keys[i], 1, Integer::sum) - 1;
      out.get(keys[i])[at] = i;
    }
    return out;
  }

  private int[][] groupByDense(int[] keys, int distinct) {
    int[] counts = new int[distinct];
    for (int i = 0; i < size; i++) {
      counts[keys[i]]++;
    }
    int[][] out = new int[distinct][];
    for (int k = 0; k < distinct; k++) {
      out[k] = counts[k] == 0 ? null : new int[counts[k]];
    }
    int[] fill = new int[distinct];
    for (int i = 0; i < size; i++) {
      out[keys[i]][fill[keys[i]]++] = i;
    }
    return out;
  }
}
