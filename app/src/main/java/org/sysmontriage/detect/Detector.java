package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.correlation.Correlator;
import org.sysmontriage.detect.sigma.ValueTest;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;

/**
 * Runs every analytic of a library over a store: events are taken per EventID bucket, in chunks,
 * in parallel; each rule's compiled condition is tested on the events of its EventIDs only, and
 * there only when the literals its condition needs occur in the event's fields (one Aho-Corasick
 * pass per field finds them for all rules at once: {@link CandidateFilter}); value tests are cached
 * per distinct value.
 */
public final class Detector {
  private static final int CHUNK = 16_384;
  private static final int CANCEL_EVERY = 4_096;
  /** Bytes of per-value test caches one run may hold (see StoreMatchContext). */
  private static final long CACHE_BUDGET = 256L << 20;

  private final AnalyticLibrary library;
  private final boolean prefilter;

  public Detector(AnalyticLibrary library) {
    this(library, true);
  }

  /**
   * @param prefilter find each event's candidate rules with the literal index first ({@link CandidateFilter});
   *     false tests every rule on every event of its EventIDs (same hits, slower: for comparisons)
   */
  public Detector(AnalyticLibrary library, boolean prefilter) {
    this.library = library;
    this.prefilter = prefilter;
  }

  public AnalyticLibrary library() {
    return library;
  }

  /** Runs the analytics; throws {@link org.sysmontriage.event.CancelledException} when cancelled. */
  public DetectionResult run(EventStore store, ProgressListener progress, CancellationToken cancel) {
    DetectionPlan plan = new DetectionPlan(library, store, prefilter);
    List<ValueTest> tests = library.registry().tests();
    AtomicReferenceArray<byte[]> caches = new AtomicReferenceArray<>(tests.size());
    AtomicLong cacheBudget = new AtomicLong(Math.min(CACHE_BUDGET, Runtime.getRuntime().maxMemory() / 8));
    List<Chunk> chunks = chunks(store, plan);
    long total = chunks.stream().mapToLong(c -> c.to - c.from).sum();
    String message = "Running " + library.rules().size() + " analytics";
    progress.progress(0, total, message);
    // the LSASS judge reads the whole store, not the matches: built by the first free worker beside the matching,
    // then the matches whose rule needs it are judged on every core
    HitAssembler assembler = new HitAssembler(library, store, plan);
    Matching matching = new Matching(store, plan, chunks, plan.needsJudge(),
        () -> new StoreMatchContext(store, tests, caches, cacheBudget, plan.nameIdLimit()), assembler, cancel, progress, total, message);
    matching.run();
    DetectionResult result = assembler.assemble(matching.runs());
    if (library.correlations().isEmpty()) {
      return result;
    }
    return new DetectionResult(result.hits(), result.aggregates(), result.rollup(), correlate(library, store, result.hits()));
  }

  /** The library's correlation rules over these hits (also usable on hits filtered by a case). */
  public static List<CorrelationFinding> correlate(AnalyticLibrary library, EventStore store, List<Hit> hits) {
    return correlate(library.correlations(), library::idOf, store, hits, store::ticks);
  }

  /**
   * These correlation rules over these hits, with event times from {@code ticks}; {@code idOf}
   * turns a rule reference (id or Sigma name) into an analytic id.
   */
  public static List<CorrelationFinding> correlate(List<CorrelationRule> rules, Function<String, String> idOf,
      EventStore store, List<Hit> hits, IntToLongFunction ticks) {
    Map<String, List<Integer>> byRule = new HashMap<>();
    for (Hit h : hits) {
      byRule.computeIfAbsent(h.analytic().id(), k -> new ArrayList<>()).add(h.event());
    }
    Map<String, int[]> matches = new HashMap<>();
    byRule.forEach((id, events) -> matches.put(id, events.stream().mapToInt(Integer::intValue).toArray()));
    return Correlator.run(rules, idOf, matches, store, ticks);
  }

  record Chunk(int eventId, int from, int to) {}

  /** Each EventID's events in chunks of at most {@link #CHUNK}, largest first (the last ones taken are the smallest). */
  private static List<Chunk> chunks(EventStore store, DetectionPlan plan) {
    List<Chunk> out = new ArrayList<>();
    for (int id : store.eventIds()) {
      if (plan.bindings(id).isEmpty()) {
        continue;
      }
      int n = store.byEventId(id).length;
      for (int from = 0; from < n; from += CHUNK) {
        out.add(new Chunk(id, from, Math.min(n, from + CHUNK)));
      }
    }
    out.sort(java.util.Comparator.comparingLong((Chunk c) -> (long) (c.to - c.from) * plan.bindings(c.eventId).size()).reversed());
    return out;
  }

  /** Matches of one chunk, each packed as {@code event << 32 | binding index}. */
  static long[] match(EventStore store, DetectionPlan plan, Chunk c, StoreMatchContext ctx, CancellationToken cancel,
      Map<CandidateFilter, CandidateFilter.Scan> scans) {
    cancel.check();
    List<DetectionPlan.Binding> bindings = plan.bindings(c.eventId);
    CandidateFilter.Scan scan = null;
    List<LoadedRule> rules = plan.rules();
    boolean[] accepted = null;
    String lastChannel = null;
    String lastProvider = null;
    int[] events = store.byEventId(c.eventId);
    long[] out = new long[8];
    int count = 0;
    for (int i = c.from; i < c.to; i++) {
      if ((i - c.from) % CANCEL_EVERY == CANCEL_EVERY - 1) {
        cancel.check();
      }
      int e = events[i];
      String channel = store.channel(e);
      String provider = store.provider(e);
      if (accepted == null || channel != lastChannel || provider != lastProvider) { // pooled strings: identity is enough
        DetectionPlan.Route route = plan.route(c.eventId, channel, provider);
        accepted = route.accepted();
        lastChannel = channel;
        lastProvider = provider;
        scan = route.filter() == null ? null : scans.computeIfAbsent(route.filter(), CandidateFilter::scan);
      }
      ctx.event(e);
      int n = scan == null ? accepted.length : scan.run(ctx, e);
      for (int k = 0; k < n; k++) {
        int b = scan == null ? k : scan.candidate(k);
        if (!accepted[b]) {
          continue;
        }
        DetectionPlan.Binding binding = bindings.get(b);
        ctx.slotNames(binding.slotNames());
        if (rules.get(binding.rule()).rule().condition().eval(ctx)) {
          if (count == out.length) {
            out = Arrays.copyOf(out, count * 2);
          }
          out[count++] = ((long) e << 32) | plan.indexOf(binding);
        }
      }
    }
    return Arrays.copyOf(out, count);
  }
}
