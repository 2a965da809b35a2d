package org.sysmontriage.ingest.xml;

import org.sysmontriage.event.EventDraft;
import org.sysmontriage.ingest.ReadContext;

/**
 * Parses {@link BatchJob}s on one thread. Creating a StAX reader costs more than parsing a small
 * event, so a batch is parsed inside a wrapper element with one reader. When that fails anywhere,
 * its events are parsed one by one, so the good ones are kept and the broken one is reported with
 * its own line and column: the result is the same as parsing every event alone, only faster.
 */
final class BatchParser {
  private final ReadContext ctx;
  private final EventXmlParser parser = new EventXmlParser();
  private final EventDraft[] drafts = new EventDraft[EventCollector.SIZE];

  BatchParser(ReadContext ctx) {
    this.ctx = ctx;
    for (int i = 0; i < drafts.length; i++) {
      drafts[i] = new EventDraft();
    }
  }

  void parse(BatchJob job) {
    ctx.checkCancelled();
    if (!parseTogether(job)) {
      for (int i = 0; i < job.count(); i++) {
        parseAlone(job, i);
      }
    }
    if (job.layout() != null) {
      boolean splunk = parser.hadRenderingInfo() && job.layout().equals(XmlLogReader.WEVTUTIL);
      ctx.dialect(splunk ? XmlLogReader.SPLUNK : job.layout());
    }
  }

  private boolean parseTogether(BatchJob job) {
    int count = job.count();
    if (count == 1) {
      return false;
    }
    int length = 16;
    for (int i = 0; i < count; i++) {
      length += job.texts()[i].length();
    }
    StringBuilder xml = new StringBuilder(length).append("<B>");
    for (int i = 0; i < count; i++) {
      xml.append(job.texts()[i]);
    }
    xml.append("</B>");
    try {
      if (parser.parseBatch(xml.toString(), drafts) != count) {
        return false;
      }
    } catch (BadEventException e) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      drafts[i].rawOffset = job.starts()[i];
      ctx.event(drafts[i]);
    }
    return true;
  }

  private void parseAlone(BatchJob job, int i) {
    EventDraft d = drafts[0];
    try {
      parser.parse(job.texts()[i], d);
    } catch (BadEventException e) {
      ctx.skip(where(job.starts()[i], job.lines()[i], job.columns()[i], e.line(), e.column()), e.getMessage());
      return;
    }
    d.rawOffset = job.starts()[i];
    ctx.event(d);
  }

  /** "line 12, column 5 (byte 0x1f40)": a place inside the event that starts at {@code start}. */
  static String where(int start, long line, long column, int lineInEvent, int columnInEvent) {
    long l = line + lineInEvent - 1;
    long c = lineInEvent <= 1 ? column + columnInEvent - 1 : columnInEvent;
    return "line " + l + ", column " + c + " (byte 0x" + Long.toHexString(start) + ")";
  }
}
