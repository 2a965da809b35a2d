package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sysmontriage.detect.lsass.LsassJudge;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;

/**
 * The match phase of one detection run on every core: the calling thread and the common pool's
 * threads take the next task from one shared counter until none is left, so no core waits while
 * another still has a queue of chunks. Task 0 builds the LSASS judge when the run may need it (it
 * reads the whole store, not the matches, and is the longest single task); then come the chunks,
 * largest first, and last the index of process creations the hits' risk roll-up reads (when a chunk
 * had a match). Each worker keeps one match context and its scans across its chunks, and makes the
 * hits of its matches (those whose rule needs no LSASS judgement) right after matching them.
 */
final class Matching {
  private final EventStore store;
  private final DetectionPlan plan;
  private final List<Detector.Chunk> chunks;
  private final Supplier<LsassJudge> judgeBuilder;
  private final Supplier<StoreMatchContext> contexts;
  private final CancellationToken cancel;
  private final ProgressListener progress;
  private final long total;
  private final String message;
  private final int first;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong done = new AtomicLong();
  /** Per chunk, its matches and their hits. */
  private final HitAssembler.Run[] found;
  private final HitAssembler assembler;
  private volatile LsassJudge judge;
  /** Whether a chunk matched so far (the roll-up's index is worth building ahead). */
  private volatile boolean matched;

  /** @param judgeBuilder builds the LSASS judge beside the matching, or null when the run needs none */
  Matching(EventStore store, DetectionPlan plan, List<Detector.Chunk> chunks, Supplier<LsassJudge> judgeBuilder,
      Supplier<StoreMatchContext> contexts, HitAssembler assembler, CancellationToken cancel, ProgressListener progress, long total,
      String message) {
    this.assembler = assembler;
    this.store = store;
    this.plan = plan;
    this.chunks = chunks;
    this.judgeBuilder = judgeBuilder;
    this.contexts = contexts;
    this.cancel = cancel;
    this.progress = progress;
    this.total = total;
    this.message = message;
    this.first = judgeBuilder == null ? 0 : 1;
    this.found = new HitAssembler.Run[chunks.size()];
  }

  /** Runs every task; returns when all are done (rethrows a worker's failure, cancellation included). */
  void run() {
    int tasks = first + chunks.size() + 1;
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), tasks - 1);
    List<ForkJoinTask<?>> running = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      running.add(ForkJoinPool.commonPool().submit(this::work));
    }
    RuntimeException failure = null;
    try {
      work();
    } catch (RuntimeException e) {
      failure = e;
      next.set(tasks); // the helpers take no further task
    }
    for (ForkJoinTask<?> t : running) {
      try {
        t.join();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
    cancel.check();
  }

  private void work() {
    StoreMatchContext ctx = null;
    Map<CandidateFilter, CandidateFilter.Scan> scans = new IdentityHashMap<>();
    for (int t = next.getAndIncrement(); t <= first + chunks.size(); t = next.getAndIncrement()) {
      if (t < first) {
        judge = judgeBuilder.get();
        continue;
      }
      if (t == first + chunks.size()) {
        if (matched) {
          ProcessUsers.of(store); // kept for the store: the roll-up finds it built
        }
        continue;
      }
      ctx = ctx == null ? contexts.get() : ctx;
      Detector.Chunk c = chunks.get(t - first);
      long[] matches = Detector.match(store, plan, c, ctx, cancel, scans);
      found[t - first] = assembler.run(matches, ctx); // the hits made here, on every core, rather than one by one afterwards
      if (matches.length > 0) {
        matched = true;
      }
      progress.progress(done.addAndGet(c.to() - c.from()), total, message);
    }
  }

  /** Each chunk's run of matches and hits. */
  List<HitAssembler.Run> runs() {
    return List.of(found);
  }

  /** The LSASS judge built beside the matching, or null when none was asked for. */
  LsassJudge judge() {
    return judge;
  }
}
