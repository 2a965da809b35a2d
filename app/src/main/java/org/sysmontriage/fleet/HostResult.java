package org.sysmontriage.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the analysis of one host sends back to the driver: its hits (already in {@code scan}'s JSONL
 * form), its risk per host and user, its incidents, the triage extract it wrote and how long the
 * analysis took (store, detection, incidents, extract). Never its events.
 *
 * @param suppressed with a case: hits each allowlist entry (by its place in the case's allowlist) suppressed
 * @param skewPairs per clock of the host, the offsets its clock-skew evidence gave ({@link FleetSkews})
 * @param sources the logs the host's events came from
 * @param phases where the analysis time went
 */
record HostResult(String host, long events, List<HitLine> hits, List<Risk> risks, List<IncidentLine> incidents,
    String extract, long extractEvents, long nanos, Map<Integer, Integer> suppressed, List<FleetSkews.Pairs> skewPairs,
    List<String> sources, Phases phases) implements Serializable {
  HostResult {
    suppressed = Map.copyOf(suppressed);
    skewPairs = List.copyOf(skewPairs);
    sources = List.copyOf(sources);
  }

  /** The same host with the incidents of a second pass (clock skews applied). */
  HostResult withIncidents(List<IncidentLine> again) {
    return new HostResult(host, events, hits, risks, again, extract, extractEvents, nanos, suppressed, skewPairs, sources, phases);
  }

  /**
   * Nanoseconds of a host's analysis: filing its events in a store, detection (with the case), then,
   * at the same time, writing the hit lines, building the incidents and writing the extract.
   */
  record Phases(long store, long detect, long hitLines, long incidents, long extract) implements Serializable {}

  /** One hit line of {@code scan --format jsonl}, with the event time it is sorted by. */
  record HitLine(long ticks, String json) implements Serializable {}

  /** A host's or user's risk: see {@link org.sysmontriage.risk.RiskRollup.Finding}. */
  record Risk(String kind, String name, int sum, int max, int hits, List<String> analytics) implements Serializable {}

  /**
   * One incident of {@code incidents --format jsonl}, numbered among the host's own incidents; the
   * driver numbers all hosts' incidents together and ties them into campaigns.
   *
   * @param order the incident's place in the host's numbering (start time, then first host)
   * @param json its line, with the host-local id {@code localId}
   * @param toolHashes and {@code dumpFiles}: what ties incidents of several hosts into a campaign
   */
  record IncidentLine(int order, String localId, long startTicks, List<String> hosts, int score, List<String> toolHashes,
      List<String> dumpFiles, String json) implements Serializable {}
}
