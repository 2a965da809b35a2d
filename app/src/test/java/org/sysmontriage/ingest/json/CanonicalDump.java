package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.Times;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/**
 * Reads a log with a reader and renders what it produced as text, one canonical event per line
 * (system members, then EventData in reading order), followed by the dialect and the issues.
 * The golden files hold exactly this text.
 */
final class CanonicalDump {
  private static final JsonFactory JSON = new JsonFactory();

  private CanonicalDump() {}

  /** Every event and issue of {@code file}; with a one-thread reader in the file's order. */
  static Result read(LogReader reader, Path file) throws IOException {
    List<EventDraft> events = java.util.Collections.synchronizedList(new ArrayList<>());
    ReadContext ctx = new ReadContext(file.getFileName().toString(), d -> events.add(d.copy()), new CancellationToken(), b -> { });
    reader.read(file, ctx);
    return new Result(events, ctx);
  }

  /** The events and the context that counted them. */
  record Result(List<EventDraft> events, ReadContext ctx) {
    String render() {
      StringBuilder out = new StringBuilder();
      for (EventDraft d : events) {
        out.append(line(d)).append('\n');
      }
      out.append("# dialect: ").append(ctx.dialect()).append('\n');
      out.append("# events: ").append(ctx.events()).append(", skipped: ").append(ctx.skipped()).append('\n');
      for (ImportIssue i : ctx.issues()) {
        out.append("# issue: ").append(i.where()).append(": ").append(i.message()).append('\n');
      }
      return out.toString();
    }
  }

  static String line(EventDraft d) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeNumberField("event_id", d.eventId);
      g.writeStringField("time", Times.format(d.ticks));
      g.writeStringField("computer", d.computer);
      g.writeStringField("channel", d.channel);
      g.writeStringField("provider", d.provider);
      g.writeNumberField("record_id", d.recordId);
      g.writeNumberField("raw_offset", d.rawOffset);
      g.writeObjectFieldStart("fields");
      for (int i = 0; i < d.fieldCount(); i++) {
        g.writeStringField(d.name(i), d.value(i));
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }
}
