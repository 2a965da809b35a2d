package org.sysmontriage.detect.correlation;

import java.util.List;
import java.util.Map;

/**
 * One time window in which a correlation rule's condition held.
 *
 * @param group the group-by fields and their values (correlation names, in the rule's order)
 * @param count what the condition was tested on: events (event_count), distinct values (value_count)
 *     or distinct rules (temporal, temporal_ordered)
 * @param firstTicks the window's first event time (100 ns ticks since the Unix epoch)
 * @param lastTicks the window's last event time
 * @param events the store indexes of the base-rule matches in the window, in time order
 * @param ruleIds for each event, the id of the base rule it matched
 */
public record CorrelationFinding(CorrelationRule rule, Map<String, String> group, long count, long firstTicks,
    long lastTicks, List<Integer> events, List<String> ruleIds) {
  public CorrelationFinding {
    group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    events = List.copyOf(events);
    ruleIds = List.copyOf(ruleIds);
  }
}
