package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.sysmontriage.ingest.ReadContext;

/**
 * Reads the NDJSON lines of one byte range of a file (the range starts at a line start and ends
 * after a newline or at EOF) into events. Several run in parallel on one big file. Issues are
 * kept with range-local line numbers; the caller numbers them once all ranges are done.
 */
final class LineRangeReader {
  static final int CHUNK = 4 * 1024 * 1024;
  /**
   * Unreadable records listed one by one at the start of a file before the rest of an unbroken run
   * of them is only counted (a file that is no event log, or junk before the events).
   */
  static final int LIST_FIRST = 100;

  /**
   * What one range found: its line count, its located problems, and the run of unreadable
   * records at the start of the file beyond {@link #LIST_FIRST} (counted, lines {@code quietFrom}
   * to {@code quietTo}).
   */
  record Result(long lines, List<LocalIssue> issues, long unlistedSkips, long[] dialectCounts, long quiet, long quietFrom,
      long quietTo) implements java.io.Serializable {}

  /** A problem at a range-local line number (1-based). */
  record LocalIssue(long line, String message) implements java.io.Serializable {}

  private final FileChannel channel;
  private final long start;
  private final long end;
  private final RecordParser parser;
  private final ReadContext ctx;
  private final AtomicLong progress;
  private final List<LocalIssue> issues = new ArrayList<>();
  private long unlistedSkips;
  private long lines;
  private long good;
  private long badInARow;
  private boolean quietRun;
  private long quiet;
  private long quietFrom;
  private long quietTo;

  LineRangeReader(FileChannel channel, long start, long end, RecordParser parser, ReadContext ctx,
      AtomicLong progress) {
    this.channel = channel;
    this.start = start;
    this.end = end;
    this.parser = parser;
    this.ctx = ctx;
    this.progress = progress;
  }

  /** The buffer loop: refill, cut complete lines, carry the partial last line over. */
  Result read() throws IOException {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(end - start, 16))];
    long filePos = start;
    long bufBase = start;
    int len = 0;
    int pos = 0;
    boolean oversize = false;
    while (true) {
      int nl = ObjectScanner.indexOfNewline(buf, pos, len);
      if (nl >= 0) {
        if (oversize) {
          oversize = false;
          lines++;
          skip(tooLong());
        } else {
          line(buf, pos, nl, bufBase + pos);
        }
        pos = nl + 1;
        continue;
      }
      if (filePos >= end) {
        if (oversize) {
          lines++;
          skip(tooLong());
        } else if (pos < len) {
          line(buf, pos, len, bufBase + pos);
        }
        break;
      }
      if (pos > 0 || oversize) {
        int keep = oversize ? 0 : len - pos;
        System.arraycopy(buf, pos, buf, 0, keep);
        bufBase += len - keep;
        len = keep;
        pos = 0;
      }
      if (len == buf.length) {
        if (buf.length >= JsonLimits.MAX_RECORD_BYTES) {
          oversize = true;
          bufBase += len;
          len = 0;
        } else {
          buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, JsonLimits.MAX_RECORD_BYTES));
        }
      }
      int n = channel.read(ByteBuffer.wrap(buf, len, (int) Math.min(buf.length - len, end - filePos)), filePos);
      if (n < 0) {
        break;
      }
      filePos += n;
      len += n;
      ctx.bytesRead(progress.addAndGet(n));
      ctx.checkCancelled();
    }
    return new Result(lines, issues, unlistedSkips, parser.dialectCounts(), quiet, quietFrom, quietTo);
  }

  private void line(byte[] buf, int from, int to, long fileOffset) {
    lines++;
    int s = from;
    if (fileOffset == 0) {
      s += ObjectScanner.bomLength(buf, from, to);
    }
    s = ObjectScanner.skipSpace(buf, s, to);
    int e = to;
    while (e > s && ObjectScanner.isSpace(buf[e - 1])) {
      e--;
    }
    if (s == e) {
      return;
    }
    String problem = parser.parse(buf, s, e - s, fileOffset + (s - from));
    if (problem == null) {
      good++;
      badInARow = 0;
      quietRun = false;
      return;
    }
    if (quietRun) {
      if (quiet++ == 0) {
        quietFrom = lines;
      }
      quietTo = lines;
      return;
    }
    skip(problem);
    quietRun = ++badInARow >= LIST_FIRST && good == 0 && start == 0;
  }

  private void skip(String message) {
    if (issues.size() < ReadContext.MAX_ISSUES) {
      issues.add(new LocalIssue(lines, message));
    } else {
      unlistedSkips++;
    }
  }

  private static String tooLong() {
    return "record longer than " + JsonLimits.MAX_RECORD_BYTES / (1024 * 1024) + " MB, skipped";
  }
}
