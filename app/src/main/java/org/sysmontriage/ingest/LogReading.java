package org.sysmontriage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.TriageException;

/**
 * The reading phase of an import: one task per log, plus one hashing task per input file beside
 * it. Whatever a reader throws (except cancellation) becomes a located issue of its log.
 */
final class LogReading {
  private final LogReaders readers;
  private final EventStoreBuilder builder;
  private final ProgressTracker tracker;
  private final ExecutorService pool;
  private final CancellationToken cancel;

  LogReading(LogReaders readers, EventStoreBuilder builder, ProgressTracker tracker, ExecutorService pool, CancellationToken cancel) {
    this.readers = readers;
    this.builder = builder;
    this.tracker = tracker;
    this.pool = pool;
    this.cancel = cancel;
  }

  /**
   * Reads every log and files one {@link SourceInfo} per planned entry into the builder, in order;
   * with {@code identicalOnce} a log with the same bytes as an earlier one is listed, not read again.
   */
  void readAll(List<PlannedLog> logs, boolean identicalOnce) {
    long[] sizes = new long[logs.size()];
    for (int i = 0; i < logs.size(); i++) {
      builder.addSource(logs.get(i).source());
      sizes[i] = logs.get(i).isLog() ? logs.get(i).size() : 0;
    }
    FileHasher.warmUp();
    java.util.Map<Long, Integer> bySize = new java.util.HashMap<>();
    if (identicalOnce) {
      logs.stream().filter(PlannedLog::isLog).forEach(l -> bySize.merge(l.size(), 1, Integer::sum));
    }
    List<Future<String>> hashes = new ArrayList<>();
    for (PlannedLog log : logs) {
      hashes.add(needsHash(log) && sizeShared(log, bySize) ? pool.submit(() -> FileHasher.sha256(log.file(), cancel)) : null);
    }
    int[] sameAs = identical(logs, hashes, bySize);
    for (int i = 0; i < sameAs.length; i++) {
      if (sameAs[i] >= 0) {
        sizes[i] = 0;
      }
    }
    tracker.plan(sizes);
    List<Future<ReadContext>> reads = new ArrayList<>();
    for (int i = 0; i < logs.size(); i++) {
      PlannedLog log = logs.get(i);
      int index = i;
      reads.add(log.isLog() && sameAs[i] < 0 ? pool.submit(() -> read(index, log)) : CompletableFuture.completedFuture(null));
      if (hashes.get(i) == null) {
        hashes.set(i, needsHash(log) ? pool.submit(() -> FileHasher.sha256(log.file(), cancel))
            : CompletableFuture.completedFuture(log.sha256() == null ? "" : log.sha256()));
      }
    }
    for (int i = 0; i < logs.size(); i++) {
      ReadContext ctx = Importer.await(reads.get(i), cancel);
      String sha = Importer.await(hashes.get(i), cancel);
      builder.setSource(i, sameAs[i] >= 0 ? duplicate(logs.get(i), logs.get(sameAs[i]), sha) : info(logs.get(i), ctx, sha, copiesOf(i, sameAs, logs)));
    }
  }

  /** True when another log has the same size: only then can it be identical, and only then is it hashed first. */
  private static boolean sizeShared(PlannedLog log, java.util.Map<Long, Integer> bySize) {
    return log.isLog() && bySize.getOrDefault(log.size(), 0) > 1;
  }

  /**
   * For each log, the index of the earlier log with the same bytes (SHA-256), or -1: identical logs
   * opened twice (two paths, a log and its copy in a folder or an archive) are read once. Only logs
   * whose size another log shares are compared (their hashes were started first).
   */
  private int[] identical(List<PlannedLog> logs, List<Future<String>> hashes, java.util.Map<Long, Integer> bySize) {
    int[] sameAs = new int[logs.size()];
    java.util.Arrays.fill(sameAs, -1);
    java.util.Map<String, Integer> first = new java.util.HashMap<>();
    for (int i = 0; i < logs.size(); i++) {
      PlannedLog log = logs.get(i);
      if (!sizeShared(log, bySize)) {
        continue;
      }
      String sha = hashes.get(i) != null ? Importer.await(hashes.get(i), cancel) : log.sha256();
      if (sha == null || sha.isEmpty()) {
        continue;
      }
      Integer earlier = first.putIfAbsent(log.size() + ":" + sha, i);
      if (earlier != null) {
        sameAs[i] = earlier;
      }
    }
    return sameAs;
  }

