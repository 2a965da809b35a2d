package org.sysmontriage.detect;

import java.util.List;
import java.util.Map;

/**
 * Hits of one analytic grouped as its source page's {@code stats} does, e.g. Splunk
 * fb4c31b0's {@code count min(_time) max(_time) by Computer, TargetImage, TargetProcessId,
 * SourceImage, SourceProcessId}.
 *
 * @param group the grouping fields and their values, in the page's order
 * @param firstTicks earliest event time (100 ns ticks since the Unix epoch, see Times)
 * @param lastTicks latest event time
 * @param events the grouped events' store indexes, in time order
 */
public record AggregateFinding(String analyticId, Map<String, String> group, int count, long firstTicks,
    long lastTicks, List<Integer> events) {
  public AggregateFinding {
    group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
    events = List.copyOf(events);
  }
}
