package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.lsass.Judgement;
import org.sysmontriage.detect.lsass.LsassJudge;
import org.sysmontriage.detect.sigma.Node;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.risk.RiskRollup;

/** Turns raw matches into hits with explanations, the aggregated findings and the risk roll-up. */
final class HitAssembler {
  /** Fields that name the acting user, best first. */

  private final AnalyticLibrary library;
  private final EventStore store;
  private final DetectionPlan plan;
  /**
   * One copy of each string and analytic that hits of this run hold: the store decodes a value anew on
   * every read, and a judged hit has its own scored analytic, so without this a million hits held a
   * million copies of the same path, reason and analytic. Dropped when the run ends. Shared by the
   * matching's workers, which make every hit (judged ones too).
   */
  private final Map<Object, Object> canon = new java.util.concurrent.ConcurrentHashMap<>();

  HitAssembler(AnalyticLibrary library, EventStore store, DetectionPlan plan) {
    this.library = library;
    this.store = store;
    this.plan = plan;
  }

  /**
   * The hits of a run's matches, in the order of their events.
   *
   * @param runs the matches of each chunk, each sorted, their hits made and judged ({@link Run})
   */
  DetectionResult assemble(List<Run> runs) {
    List<Hit> hits = new ArrayList<>();
    // by event, then binding (the runs merged): makes the order below deterministic
    java.util.PriorityQueue<int[]> heads = new java.util.PriorityQueue<>(
        Comparator.comparingLong((int[] at) -> runs.get(at[0]).matches()[at[1]]));
    for (int r = 0; r < runs.size(); r++) {
      if (runs.get(r).matches().length > 0) {
        heads.add(new int[] {r, 0});
      }
    }
    while (!heads.isEmpty()) {
      int[] at = heads.poll();
      Run run = runs.get(at[0]);
      Hit h = run.hits()[at[1]];
      if (h != null) {
        hits.add(h);
      }
      if (++at[1] < run.matches().length) {
        heads.add(at);
      }
    }
    hits = HitFolding.fold(hits, plan.rules(), this::canon);
    hits.sort(Comparator.comparingLong((Hit h) -> store.ticks(h.event())).thenComparingInt(Hit::event));
    return new DetectionResult(hits, aggregates(hits), rollup(hits));
  }

  /**
   * One chunk's matches (each packed as {@code event << 32 | binding index}) in ascending order, and
   * the hit of each (null where the LSASS judge said no); {@code pending}: the indexes of the matches
   * whose rule needs the judge, whose hits {@link #judge} makes.
   */
  record Run(long[] matches, Hit[] hits, int[] pending) {}

  /** The run of these matches: sorted, each hit made here ({@code ctx}: the calling thread's own) unless its rule needs the judge. */
  Run run(long[] matches, StoreMatchContext ctx) {
    long[] sorted = matches.clone();
    Arrays.sort(sorted);
    Hit[] hits = new Hit[sorted.length];
    int[] pending = new int[sorted.length];
    int waiting = 0;
    for (int i = 0; i < sorted.length; i++) {
      LoadedRule rule = plan.rules().get(plan.binding((int) sorted[i]).rule());
      if (rule.needsJudge()) {
        pending[waiting++] = i;
      } else {
        hits[i] = hit(ctx, sorted[i]);
      }
    }
    return new Run(sorted, hits, Arrays.copyOf(pending, waiting));
  }

  /**
   * Judges the run's pending matches {@code from} to {@code to} (indexes in {@link Run#pending}) and makes
   * their hits; {@code ctx} is the calling thread's own. Slices of one run may be judged on several threads.
   */
  void judge(Run run, int from, int to, LsassJudge judge, StoreMatchContext ctx) {
    for (int k = from; k < to; k++) {
      int i = run.pending()[k];
      run.hits()[i] = judgedHit(run.matches()[i], judge, ctx);
    }
  }

  /** The hit of a match whose rule needs the LSASS judge, or null when the judge says no. */
  private Hit judgedHit(long m, LsassJudge lsass, StoreMatchContext ctx) {
    int event = (int) (m >>> 32);
    LoadedRule rule = plan.rules().get(plan.binding((int) m).rule());
    if (!rule.accepts(lsass, event)) {
      return null;
    }
    Judgement judgement = null;
    if (rule.behaviour() != null) {
      judgement = lsass.judge(rule.behaviour(), event);
      if (judgement == null) {
        return null;
      }
    }
    Hit h = hit(ctx, m);
    return judgement == null ? h : judged(h, judgement);
  }

