package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;

/**
 * Turns hits into incidents: links them ({@link Linker}), completes each group with context
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
    List<List<Integer>> groups = new Linker(facts, timeline, options.windowTicks()).groups(ordered);
    IncidentAssembler assembler = new IncidentAssembler(facts, timeline, options.windowTicks());
    List<Incident> incidents = new ArrayList<>();
    for (List<Integer> g : groups) {
      cancel.check();
      incidents.add(assembler.assemble(g.stream().map(ordered::get).toList()));
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
}
