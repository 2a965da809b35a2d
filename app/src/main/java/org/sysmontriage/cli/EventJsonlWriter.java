package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * {@code events --format jsonl}: {@code {"source", "record_id", "event_id", "channel", "provider",
 * "computer", "time", "fields": {...}}} per line; time ISO-8601 UTC, null when unknown.
 */
final class EventJsonlWriter implements EventWriter {
  private final JsonGenerator g;

  EventJsonlWriter(Writer out) {
    g = JsonLines.generator(out);
  }

  @Override
  public void write(EventStore s, int e) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", s.source(e).source());
    if (s.recordId(e) < 0) {
      g.writeNullField("record_id");
    } else {
      g.writeNumberField("record_id", s.recordId(e));
    }
    g.writeNumberField("event_id", s.eventId(e));
    g.writeStringField("channel", s.channel(e));
    g.writeStringField("provider", s.provider(e));
    g.writeStringField("computer", s.computer(e));
    String time = Times.format(s.ticks(e));
    if (time.isEmpty()) {
      g.writeNullField("time");
    } else {
      g.writeStringField("time", time);
    }
    writeFields(g, s, e);
    g.writeEndObject();
    JsonLines.endLine(g);
  }

  /** The event's fields as one JSON object, in their original order. */
  static void writeFields(JsonGenerator g, EventStore s, int e) throws IOException {
    g.writeObjectFieldStart("fields");
    for (int k = 0, n = s.fieldCount(e); k < n; k++) {
      g.writeStringField(s.fieldName(e, k), s.fieldValue(e, k));
    }
    g.writeEndObject();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
