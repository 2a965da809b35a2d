package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.Times;

/**
 * Builds small stores and the hits on them for incident tests: events are added with a time in
 * seconds after 2024-03-14T08:00:00Z; {@link #hit} marks the last event as reported by an analytic
 * (made up here: the engine must not depend on the built-in analytic ids).
 */
final class Story {
  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
  static final long BASE = Times.parse("2024-03-14T08:00:00Z");

  private final List<EventDraft> drafts = new ArrayList<>();
  private final List<int[]> marks = new ArrayList<>();
  private final List<Analytic> analytics = new ArrayList<>();
  private EventStore store;

  Story sysmon(String host, long second, int eventId, String... fields) {
    return add(host, SYSMON, second, eventId, fields);
  }

  Story security(String host, long second, int eventId, String... fields) {
    return add(host, "Security", second, eventId, fields);
  }

  private Story add(String host, String channel, long second, int eventId, String... fields) {
    EventDraft d = new EventDraft();
    d.eventId = eventId;
    d.channel = channel;
    d.computer = host;
    d.ticks = BASE + second * Times.TICKS_PER_SECOND;
    d.recordId = drafts.size() + 1;
    for (int i = 0; i + 1 < fields.length; i += 2) {
      d.field(fields[i], fields[i + 1]);
    }
    drafts.add(d);
    return this;
  }

  /** The last event is a hit of analytic {@code id} with this risk (impact 100) and technique. */
  Story hit(String id, int risk, String technique) {
    Analytic a = new Analytic(id, id + " title", "", Severity.ofRisk(risk), List.of(technique), List.of("credential-access"), 100, risk);
    marks.add(new int[] {drafts.size() - 1, analytics.size()});
    analytics.add(a);
    return this;
  }

  EventStore store() {
    if (store == null) {
      EventStoreBuilder b = new EventStoreBuilder();
      int src = b.addSource("story.evtx");
      drafts.forEach(d -> b.accept(d, src));
      store = b.freeze();
    }
    return store;
  }

  List<Hit> hits() {
    store();
    List<Hit> out = new ArrayList<>();
    for (int[] m : marks) {
      out.add(new Hit(m[0], analytics.get(m[1]), List.of()));
    }
    return out;
  }

  IncidentResult incidents(IncidentOptions options) {
    return new IncidentEngine(options).run(store(), hits(), new org.sysmontriage.event.CancellationToken());
  }

  IncidentResult incidents() {
    return incidents(IncidentOptions.defaults());
  }
}
