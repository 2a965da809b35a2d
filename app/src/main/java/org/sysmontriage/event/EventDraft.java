package org.sysmontriage.event;

import java.util.Arrays;

/**
 * One event as a reader assembles it, before the store interns it. Mutable and reusable: a
 * reader fills it, hands it to {@link EventSink#accept}, then calls {@link #clear()}.
 * Field names are Sysmon's own EventData names (the canonical names of ARCHITECTURE.md).
 */
public final class EventDraft {
  /**
   * Fields kept per event (Sysmon has about 30); further distinct names of a hostile or broken
   * record are counted in {@link #droppedFields()}, which also keeps {@link #field} cheap.
   */
  public static final int MAX_FIELDS = 1024;

  public int eventId = -1;
  /** Event time in 100 ns ticks since the Unix epoch, UTC; {@link Times#UNKNOWN} when absent. */
  public long ticks = Times.UNKNOWN;
  public String computer = "";
  public String channel = "";
  public String provider = "";
  public long recordId = -1;
  /** Where the raw record starts in the read file (byte offset), for re-reading it on demand. */
  public long rawOffset = -1;

  private String[] names = new String[32];
  private String[] values = new String[32];
  private int count;
  private int dropped;

  /** Adds an EventData field; a repeated name replaces the earlier value. */
  public EventDraft field(String name, String value) {
    if (name == null || value == null) {
      return this;
    }
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        values[i] = value;
        return this;
      }
    }
    if (count == MAX_FIELDS) {
      dropped++;
      return this;
    }
    if (count == names.length) {
      names = Arrays.copyOf(names, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    names[count] = name;
    values[count++] = value;
    return this;
  }

  /** Distinct fields beyond {@link #MAX_FIELDS} that were not kept. */
  public int droppedFields() {
    return dropped;
  }

  public int fieldCount() {
    return count;
  }

  public String name(int i) {
    return names[i];
  }

  public String value(int i) {
    return values[i];
  }

  /** The value of a field, or null. */
  public String get(String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Removes a field if present. */
  public void remove(String name) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        System.arraycopy(names, i + 1, names, i, count - i - 1);
        System.arraycopy(values, i + 1, values, i, count - i - 1);
        names[--count] = null;
        values[count] = null;
        return;
      }
    }
  }

  public void clear() {
    eventId = -1;
    ticks = Times.UNKNOWN;
    computer = "";
    channel = "";
    provider = "";
    recordId = -1;
    rawOffset = -1;
    Arrays.fill(names, 0, count, null);
    Arrays.fill(values, 0, count, null);
    count = 0;
    dropped = 0;
  }

  /** A deep copy, for readers that hand drafts across threads. */
  public EventDraft copy() {
    EventDraft d = new EventDraft();
    d.eventId = eventId;
    d.ticks = ticks;
    d.computer = computer;
    d.channel = channel;
    d.provider = provider;
    d.recordId = recordId;
    d.rawOffset = rawOffset;
    d.names = Arrays.copyOf(names, Math.max(count, 1));
    d.values = Arrays.copyOf(values, Math.max(count, 1));
    d.count = count;
    d.dropped = dropped;
    return d;
  }
}
