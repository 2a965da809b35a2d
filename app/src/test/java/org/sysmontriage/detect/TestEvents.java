package org.sysmontriage.detect;

import java.util.List;
import java.util.Map;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.Times;

/** Builds small stores of Sysmon events for engine tests. */
final class TestEvents {
  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";

  private TestEvents() {}

  /** A Sysmon event: EventID and alternating field name / value pairs. */
  static EventDraft sysmon(int eventId, String... fields) {
    EventDraft d = new EventDraft();
    d.eventId = eventId;
    d.channel = SYSMON;
    d.provider = "Microsoft-Windows-Sysmon";
    d.computer = "host1.example.org";
    for (int i = 0; i + 1 < fields.length; i += 2) {
      d.field(fields[i], fields[i + 1]);
    }
    String utc = d.get("UtcTime");
    d.ticks = utc == null ? Times.UNKNOWN : Times.parse(utc);
    return d;
  }

  static EventDraft security(int eventId, String... fields) {
    EventDraft d = sysmon(eventId, fields);
    d.channel = "Security";
    d.provider = "Microsoft-Windows-Security-Auditing";
    return d;
  }

  static EventStore store(List<EventDraft> drafts) {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("test");
    long rec = 1;
    for (EventDraft d : drafts) {
      if (d.recordId < 0) {
        d.recordId = rec++;
      }
      b.accept(d, src);
    }
    return b.freeze();
  }

  static EventStore store(EventDraft... drafts) {
    return store(List.of(drafts));
  }

  /** Fields of a draft as a map (for messages). */
  static Map<String, String> fields(EventDraft d) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < d.fieldCount(); i++) {
      m.put(d.name(i), d.value(i));
    }
    return m;
  }
}
