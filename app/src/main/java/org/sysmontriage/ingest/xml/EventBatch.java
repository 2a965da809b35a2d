package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.ingest.ReadContext;

/**
 * Events of one file waiting to be parsed. Creating a StAX reader costs more than parsing a
 * small event, so events are parsed {@value #SIZE} at a time inside a wrapper element with one
 * reader. When a batch fails anywhere, its events are parsed one by one, so the good ones are kept
 * and the broken one is reported with its own line and column: the result is the same as parsing
 * every event alone, only faster.
 */
final class EventBatch {
  static final int SIZE = 64;

  private final ByteBuffer buf;
  private final XmlEncoding enc;
  private final ReadContext ctx;
  private final EventXmlParser parser = new EventXmlParser();
  private final EventDraft[] drafts = new EventDraft[SIZE];
  private final int[] starts = new int[SIZE];
  private final int[] ends = new int[SIZE];
  private final long[] lines = new long[SIZE];
  private final long[] columns = new long[SIZE];
  private int count;
  private String layout;

  EventBatch(ByteBuffer buf, XmlEncoding enc, ReadContext ctx) {
    this.buf = buf;
    this.enc = enc;
    this.ctx = ctx;
    for (int i = 0; i < SIZE; i++) {
      drafts[i] = new EventDraft();
    }
  }

  /** The dialect the file's layout suggests; refined by RenderingInfo when the first batch is parsed. */
  void layout(String dialect) {
    layout = dialect;
  }

  /** Queues the event the scanner stands on. */
  void add(EventScanner scan) {
    starts[count] = scan.start();
    ends[count] = scan.end();
    lines[count] = scan.line();
    columns[count] = scan.column();
    if (++count == SIZE) {
      flush();
    }
  }

  /** Parses and hands over every queued event. */
  void flush() {
    if (count == 0) {
      return;
    }
    if (!parseTogether()) {
      for (int i = 0; i < count; i++) {
        parseAlone(i);
      }
    }
    if (layout != null && ctx.dialect().isEmpty()) {
      ctx.dialect(parser.hadRenderingInfo() && layout.equals(XmlLogReader.WEVTUTIL) ? XmlLogReader.SPLUNK : layout);
    }
    count = 0;
  }

  private boolean parseTogether() {
    if (count == 1) {
      return false;
    }
    StringBuilder xml = new StringBuilder((ends[count - 1] - starts[0]) / enc.width() + 16).append("<B>");
    for (int i = 0; i < count; i++) {
      xml.append(decode(i));
    }
    xml.append("</B>");
    int parsed;
    try {
      parsed = parser.parseBatch(xml.toString(), drafts);
    } catch (BadEventException e) {
      return false;
    }
    if (parsed != count) {
      return false;
    }
    for (int i = 0; i < count; i++) {
      drafts[i].rawOffset = starts[i];
      ctx.event(drafts[i]);
    }
    return true;
  }

  private void parseAlone(int i) {
    EventDraft d = drafts[0];
    try {
      parser.parse(decode(i), d);
    } catch (BadEventException e) {
      ctx.skip(where(starts[i], lines[i], columns[i], e.line(), e.column()), e.getMessage());
      return;
    }
    d.rawOffset = starts[i];
    ctx.event(d);
  }

  private String decode(int i) {
    return XmlLogReader.decode(buf, enc, starts[i], ends[i]);
  }

  /** "line 12, column 5 (byte 0x1f40)": a place inside the event that starts at {@code start}. */
  static String where(int start, long line, long column, int lineInEvent, int columnInEvent) {
    long l = line + lineInEvent - 1;
    long c = lineInEvent <= 1 ? column + columnInEvent - 1 : columnInEvent;
    return "line " + l + ", column " + c + " (byte 0x" + Long.toHexString(start) + ")";
  }
}
