package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.ReadContext;

/** What our reader made of one file: copies of its events and the context's counts and issues. */
record ReadResult(List<EventDraft> events, long skipped, List<ImportIssue> issues) {
  static ReadResult of(Path file) throws IOException {
    return of(file, new EvtxLogReader());
  }

  static ReadResult of(Path file, EvtxLogReader reader) throws IOException {
    List<EventDraft> events = Collections.synchronizedList(new ArrayList<>());
    ReadContext ctx = new ReadContext(file.toString(), d -> events.add(d.copy()), new CancellationToken(), b -> { });
    reader.read(file, ctx);
    return new ReadResult(events, ctx.skipped(), ctx.issues());
  }
}