  @SuppressWarnings("unchecked")
  <T> T canon(T value) {
    return value == null ? null : (T) canon.computeIfAbsent(value, v -> v);
  }

  private MatchedField matched(String field, String value, String reason) {
    return new MatchedField(canon(field), canon(value), canon(reason));
  }

  /** The hit with the judgement's confidence (risk and severity follow) and its reasons after the matched fields. */
  private Hit judged(Hit h, Judgement j) {
    Analytic a = h.analytic();
    int risk = a.impact() * j.confidence() / 100;
    Analytic scored = canon(new Analytic(a.id(), a.title(), a.description(), Severity.ofRisk(risk), a.techniques(), a.tactics(),
        a.impact(), j.confidence()));
    List<MatchedField> fields = new ArrayList<>(h.matches());
    for (Judgement.Reason r : j.reasons()) {
      fields.add(matched(r.field(), r.value() == null ? "" : r.value(), r.text()));
    }
    return new Hit(h.event(), scored, fields);
  }

  /** The hit of match {@code m} with the fields that decided it and their reasons, each once; {@code ctx} is the caller's own. */
  private Hit hit(StoreMatchContext ctx, long m) {
    int event = (int) (m >>> 32);
    DetectionPlan.Binding binding = plan.binding((int) m);
    LoadedRule rule = plan.rules().get(binding.rule());
    ctx.event(event);
    ctx.slotNames(binding.slotNames());
    List<Node.Evidence> evidence = new ArrayList<>();
    rule.rule().condition().explain(ctx, evidence);
    List<MatchedField> fields = new ArrayList<>();
    for (Node.Evidence ev : evidence) {
      MatchedField f = matched(ev.field(), ev.value(), ev.reason());
      if (!fields.contains(f)) {
        fields.add(f);
      }
    }
    return new Hit(event, rule.analytic(), fields);
  }

  private List<AggregateFinding> aggregates(List<Hit> hits) {
    List<AggregateFinding> out = new ArrayList<>();
    for (LoadedRule rule : library.rules()) {
      List<String> by = rule.info().aggregateBy();
      if (!by.isEmpty()) {
        out.addAll(group(rule.analytic().id(), by, hits));
      }
    }
    return out;
  }

  private List<AggregateFinding> group(String id, List<String> by, List<Hit> hits) {
    Map<List<String>, IntList> groups = new LinkedHashMap<>();
    for (Hit h : hits) {
      if (h.analytic().id().equals(id)) {
        List<String> key = by.stream().map(f -> canon(groupValue(h.event(), f))).toList();
        groups.computeIfAbsent(key, k -> new IntList()).add(h.event());
      }
    }
    boolean distinctNames = new HashSet<>(by).size() == by.size();
    String[] names = by.toArray(String[]::new);
    List<AggregateFinding> out = new ArrayList<>();
    groups.forEach((key, list) -> {
      int[] events = list.toArray();
      long first = Arrays.stream(events).mapToLong(store::ticks).min().orElse(0);
      long last = Arrays.stream(events).mapToLong(store::ticks).max().orElse(0);
      if (distinctNames) {
        out.add(AggregateFinding.of(id, names, key.toArray(String[]::new), first, last, events));
      } else {
        Map<String, String> group = new LinkedHashMap<>();
        for (int i = 0; i < by.size(); i++) {
          group.put(by.get(i), key.get(i));
        }
        out.add(new AggregateFinding(id, group, events.length, first, last, Arrays.stream(events).boxed().toList()));
      }
    });
    return out;
  }

  /** A growing list of ints (event indexes of one group: most groups have one). */
  private static final class IntList {
    private int[] values = new int[1];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return size == values.length ? values : Arrays.copyOf(values, size);
    }
  }

  private String groupValue(int event, String field) {
    if (field.equalsIgnoreCase("Computer")) {
      return store.computer(event);
    }
    String v = store.field(event, field);
    return v == null ? "" : v;
  }

  private RiskRollup rollup(List<Hit> hits) {
    RiskRollup.Builder b = new RiskRollup.Builder();
    for (Hit h : hits) {
      b.add(store.computer(h.event()), user(store, h.event()), h.risk(), h.analytic().id());
    }
    return b.build();
  }

  /**
   * The event's acting user, best available: its own user field, else the user of its process creation
   * (Sysmon EID 1 or Security 4688, {@link ProcessUsers}); null when none.
   */
  static String user(EventStore store, int event) {
    ProcessUsers.Found u = ProcessUsers.of(store).user(event);
    return u == null ? null : u.user();
  }
}
