package org.sysmontriage.ingest.xml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/**
 * Windows event logs exported as XML: Event Viewer "Save All Events As" ({@code <Events>} root),
 * Splunk XmlWinEventLog (one event per line), {@code wevtutil qe /f:xml} (events concatenated
 * without a root, often UTF-16LE with BOM) and pretty-printed rootless dumps. The file is
 * memory-mapped read-only; {@link EventScanner} cuts it into events, {@link EventCollector} groups
 * them into batches and {@link BatchParser} parses each batch with one hardened StAX reader
 * ({@link EventXmlParser}), on several threads for a big file ({@link ParallelParsing}). A broken
 * event is skipped with its line, column and byte offset; reading resumes at the next
 * {@code <Event}. A DTD anywhere outside events refuses the rest of the file before any parser sees it.
 */
public final class XmlLogReader implements LogReader {
  public static final String EVENT_VIEWER = "event-viewer";
  public static final String SPLUNK = "splunk-xmlwineventlog";
  public static final String WEVTUTIL = "wevtutil";
  public static final String PRETTY = "evtx-xml";

  /** Files from this size on are parsed on several threads. */
  static final int PARALLEL_FROM_BYTES = 8 * 1024 * 1024;

  private final int threads;

  /** A reader that parses one big file on as many threads as there are processors. */
  public XmlLogReader() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A reader that parses one big file on at most {@code threads} threads. */
  public XmlLogReader(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public String format() {
    return "xml";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    MappedByteBuffer buf = map(file);
    XmlEncoding enc = XmlEncoding.detect(buf);
    if (threads > 1 && buf.limit() >= PARALLEL_FROM_BYTES) {
      try (ParallelParsing parallel = new ParallelParsing(ctx, threads)) {
        scan(buf, enc, ctx, new EventCollector(buf, enc, ctx, parallel));
        parallel.finish();
      }
    } else {
      scan(buf, enc, ctx, new EventCollector(buf, enc, ctx, new BatchParser(ctx)::parse));
    }
  }

  private static void scan(MappedByteBuffer buf, XmlEncoding enc, ReadContext ctx, EventCollector events) {
    EventScanner scan = new EventScanner(buf, enc, XmlLimits.MAX_EVENT_BYTES);
    JunkRanges junk = new JunkRanges(ctx);
    long seen = 0;
    for (EventScanner.Found f = scan.next(); f != EventScanner.Found.END; f = scan.next()) {
      if (f == EventScanner.Found.JUNK) {
        events.flush();
        junk.found(where(scan), describe(buf, enc, scan), scan.junkWasAnEvent());
        continue;
      }
      seen++;
      junk.eventSeen();
      if (f == EventScanner.Found.EVENT) {
        if (seen <= 2) {
          events.layout(layout(scan, enc));
        }
        events.add(scan);
      } else {
        events.flush();
        if (f == EventScanner.Found.DTD) {
          ctx.skip(where(scan), "refused: the file declares a DTD (<!DOCTYPE> or <!ENTITY>). Windows event "
              + "exports never do, and DTDs enable entity expansion (billion laughs) and external entities (XXE); "
              + "nothing after this point was read");
          return;
        }
        ctx.skip(where(scan), f == EventScanner.Found.UNCLOSED
            ? "the <Event> element is not closed by </Event> before the next event or the end of the file"
            : "an <Event> element is larger than " + XmlLimits.MAX_EVENT_BYTES / (1024 * 1024) + " MB; skipped");
      }
      if ((seen & 255) == 0) {
        ctx.checkCancelled();
        ctx.bytesRead(scan.end());
      }
    }
    events.flush();
    ctx.bytesRead(buf.limit());
    if (!junk.finish(seen > 0)) {
      ctx.issue("line 1", notAnEventLog(scan));
    }
  }

  /** What a junk range holds, for its issue: its length and its start, quoted (control characters escaped). */
  private static String describe(ByteBuffer buf, XmlEncoding enc, EventScanner scan) {
    int length = scan.end() - scan.start();
    int shown = Math.min(length, 48 * enc.width());
    String text = decode(buf, enc, scan.start(), scan.start() + shown).strip();
    StringBuilder b = new StringBuilder();
    text.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? " " : Character.toString(c)));
    return length + " bytes starting \"" + b + (shown < length ? "…" : "") + "\"";
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    MappedByteBuffer buf = map(file);
    XmlEncoding enc = XmlEncoding.detect(buf);
    if (offset < enc.start() || offset >= buf.limit()) {
      throw new TriageException("No event at byte " + offset + " of " + file + ": the file is " + buf.limit() + " bytes long");
    }
    EventScanner scan = new EventScanner(buf, enc, XmlLimits.MAX_EVENT_BYTES);
    int end = scan.endOfEventAt((int) offset);
    if (end < 0) {
      throw new TriageException("No complete <Event> starts at byte " + offset + " of " + file + " (has the file changed since it was read?)");
    }
    return decode(buf, enc, (int) offset, end);
  }

  /**
   * A label for what the file looks like (parsing is the same for all): an {@code <Events>} root is
   * Event Viewer; rootless pretty-printed events are an evtx dump tool's; rootless one-line events
   * are Splunk's when each starts a line (or carries RenderingInfo), wevtutil's when UTF-16 or
   * concatenated. Decided on the first two events.
   */
  private static String layout(EventScanner scan, XmlEncoding enc) {
    if (scan.eventsRoot()) {
      return EVENT_VIEWER;
    }
    if (scan.line() != scan.currentLine()) {
      return PRETTY;
    }
    return enc.width() == 2 || scan.column() > 1 ? WEVTUTIL : SPLUNK;
  }

  private static String where(EventScanner scan) {
    return BatchParser.where(scan.start(), scan.line(), scan.column(), 1, 1);
  }

  private static String notAnEventLog(EventScanner scan) {
    String root = scan.firstElement();
    if (root == null) {
      return "no XML elements found: this is not a Windows event log export";
    }
    return "not a Windows event log: the XML holds <" + root + "> but no <Event> elements (expected an Event Viewer "
        + "export, Splunk XmlWinEventLog or wevtutil /f:xml output)";
  }

  static String decode(ByteBuffer buf, XmlEncoding enc, int from, int to) {
    return Utf.decode(buf, enc, from, to).text();
  }

  private static MappedByteBuffer map(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new TriageException(file + " is larger than 2 GB; split the XML export (wevtutil epl with a query) and open the parts");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }
}
