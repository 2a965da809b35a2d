package org.sysmontriage.fleet;

import java.io.Serializable;
import java.util.List;

/**
 * What the analysis of one host sends back to the driver: its hits (already in {@code scan}'s JSONL
 * form), its risk per host and user, and the triage extract it wrote. Never its events.
 */
record HostResult(String host, long events, List<HitLine> hits, List<Risk> risks, String extract, long extractEvents)
    implements Serializable {

  /** One hit line of {@code scan --format jsonl}, with the event time it is sorted by. */
  record HitLine(long ticks, String json) implements Serializable {}

  /** A host's or user's risk: see {@link org.sysmontriage.risk.RiskRollup.Finding}. */
  record Risk(String kind, String name, int sum, int max, int hits, List<String> analytics) implements Serializable {}
}
