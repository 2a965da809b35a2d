package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Gathers the events the scanner finds into {@link BatchJob}s of {@value #SIZE} and hands each
 * full batch on: to a parser on the same thread, or to parser threads for a big file.
 */
final class EventCollector {
  static final int SIZE = 64;

  private final ByteBuffer buf;
  private final XmlEncoding enc;
  private final Consumer<BatchJob> sink;
  private String[] texts;
  private int[] starts;
  private long[] lines;
  private long[] columns;
  private int count;
  private String layout;
  private boolean first = true;

  EventCollector(ByteBuffer buf, XmlEncoding enc, Consumer<BatchJob> sink) {
    this.buf = buf;
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
    texts[count] = XmlLogReader.decode(buf, enc, scan.start(), scan.end());
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
