package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicInteger;
import org.sysmontriage.ingest.ReadContext;

/**
 * Decodes a file's chunks on several threads (chunks are independent) and hands their events to
 * the context in file order: each worker parses the next free chunk, then waits for its turn to
 * emit. Only emission is serial, and the store's interning is serial anyway.
 */
final class ChunkScheduler {
  private final FileChannel channel;
  private final long fileSize;
  private final int firstChunk;
  private final int chunkCount;
  private final ReadContext ctx;
  private final boolean checkCrc;
  private final AtomicInteger nextChunk = new AtomicInteger();
  private final Object turn = new Object();
  private int nextToEmit;
  private int chunksWithMagic;
  private Throwable failure;

  ChunkScheduler(FileChannel channel, long fileSize, boolean checkCrc, ReadContext ctx) {
    this(channel, fileSize, checkCrc, ctx, 0, chunkSlots(fileSize));
  }

  /** Only chunks {@code first} (inclusive) to {@code end} (exclusive): one part of a file split by chunk ranges. */
  ChunkScheduler(FileChannel channel, long fileSize, boolean checkCrc, ReadContext ctx, int first, int end) {
    this.checkCrc = checkCrc;
    this.channel = channel;
    this.fileSize = fileSize;
    this.firstChunk = Math.max(0, first);
    this.chunkCount = Math.max(0, Math.min(end, chunkSlots(fileSize)) - firstChunk);
    this.ctx = ctx;
  }

  /** The 64 KiB chunk slots after the file header, the last one possibly cut short. */
  static int chunkSlots(long fileSize) {
    return (int) Math.max(0, (fileSize - FileHeader.SIZE + Chunk.SIZE - 1) / Chunk.SIZE);
  }

  int chunkCount() {
    return chunkCount;
  }

  /** Chunks that carried the ElfChnk signature. */
  int chunksWithMagic() {
    synchronized (turn) {
      return chunksWithMagic;
    }
  }

  void run(int threads) throws IOException {
    int n = Math.max(1, Math.min(threads, chunkCount));
    if (n == 1) {
      work();
    } else {
      Thread[] workers = new Thread[n];
      for (int i = 0; i < n; i++) {
        workers[i] = new Thread(this::guardedWork, "evtx-chunks-" + i);
        workers[i].setDaemon(true);
        workers[i].start();
      }
      joinAll(workers);
    }
    rethrow();
  }

  private void joinAll(Thread[] workers) {
    boolean interrupted = false;
    for (Thread t : workers) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
          fail(e);
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void guardedWork() {
    try {
      work();
    } catch (Throwable t) {
      fail(t);
    }
  }

  private void work() throws IOException {
    ChunkReader reader = new ChunkReader(checkCrc);
    for (int i = nextChunk.getAndIncrement(); i < chunkCount; i = nextChunk.getAndIncrement()) {
      ctx.checkCancelled();
      int chunk = firstChunk + i;
      reader.load(channel, chunk, FileHeader.SIZE + (long) chunk * Chunk.SIZE); // a file cut short reads as empty
      reader.parse(ctx); // every chunk index is emitted, even an empty one, or the others would wait
      emitInOrder(i, reader);
    }
  }

  private void emitInOrder(int index, ChunkReader reader) throws IOException {
    synchronized (turn) {
      while (nextToEmit != index && failure == null) {
        try {
          turn.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading", e);
        }
      }
      if (failure != null) {
        return;
      }
      for (int i = 0; i < reader.draftCount(); i++) {
        ctx.event(reader.draft(i));
      }
      if (reader.chunk.hasMagic()) {
        chunksWithMagic++;
      }
      nextToEmit++;
      ctx.bytesRead(Math.min(fileSize, FileHeader.SIZE + (long) (firstChunk + nextToEmit) * Chunk.SIZE));
      turn.notifyAll();
    }
  }

  private void fail(Throwable t) {
    synchronized (turn) {
      if (failure == null) {
        failure = t;
      }
      turn.notifyAll();
    }
  }

  private void rethrow() throws IOException {
    Throwable t;
    synchronized (turn) {
      t = failure;
    }
    if (t instanceof IOException e) {
      throw e;
    } else if (t instanceof UncheckedIOException e) {
      throw e.getCause();
    } else if (t instanceof RuntimeException e) {
      throw e;
    } else if (t instanceof Error e) {
      throw e;
    } else if (t != null) {
      throw new IOException(t);
    }
  }
}
