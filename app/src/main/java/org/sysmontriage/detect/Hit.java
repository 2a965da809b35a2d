package org.sysmontriage.detect;

import java.util.List;

/**
 * One event that an analytic reported.
 *
 * @param event the event's index in the {@link org.sysmontriage.event.EventStore}
 * @param analytic the analytic that fired
 * @param matches the fields that decided it, with reasons
 */
public record Hit(int event, Analytic analytic, List<MatchedField> matches) {
  public Hit {
    matches = List.copyOf(matches);
  }

  /** Risk of this hit: impact x confidence / 100, from the analytic. */
  public int risk() {
    return analytic.risk();
  }
}
