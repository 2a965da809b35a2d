package org.sysmontriage.ingest.json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ReadContext;

/**
 * One object per line. A big file is cut at line boundaries into ranges that are parsed on
 * several threads, each emitting straight into the context's sink; issues are numbered by line
 * afterwards, in file order.
 */
final class NdjsonReader {
  /** Files below this are read on the calling thread. */
  static final long PARALLEL_FROM = 4L * 1024 * 1024;
  static final long RANGE_BYTES = 16L * 1024 * 1024;
  /** Events a range thread parses before it takes the delivery lock. */
  static final int BATCH = 256;

  private final JsonDialects table;
  private final int threads;

  NdjsonReader(JsonDialects table, int threads) {
    this.table = table;
    this.threads = threads;
  }

  /** Reads every line; returns the events per dialect. */
  long[] read(FileChannel channel, ReadContext ctx) throws IOException {
    long size = channel.size();
    List<long[]> ranges = ranges(channel, size);
    AtomicLong progress = new AtomicLong();
    List<LineRangeReader.Result> results = new ArrayList<>();
    if (ranges.size() == 1 || threads <= 1) {
      for (long[] r : ranges) {
        results.add(new LineRangeReader(channel, r[0], r[1], new RecordParser(table, ctx), ctx, progress).read());
      }
    } else {
      results = parallel(channel, ranges, ctx, progress);
    }
    report(results, ctx);
    return dialectCounts(results);
  }

  private List<LineRangeReader.Result> parallel(FileChannel channel, List<long[]> ranges, ReadContext ctx,
      AtomicLong progress) throws IOException {
    int n = Math.min(threads, ranges.size());
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "json-range");
      t.setDaemon(true);
      return t;
    });
    Object deliveryLock = new Object();
    List<RecordParser> all = java.util.Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<RecordParser> parsers = ThreadLocal.withInitial(() -> {
      RecordParser p = new RecordParser(table, new EventBatch(ctx, deliveryLock, BATCH));
      all.add(p);
      return p;
    });
    try {
      List<Future<LineRangeReader.Result>> futures = new ArrayList<>();
      for (long[] r : ranges) {
        futures.add(pool.submit(() -> new LineRangeReader(channel, r[0], r[1], parsers.get(), ctx, progress).read()));
      }
      List<LineRangeReader.Result> results = new ArrayList<>();
      for (Future<LineRangeReader.Result> f : futures) {
        results.add(f.get());
      }
      all.forEach(RecordParser::flush);
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static RuntimeException unwrap(Throwable cause) throws IOException {
    if (cause instanceof IOException io) {
      throw io;
    }
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err; // out of memory: the import says so in words (LogReading)
    }
    return new TriageException("JSON reading failed: " + cause, cause);
  }

  /** Ranges of about RANGE_BYTES, each ending just after a newline (or at EOF). */
  private List<long[]> ranges(FileChannel channel, long size) throws IOException {
    if (size < PARALLEL_FROM || threads <= 1) {
      List<long[]> out = new ArrayList<>();
      out.add(new long[] {0, size});
      return out;
    }
    return ranges(channel, size, Math.max(threads, size / RANGE_BYTES));
  }

  /** About {@code count} ranges of equal size, each ending just after a newline (or at EOF). */
  static List<long[]> ranges(FileChannel channel, long size, long count) throws IOException {
    List<long[]> out = new ArrayList<>();
    long from = 0;
    for (long i = 1; i < count && from < size; i++) {
      long cut = lineStartAfter(channel, Math.max(from, size * i / count), size);
      if (cut > from && cut < size) {
        out.add(new long[] {from, cut});
        from = cut;
      }
    }
    out.add(new long[] {from, size});
    return out;
  }

  private static long lineStartAfter(FileChannel channel, long pos, long size) throws IOException {
    byte[] b = new byte[64 * 1024];
    long p = pos;
    while (p < size) {
      int n = channel.read(ByteBuffer.wrap(b), p);
      if (n <= 0) {
        break;
      }
      int nl = ObjectScanner.indexOf(b, (byte) '\n', 0, n);
      if (nl >= 0) {
        return p + nl + 1;
      }
      p += n;
    }
    return size;
  }

  private static void report(List<LineRangeReader.Result> results, ReadContext ctx) {
    report(results, ctx, ctx.events());
  }

  /** Files the ranges' problems with whole-file line numbers; {@code events} read in the whole file. */
  static void report(List<LineRangeReader.Result> results, ReadContext ctx, long events) {
    long base = 0;
    for (LineRangeReader.Result r : results) {
      boolean quietShown = r.quiet() == 0;
      for (LineRangeReader.LocalIssue i : r.issues()) {
        if (!quietShown && i.line() > r.quietTo()) {
          quietShown = reportQuiet(r, base, ctx, events);
        }
        ctx.skip("line " + (base + i.line()), i.message());
      }
      if (!quietShown) {
        reportQuiet(r, base, ctx, events);
      }
      for (long k = 0; k < r.unlistedSkips(); k++) {
        ctx.skip("-", "broken record");
      }
      base += r.lines();
    }
  }

  /** The run of unreadable records at the start beyond the listed ones: one issue that counts them. */
  private static boolean reportQuiet(LineRangeReader.Result r, long base, ReadContext ctx, long events) {
    String lines = "lines " + (base + r.quietFrom()) + "-" + (base + r.quietTo());
    ctx.skip(r.quiet(), lines, events == 0
        ? "not a JSON event log: these " + r.quiet() + " records, like the first " + LineRangeReader.LIST_FIRST
            + " listed above, are not readable Windows events (none in the file is)"
        : r.quiet() + " more unreadable records after the first " + LineRangeReader.LIST_FIRST
            + " listed above (not Windows events); the events after them were read");
    return true;
  }

  private long[] dialectCounts(List<LineRangeReader.Result> results) {
    long[] sum = new long[table.dialects.size()];
    java.util.Set<long[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (LineRangeReader.Result r : results) {
      if (seen.add(r.dialectCounts())) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += r.dialectCounts()[i];
        }
      }
    }
    return sum;
  }
}