  /** The sources of the logs found identical to log {@code i} (read once, under {@code i}'s name). */
  private static List<String> copiesOf(int i, int[] sameAs, List<PlannedLog> logs) {
    List<String> copies = new ArrayList<>();
    for (int k = 0; k < sameAs.length; k++) {
      if (sameAs[k] == i) {
        copies.add(logs.get(k).source());
      }
    }
    return copies;
  }

  /** A log identical to one read already: listed with a note naming both, its events not read again. */
  private static SourceInfo duplicate(PlannedLog log, PlannedLog original, String sha) {
    ImportIssue note = ImportIssue.note(log.source(), "file", Importer.IDENTICAL + original.source()
        + " (same SHA-256): read once, its events are shown under that name");
    List<ImportIssue> issues = new ArrayList<>(log.issues());
    issues.add(note);
    return new SourceInfo(log.source(), log.file(), log.format().label(), "", sha, log.size(), 0, 0, issues);
  }

  private static boolean needsHash(PlannedLog log) {
    return log.sha256() == null && log.file() != null && Files.isRegularFile(log.file());
  }

  private ReadContext read(int index, PlannedLog log) {
    ReadContext ctx = new ReadContext(log.source(), builder.sinkFor(index), cancel, bytes -> tracker.bytesRead(index, bytes));
    tracker.started(log.source());
    guarded(log.format().label(), ctx, () -> readers.forFormat(log.format().label()).read(log.file(), ctx));
    long dropped = builder.droppedFields(index);
    if (dropped > 0) {
      ctx.issue("file", "this import holds more than 65,535 distinct field names; " + dropped
          + " fields of this log were not kept (hostile or broken input?)");
    }
    tracker.finished(index);
    return ctx;
  }

  /** Reading that may fail on bad input. */
  @FunctionalInterface
  interface ReadAction {
    void run() throws IOException;
  }

  /** Runs a reader; whatever it throws (except cancellation) becomes a located issue of its log. */
  static void guarded(String format, ReadContext ctx, ReadAction action) {
    try {
      action.run();
    } catch (CancelledException e) {
      throw e;
    } catch (TriageException e) {
      ctx.issue("file", e.getMessage());
    } catch (IOException e) {
      ctx.issue("file", InputWalker.reason(e));
    } catch (RuntimeException e) {
      ctx.issue("file", "the " + format + " reader failed: " + e);
    } catch (StackOverflowError e) {
      ctx.issue("file", "the log is nested too deeply to read");
    } catch (OutOfMemoryError e) {
      ctx.issue("file", Importer.OUT_OF_MEMORY_ISSUE);
    }
  }

  /**
   * A JSON or XML file found in a folder or archive (not named by the user) in which not one event
   * was found: a file that sits beside the logs, not a damaged log. EVTX files are logs by their header.
   */
  private static boolean isTextWithoutEvents(PlannedLog log, ReadContext ctx) {
    return !log.explicit() && log.format() != SniffedFormat.EVTX && ctx.events() == 0 && log.issues().isEmpty();
  }

  private static SourceInfo info(PlannedLog log, ReadContext ctx, String sha, List<String> copies) {
    if (ctx == null) {
      String format = log.isNotALog() ? Importer.NOT_A_LOG : Importer.UNKNOWN;
      return new SourceInfo(log.source(), log.file(), format, "", sha, log.size(), 0, 0, log.issues());
    }
    if (isTextWithoutEvents(log, ctx)) { // metadata.json, a config .xml: found beside the logs, not one
      return new SourceInfo(log.source(), log.file(), Importer.NOT_A_LOG, "", sha, log.size(), 0, 0, List.of());
    }
    List<ImportIssue> issues = new ArrayList<>(log.issues());
    issues.addAll(ctx.issues());
    for (String copy : copies) {
      issues.add(ImportIssue.note(log.source(), "file", "also opened as " + copy + " (same SHA-256): read once"));
    }
    return new SourceInfo(log.source(), log.file(), log.format().label(), ctx.dialect(), sha, log.size(), ctx.events(), ctx.skipped(), issues);
  }
}
