package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;

/**
 * Turns hits into incidents: links them ({@link Linker}, and each finding of a bundled chain or a
 * user's Sigma correlation rule ties the hits it covers), completes each group with context
 * events, decides its outcome and score, numbers incidents by start time and ties incidents of
 * several hosts into campaigns. Headless; the store and hits are only read.
 */
public final class IncidentEngine {
  private final IncidentOptions options;

  public IncidentEngine(IncidentOptions options) {
    this.options = options;
  }

  public IncidentResult run(EventStore store, List<Hit> hits, CancellationToken cancel) {
    List<ClockSkew> skews = SkewDetector.detect(store);
    cancel.check();
    EventFacts facts = new EventFacts(store);
    Timeline timeline = new Timeline(store, options.appliedSkews());
    List<Hit> ordered = new ArrayList<>(hits);
    ordered.sort(Comparator.comparingLong((Hit h) -> timeline.ticks(h.event())).thenComparingInt(Hit::event));
    List<Correlated> correlated = correlate(store, ordered, timeline);
    cancel.check();
    List<List<Integer>> groups = new Linker(facts, timeline, options.windowTicks())
        .groups(ordered, correlated.stream().map(Correlated::hits).toList());
    Map<Integer, List<IncidentCorrelation>> byFirstHit = new HashMap<>();
    correlated.forEach(c -> byFirstHit.computeIfAbsent(c.hits().get(0), k -> new ArrayList<>()).add(c.correlation()));
    IncidentAssembler assembler = new IncidentAssembler(facts, timeline, options.windowTicks());
    List<Incident> incidents = new ArrayList<>();
    for (List<Integer> g : groups) {
      cancel.check();
      List<IncidentCorrelation> found = new ArrayList<>();
      g.forEach(i -> found.addAll(byFirstHit.getOrDefault(i, List.of())));
      incidents.add(assembler.assemble(g.stream().map(ordered::get).toList(), found));
    }
    incidents.sort(Comparator.comparingLong(Incident::startTicks).thenComparing(i -> i.hosts().get(0)));
    List<Incident> numbered = new ArrayList<>();
    for (int i = 0; i < incidents.size(); i++) {
      numbered.add(incidents.get(i).withIdAndCampaign(String.format(java.util.Locale.ROOT, "INC-%03d", i + 1), null));
    }
    Campaigns.Found found = Campaigns.find(numbered);
    List<Incident> out = new ArrayList<>(found.incidents());
    out.sort(Comparator.comparingInt((Incident i) -> i.score().value()).reversed().thenComparingLong(Incident::startTicks));
    return new IncidentResult(out, found.campaigns(), skews, options);
  }

  /** A correlation finding and the indexes (into the ordered hits) of the hits it covers. */
  private record Correlated(IncidentCorrelation correlation, List<Integer> hits) {}

  /**
   * The bundled chains and the library's correlation rules over these hits, on the corrected
   * timeline. A finding whose group-by field is missing from its events (a Security event grouped
   * by Sysmon's ProcessGuid) ties nothing: an empty value is not a shared value.
   */
  private List<Correlated> correlate(EventStore store, List<Hit> ordered, Timeline timeline) {
    List<CorrelationRule> rules = Chains.forLibrary(options.library(), options.bundledChains());
    if (rules.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> hitIndex = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      hitIndex.putIfAbsent(ordered.get(i).event() + "|" + ordered.get(i).analytic().id(), i);
    }
    List<Correlated> out = new ArrayList<>();
    for (CorrelationFinding f : Detector.correlate(rules, options.library()::idOf, store, ordered, timeline::ticks)) {
      if (f.group().values().stream().anyMatch(v -> v == null || v.isBlank())) {
        continue;
      }
      List<Integer> covered = new ArrayList<>();
      for (int k = 0; k < f.events().size(); k++) {
        Integer i = hitIndex.get(f.events().get(k) + "|" + f.ruleIds().get(k));
        if (i != null && !covered.contains(i)) {
          covered.add(i);
        }
      }
      if (!covered.isEmpty()) {
        covered.sort(null);
        out.add(new Correlated(IncidentCorrelation.of(f, covered.size(), Chains.isBundled(f.rule())), covered));
      }
    }
    return out;
  }
}
