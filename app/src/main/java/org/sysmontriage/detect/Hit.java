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

  /**
   * The analytics this hit shows: its own, then those whose hit on the same event was folded into it
   * ({@code x-sysmon-triage: folds_into}), in the order of its reasons.
   */
  public List<String> analyticIds() {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    ids.add(analytic.id());
    for (MatchedField m : matches) {
      String folded = HitFolding.foldedId(m.reason());
      if (folded != null) {
        ids.add(folded);
      }
    }
    return List.copyOf(ids);
  }
}
