package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.LogReader;
import org.sysmontriage.ingest.ReadContext;

/**
 * JSON logs: one document, an array of documents, or one object per line (NDJSON), in the
 * dialects of {@code dialects.json} (winlogbeat 6/7/8, Elasticsearch hits, OTRF flat, NXLog,
 * XML-as-JSON), detected per record. A large NDJSON file is parsed on several threads.
 */
public final class JsonLogReader implements LogReader {
  private static final int HEAD = 64 * 1024;
  private static final int SNIFF_LINES = 50;
  private final JsonDialects table;
  private final int threads;

  public JsonLogReader() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A reader that parses one big file on at most {@code threads} threads. */
  public JsonLogReader(int threads) {
    this.table = JsonDialects.standard();
    this.threads = Math.max(1, threads);
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public void read(Path file, ReadContext ctx) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] head = new byte[(int) Math.min(HEAD, ch.size())];
      int len = Math.max(0, ch.read(ByteBuffer.wrap(head), 0));
      int bom = ObjectScanner.bomLength(head, 0, len);
      int first = ObjectScanner.skipSpace(head, bom, len);
      if (first >= len) {
        ctx.issue("file", "empty JSON log: no records");
        return;
      }
      long[] counts = isDocument(head, first, len, len == ch.size())
          ? new DocumentReader(table).read(file, bom, ctx)
          : new NdjsonReader(table, threads).read(ch, ctx);
      reportDialect(counts, ctx.events(), ctx);
    }
  }

  @Override
  public String readRaw(Path file, long offset) throws IOException {
    return RawRecordReader.read(file, offset);
  }

  /**
   * An array, or a small file holding one object, is a document. Otherwise the file is read line
   * by line when one of its first lines is a whole object starting at column 0 (or it is not JSON
   * at all); a pretty-printed document, whose first line does not close, is streamed as a document.
   */
  static boolean isDocument(byte[] head, int first, int len, boolean wholeFile) {
    if (head[first] == '[') {
      return true;
    }
    if (head[first] != '{') {
      return false;
    }
    int end = ObjectScanner.endOfValue(head, first, len);
    if (wholeFile && end > 0 && ObjectScanner.skipSpace(head, end, len) == len) {
      return true;
    }
    int lineStart = first;
    for (int line = 0; line < SNIFF_LINES && lineStart < len; line++) {
      int nl = ObjectScanner.indexOf(head, (byte) '\n', lineStart, len);
      int lineEnd = nl < 0 ? len : nl;
      if (nl < 0 && line == 0) {
        return false;
      }
      if (isWholeObjectLine(head, lineStart, lineEnd)) {
        return false;
      }
      lineStart = lineEnd + 1;
    }
    return true;
  }

  private static boolean isWholeObjectLine(byte[] b, int from, int to) {
    if (from >= to || b[from] != '{') {
      return false;
    }
    int end = ObjectScanner.endOfValue(b, from, to);
    return end > 0 && ObjectScanner.skipSpace(b, end, to) == to;
  }

  /** A broken or refused file already has its own issue: "no records found" would only repeat it. */
  private static boolean explained(ReadContext ctx) {
    return ctx.issues().stream().anyMatch(i -> i.damage() && !RecordParser.NOT_AN_EVENT.equals(i.message()));
  }

  JsonDialects table() {
    return table;
  }

  /** Names the dominant dialect; with no event at all, says why (unless an issue already does). */
  void reportDialect(long[] counts, long events, ReadContext ctx) {
    int best = -1;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
        best = i;
      }
    }
    if (best >= 0) {
      ctx.dialect(table.dialects.get(best).name);
    } else if (events == 0 && !explained(ctx)) {
      ctx.issue("file", "no Windows event records found: this JSON holds no objects with an EventID"
          + " (winlogbeat, Elasticsearch hits, OTRF, NXLog or XML-as-JSON)");
    }
  }
}
