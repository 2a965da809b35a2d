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
 * another still has a queue of tasks. Task 0 builds the LSASS judge when the run may need it (it
 * reads the whole store, not the matches, and is the longest single task); then come the chunks,
 * largest first, and last the index of process creations the hits' risk roll-up reads (when a chunk
 * had a match). Each worker keeps one match context and its scans across its chunks, and makes the
 * hits of its matches (those whose rule needs no LSASS judgement) right after matching them. Then
 * the matches whose rule needs the LSASS judge are judged the same way, in slices, once the judge is
 * built (a judgement depends on the event and the judge only, not on the order: {@link LsassJudge}).
 */
final class Matching {
  /** Matches one task of the second round judges. */
  private static final int JUDGED_SLICE = 512;

  private final EventStore store;
  private final DetectionPlan plan;
  private final List<Detector.Chunk> chunks;
  private final boolean judgeAhead;
  private final Supplier<StoreMatchContext> contexts;
  private final CancellationToken cancel;
  private final ProgressListener progress;
  private final long total;
  private final String message;
  private final int first;
  private final AtomicLong done = new AtomicLong();
  /** Per chunk, its matches and their hits. */
  private final HitAssembler.Run[] found;
  private final HitAssembler assembler;
  private volatile LsassJudge judge;
  /** Whether a chunk matched so far (the roll-up's index is worth building ahead). */
  private volatile boolean matched;

  /** @param judgeAhead whether to build the LSASS judge beside the matching (a rule that needs it has events to test) */
  Matching(EventStore store, DetectionPlan plan, List<Detector.Chunk> chunks, boolean judgeAhead,
      Supplier<StoreMatchContext> contexts, HitAssembler assembler, CancellationToken cancel, ProgressListener progress, long total,
      String message) {
    this.assembler = assembler;
    this.store = store;
    this.plan = plan;
    this.chunks = chunks;
    this.judgeAhead = judgeAhead;
    this.contexts = contexts;
    this.cancel = cancel;
    this.progress = progress;
    this.total = total;
    this.message = message;
    this.first = judgeAhead ? 1 : 0;
    this.found = new HitAssembler.Run[chunks.size()];
  }

  /** Runs every task; returns when all are done (rethrows a worker's failure, cancellation included). */
  void run() {
    onEveryCore(first + chunks.size() + 1, this::matchTask);
    List<int[]> slices = new ArrayList<>();
    for (int r = 0; r < found.length; r++) {
      for (int from = 0, n = found[r].pending().length; from < n; from += JUDGED_SLICE) {
        slices.add(new int[] {r, from, Math.min(n, from + JUDGED_SLICE)});
      }
    }
    if (!slices.isEmpty()) {
      judge = judge == null ? new LsassJudge(store) : judge;
      onEveryCore(slices.size(), (w, t) -> {
        cancel.check();
        int[] s = slices.get(t);
        assembler.judge(found[s[0]], s[1], s[2], judge, w.context());
      });
    }
    cancel.check();
  }

  /** One worker's state, kept across its tasks. */
  private final class Worker {
    private StoreMatchContext ctx;
    private final Map<CandidateFilter, CandidateFilter.Scan> scans = new IdentityHashMap<>();

    StoreMatchContext context() {
      ctx = ctx == null ? contexts.get() : ctx;
      return ctx;
    }
  }

  private interface Task {
    void run(Worker w, int t);
  }

  /** Runs tasks 0..count-1 on the calling thread and the common pool's, each taking the next from one counter. */
  private void onEveryCore(int count, Task task) {
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      Worker w = null;
      for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
        w = w == null ? new Worker() : w;
        task.run(w, t);
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
    List<ForkJoinTask<?>> running = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      running.add(ForkJoinPool.commonPool().submit(work));
    }
    RuntimeException failure = null;
    try {
      work.run();
    } catch (RuntimeException e) {
      failure = e;
      next.set(count); // the helpers take no further task
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
  }

  private void matchTask(Worker w, int t) {
    if (t < first) {
      judge = new LsassJudge(store);
      return;
    }
    if (t == first + chunks.size()) {
      if (matched) {
        ProcessUsers.of(store); // kept for the store: the roll-up finds it built
      }
      return;
    }
    Detector.Chunk c = chunks.get(t - first);
    long[] matches = Detector.match(store, plan, c, w.context(), cancel, w.scans);
    found[t - first] = assembler.run(matches, w.context()); // the hits made here, on every core, rather than one by one afterwards
    if (matches.length > 0) {
      matched = true;
    }
    progress.progress(done.addAndGet(c.to() - c.from()), total, message);
  }

  /** Each chunk's run of matches and hits. */
  List<HitAssembler.Run> runs() {
    return List.of(found);
  }
}
