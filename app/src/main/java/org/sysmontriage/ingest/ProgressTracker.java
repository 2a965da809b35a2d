package org.sysmontriage.ingest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Sums progress from the worker threads and hands a snapshot on at most ten times a second. */
final class ProgressTracker {
  private static final long INTERVAL_NANOS = 100_000_000L;

  private final ImportProgress listener;
  private final LongSupplier events;
  private final long start = System.nanoTime();
  private final AtomicLong bytesDone = new AtomicLong();
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicLong lastEmit = new AtomicLong(start - INTERVAL_NANOS);
  private volatile long bytesTotal;
  private volatile int filesTotal;
  private volatile String current = "";
  private long[] perFile = new long[0];
  private long[] sizes = new long[0];

  ProgressTracker(ImportProgress listener, LongSupplier events) {
    this.listener = listener;
    this.events = events;
  }

  /** Archives are about to be expanded: their sizes make the total until {@link #plan}. */
  void planArchives(long archiveBytes) {
    bytesTotal = archiveBytes;
    emit(true);
  }

  /** {@code delta} more archive bytes were expanded. */
  void archiveBytes(long delta) {
    bytesDone.addAndGet(delta);
    emit(false);
  }

  /** The logs to read are known: their sizes make the total, counted from zero. */
  synchronized void plan(long[] fileSizes) {
    sizes = fileSizes.clone();
    perFile = new long[fileSizes.length];
    long total = 0;
    for (long s : fileSizes) {
      total += s;
    }
    bytesDone.set(0);
    bytesTotal = total;
    filesTotal = fileSizes.length;
    emit(true);
  }

  void started(String source) {
    current = source;
    emit(false);
  }

  /** A reader's running byte count in log {@code file}. */
  void bytesRead(int file, long running) {
    long delta;
    synchronized (this) {
      long capped = Math.min(Math.max(running, perFile[file]), sizes[file]);
      delta = capped - perFile[file];
      perFile[file] = capped;
    }
    bytesDone.addAndGet(delta);
    emit(false);
  }

  void finished(int file) {
    bytesRead(file, sizes[file]);
    filesDone.incrementAndGet();
    emit(false);
  }

  /** The last snapshot, always sent. */
  void done() {
    emit(true);
  }

  private void emit(boolean force) {
    long now = System.nanoTime();
    long last = lastEmit.get();
    if (!force && (now - last < INTERVAL_NANOS || !lastEmit.compareAndSet(last, now))) {
      return;
    }
    lastEmit.set(now);
    long done = bytesDone.get();
    double seconds = Math.max((now - start) / 1e9, 1e-9);
    listener.update(new ImportStatus(done, bytesTotal, events.getAsLong(), filesDone.get(), filesTotal, current, done / 1e6 / seconds));
  }
}
