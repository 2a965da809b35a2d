package org.sysmontriage.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.SourceInfo;

/**
 * Imports files, folders and archives into one {@link EventStore}: walks and sniffs the inputs,
 * expands archives into private temporary copies, then reads every log on a pool of threads
 * while hashing each input beside it. Bad input never throws: it becomes a {@link SourceInfo}
 * with located issues. Only cancellation ends a run early, with {@link CancelledException}.
 */
public final class Importer {
  /** Format of an input that could not be read at all. */
  public static final String UNKNOWN = "unknown";
  /** Format of a file in a walked folder that is not a log: listed, not an error. */
  public static final String NOT_A_LOG = "not-a-log";
  /** The issue of a log that Java ran out of memory reading: the rest of that log is missing. */
  public static final String OUT_OF_MEMORY_ISSUE = "not enough memory to read the rest of this log: give Java more"
      + " (java -Xmx8g -jar ...) or read fewer logs at once";

  /** How the note of a log identical to another one opened in the same import starts (it is read once). */
  public static final String IDENTICAL = "identical to ";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ImportOptions options;
  private final LogReaders readers;
  private final Path tempRoot;

  /**
   * Gets the file hash's compiled form requested before other work fills the JIT's queue (see
   * FileHasher.warmUp): call first in a command that starts more work beside the import.
   */
  public static void warmUpHashing() {
    FileHasher.warmUp();
  }

  /** One thread per processor, default archive limits. */
  public Importer() {
    this(ImportOptions.defaults());
  }

  public Importer(ImportOptions options) {
    this(options, new LogReaders());
  }

  Importer(ImportOptions options, LogReaders readers) {
    this(options, readers, null);
  }

  /** For tests: other readers, and archive members copied under {@code tempRoot}. */
  Importer(ImportOptions options, LogReaders readers, Path tempRoot) {
    this.options = options;
    this.readers = readers;
    this.tempRoot = tempRoot;
  }

  /**
   * Reads everything under {@code paths} (files, folders, archives) into a frozen store.
   *
   * @throws CancelledException when {@code cancel} is cancelled; nothing of the run is kept
   */
  public ImportResult run(List<String> paths, ImportProgress progress, CancellationToken cancel) {
    long start = System.nanoTime();
    TempArea temp = new TempArea(tempRoot);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), Importer::newThread);
    try {
      EventStoreBuilder builder = new EventStoreBuilder();
      ProgressTracker tracker = new ProgressTracker(progress, builder::size);
      List<PlannedLog> logs = plan(paths, pool, temp, tracker, cancel);
      new LogReading(readers, builder, tracker, pool, cancel).readAll(logs, options.readIdenticalOnce());
      tracker.done();
      EventStore store = builder.freeze();
      return new ImportResult(store, store.sources(), System.nanoTime() - start);
    } catch (CancelledException e) {
      stop(pool);
      temp.deleteAll();
      throw e;
    } finally {
      pool.shutdownNow();
    }
  }

  private List<PlannedLog> plan(List<String> paths, ExecutorService pool, TempArea temp, ProgressTracker tracker, CancellationToken cancel) {
    ArchiveExpander expander = new ArchiveExpander(temp, new ExpansionBudget(options), cancel);
    List<Future<List<PlannedLog>>> parts = new ArrayList<>();
    List<InputFile> inputs = new InputWalker(cancel).walk(paths);
    tracker.planArchives(inputs.stream().filter(Importer::isArchive).mapToLong(InputFile::size).sum());
    for (InputFile in : inputs) {
      if (isArchive(in)) {
        parts.add(pool.submit(() -> expand(expander, in, tracker)));
      } else {
        parts.add(CompletableFuture.completedFuture(List.of(planFile(in))));
      }
    }
    List<PlannedLog> logs = new ArrayList<>();
    for (Future<List<PlannedLog>> part : parts) {
      logs.addAll(await(part, cancel));
    }
    return logs;
  }

  private static boolean isArchive(InputFile in) {
    return in.problem() == null && in.format().isArchive();
  }

  private static List<PlannedLog> expand(ArchiveExpander expander, InputFile in, ProgressTracker tracker) {
    tracker.started(in.source());
    long[] last = {0};
    try {
      return expander.expand(in.source(), in.path(), in.format(), at -> {
        tracker.archiveBytes(at - last[0]);
        last[0] = at;
      });
    } catch (CancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      return List.of(PlannedLog.unreadable(in.source(), in.path(), "archive", "damaged " + in.format().label() + " archive: " + e.getMessage()));
    }
  }

  private static PlannedLog planFile(InputFile in) {
    if (in.problem() != null) {
      return PlannedLog.unreadable(in.source(), null, "file", in.problem());
    }
    if (in.format().isLog()) {
      return new PlannedLog(in.source(), in.path(), in.format(), in.size(), null, List.of(), in.explicit());
    }
    if (!in.explicit()) {
      return PlannedLog.notALog(in.source(), in.path(), in.size(), "");
    }
    PlannedLog p = PlannedLog.unreadable(in.source(), in.path(), "file", FormatSniffer.notALogMessage(in.path()));
    return new PlannedLog(p.source(), p.file(), p.format(), in.size(), null, p.issues(), true);
  }

  /** Waits for {@code f}, watching the token; a task's failure is rethrown as it was. */
  static <T> T await(Future<T> f, CancellationToken cancel) {
    while (true) {
      cancel.check();
      try {
        return f.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // check the token again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread newThread(Runnable r) {
    Thread t = new Thread(r, "sysmon-triage-import-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  }
}
