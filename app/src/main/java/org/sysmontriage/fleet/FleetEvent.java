package org.sysmontriage.fleet;

import java.io.Serializable;
import org.sysmontriage.event.EventDraft;

/**
 * One event on its way from the piece that read it to the task that analyses its host: the
 * canonical event of {@link EventDraft} plus the log it came from and its place in the input order.
 *
 * @param file the input's place among all inputs, then the piece and the event's place in it: the
 *     order events of one log are filed in, whatever machine read them
 */
record FleetEvent(String source, int file, int part, int seq, int eventId, long ticks, String computer, String channel,
    String provider, long recordId, long rawOffset, String[] names, String[] values) implements Serializable {

  static FleetEvent of(EventDraft d, String source, int file, int part, int seq) {
    int n = d.fieldCount();
    String[] names = new String[n];
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = d.name(i);
      values[i] = d.value(i);
    }
    return new FleetEvent(source, file, part, seq, d.eventId, d.ticks, d.computer, d.channel, d.provider, d.recordId,
        d.rawOffset, names, values);
  }

  /** Fills {@code d} (cleared first) with this event. */
  void fill(EventDraft d) {
    d.clear();
    d.eventId = eventId;
    d.ticks = ticks;
    d.computer = computer;
    d.channel = channel;
    d.provider = provider;
    d.recordId = recordId;
    d.rawOffset = rawOffset;
    for (int i = 0; i < names.length; i++) {
      d.field(names[i], values[i]);
    }
  }
}
