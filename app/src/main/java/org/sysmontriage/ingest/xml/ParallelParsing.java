package org.sysmontriage.ingest.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.ingest.ReadContext;

/**
 * Parses the batches of one big file on several threads while the calling thread scans on. The
 * queue is short, and when it is full the scanning thread parses the batch itself, so memory stays
 * bounded. Events reach the context in batch order per thread, not file order (the store sorts).
 */
final class ParallelParsing implements Consumer<BatchJob>, AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final ThreadLocal<BatchParser> parsers;
  private final List<Future<?>> pending = new ArrayList<>();

  ParallelParsing(ReadContext ctx, int threads) {
    pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 2), r -> {
      Thread t = new Thread(r, "xml-parse");
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.CallerRunsPolicy());
    parsers = ThreadLocal.withInitial(() -> new BatchParser(ctx));
  }

  @Override
  public void accept(BatchJob job) {
    pending.add(pool.submit(() -> parsers.get().parse(job)));
  }

  /** Waits for every batch; rethrows what a parser thread threw. */
  void finish() {
    try {
      for (Future<?> f : pending) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err; // out of memory: the import says so in words (LogReading)
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
