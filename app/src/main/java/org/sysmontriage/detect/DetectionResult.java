package org.sysmontriage.detect;

import java.util.List;
import org.sysmontriage.risk.RiskRollup;

/**
 * What a detection run found.
 *
 * @param hits every hit, in event-time order
 * @param aggregates grouped findings of analytics that define a grouping
 * @param rollup risk summed and maxed per host and per user
 */
public record DetectionResult(List<Hit> hits, List<AggregateFinding> aggregates, RiskRollup rollup) {
  public DetectionResult {
    hits = List.copyOf(hits);
    aggregates = List.copyOf(aggregates);
  }
}
