package org.sysmontriage.detect;

import java.util.List;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.risk.RiskRollup;

/**
 * What a detection run found.
 *
 * @param hits every hit, in event-time order
 * @param aggregates grouped findings of analytics that define a grouping
 * @param rollup risk summed and maxed per host and per user
 * @param correlations findings of the library's Sigma correlation rules, in time order
 */
public record DetectionResult(List<Hit> hits, List<AggregateFinding> aggregates, RiskRollup rollup,
    List<CorrelationFinding> correlations) {
  public DetectionResult {
    hits = List.copyOf(hits);
    aggregates = List.copyOf(aggregates);
    correlations = List.copyOf(correlations);
  }

  /** A result without correlation findings. */
  public DetectionResult(List<Hit> hits, List<AggregateFinding> aggregates, RiskRollup rollup) {
    this(hits, aggregates, rollup, List.of());
  }
}
