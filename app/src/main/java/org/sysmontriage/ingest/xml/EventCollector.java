package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.sysmontriage.ingest.ReadContext;

/**
 * Gathers the events the scanner finds into {@link BatchJob}s of {@value #SIZE} and hands each
 * full batch on: to a parser on the same thread, or to parser threads for a big file.
 */
final class EventCollector {
  static final int SIZE = 64;

  private final ByteBuffer buf;
  private final ReadContext ctx;
  private final XmlEncoding enc;
  private final Consumer<BatchJob> sink;
  private String[] texts;
  private int[] starts;
  private long[] lines;
  private long[] columns;
  private int count;
  private String layout;
  private boolean first = true;

  EventCollector(ByteBuffer buf, XmlEncoding enc, ReadContext ctx, Consumer<BatchJob> sink) {
    this.buf = buf;
    this.ctx = ctx;
    this.enc = enc;
    this.sink = sink;
    fresh();
  }

  /** The dialect the file's layout suggests, passed on with the first batch. */
  void layout(String dialect) {
    layout = dialect;
  }

  /** Queues the event the scanner stands on. */
  void add(EventScanner scan) {
    Utf.Decoded text = Utf.decode(buf, enc, scan.start(), scan.end());
    if (text.replaced() > 0) {
      ctx.issue(BatchParser.where(scan.start(), scan.line(), scan.column(), 1, 1), text.replaced() + " damaged "
          + (enc.width() == 2 ? "UTF-16 sequence(s) (a lone surrogate)" : enc.charset().name() + " byte sequence(s)")
          + " in this event, the first at byte 0x" + Integer.toHexString(text.firstBad())
          + ", replaced by U+FFFD; the rest of the event was read");
    }
    texts[count] = text.text();
    starts[count] = scan.start();
    lines[count] = scan.line();
    columns[count] = scan.column();
    if (++count == SIZE) {
      flush();
    }
  }

  /** Hands on the queued events, if any. */
  void flush() {
    if (count == 0) {
      return;
    }
    BatchJob job = new BatchJob(texts, starts, lines, columns, count, first ? layout : null);
    first = false;
    fresh();
    sink.accept(job);
  }

  private void fresh() {
    texts = new String[SIZE];
    starts = new int[SIZE];
    lines = new long[SIZE];
    columns = new long[SIZE];
    count = 0;
  }
}
