package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sysmontriage.ingest.ReadContext;

/**
 * A JSON-lines log split into byte ranges that are read apart (on other machines): each range
 * starts at a line start, its issues carry range-local line numbers, and {@link #finish} numbers
 * them in file order once every range is read, exactly as one reader of the whole file would.
 */
public final class JsonLineRanges {
  private static final int HEAD = 64 * 1024;

  private final JsonLogReader reader = new JsonLogReader(1);

  /** What one range found, small enough to send back to a coordinator. */
  public static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private final LineRangeReader.Result result;

    Part(LineRangeReader.Result result) {
      this.result = result;
    }
  }

  /**
   * True when the file is read line by line (one object per line); false for one document, an array
   * or an empty file, which are read whole.
   */
  public static boolean isLineDelimited(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      byte[] head = new byte[(int) Math.min(HEAD, ch.size())];
      int len = Math.max(0, ch.read(ByteBuffer.wrap(head), 0));
      int first = ObjectScanner.skipSpace(head, ObjectScanner.bomLength(head, 0, len), len);
      return first < len && !JsonLogReader.isDocument(head, first, len, len == ch.size());
    }
  }

  /** Byte ranges of about {@code targetBytes} (at least one), each ending just after a newline or at the end. */
  public static List<long[]> split(Path file, long targetBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      return NdjsonReader.ranges(ch, size, Math.max(1, (size + targetBytes - 1) / Math.max(1, targetBytes)));
    }
  }

  /** Reads the lines of {@code [from, to)}: events go to {@code ctx}, problems stay in the part until {@link #finish}. */
  public Part read(Path file, long from, long to, ReadContext ctx) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      RecordParser parser = new RecordParser(reader.table(), ctx);
      return new Part(new LineRangeReader(ch, from, to, parser, ctx, new AtomicLong()).read());
    }
  }

  /**
   * Files every part's problems into {@code ctx} with whole-file line numbers, parts in file order,
   * and the file's dominant dialect; {@code events} were read in the whole file.
   */
  public void finish(List<Part> parts, long events, ReadContext ctx) {
    List<LineRangeReader.Result> results = new ArrayList<>();
    for (Part p : parts) {
      results.add(p.result);
    }
    NdjsonReader.report(results, ctx, events);
    long[] counts = new long[reader.table().dialects.size()];
    for (LineRangeReader.Result r : results) {
      for (int i = 0; i < counts.length; i++) {
        counts[i] += r.dialectCounts()[i];
      }
    }
    reader.reportDialect(counts, events, ctx);
  }
}
