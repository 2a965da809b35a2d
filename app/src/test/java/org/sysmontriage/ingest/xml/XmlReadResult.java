package org.sysmontriage.ingest.xml;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.Times;
import org.sysmontriage.ingest.ReadContext;

/** What {@link XmlLogReader} made of one file, and its canonical text for golden files. */
record XmlReadResult(List<EventDraft> events, ReadContext ctx) {

  static XmlReadResult read(Path file) throws IOException {
    List<EventDraft> events = new ArrayList<>();
    ReadContext ctx = new ReadContext(file.getFileName().toString(), d -> events.add(d.copy()), new CancellationToken(), b -> { });
    new XmlLogReader().read(file, ctx);
    return new XmlReadResult(events, ctx);
  }

  List<ImportIssue> issues() {
    return ctx.issues();
  }

  /** One block per event (system members, then fields in document order), then the issues. */
  String canonical() {
    StringBuilder b = new StringBuilder();
    b.append("dialect: ").append(ctx.dialect()).append('\n');
    for (EventDraft d : events) {
      b.append("event offset=").append(d.rawOffset).append(" record=").append(d.recordId).append(" id=").append(d.eventId)
          .append(" time=").append(Times.format(d.ticks)).append('\n');
      b.append("  computer=").append(d.computer).append(" channel=").append(d.channel).append(" provider=").append(d.provider).append('\n');
      for (int i = 0; i < d.fieldCount(); i++) {
        b.append("  ").append(d.name(i)).append('=').append(d.value(i)).append('\n');
      }
    }
    for (ImportIssue i : ctx.issues()) {
      b.append("issue ").append(i.where()).append(": ").append(i.message()).append('\n');
    }
    b.append("events=").append(ctx.events()).append(" skipped=").append(ctx.skipped()).append('\n');
    return b.toString();
  }
}
