package org.sysmontriage.casefile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/**
 * A case applied to one store's hits.
 *
 * @param kept hits not suppressed, in the detector's order
 * @param suppressed how many hits each allowlist entry suppressed (entries that suppressed none are absent)
 */
public record AppliedCase(CaseFile caseFile, EventStore store, List<Hit> kept, Map<AllowEntry, Integer> suppressed) {
  static AppliedCase of(CaseFile c, EventStore store, List<Hit> all) {
    List<AllowEntry.Matcher> matchers = c.allowlist().stream().map(AllowEntry::matcher).toList();
    List<Hit> kept = new ArrayList<>(all.size());
    Map<AllowEntry, Integer> suppressed = new LinkedHashMap<>();
    for (Hit h : all) {
      AllowEntry by = firstMatch(matchers, store, h);
      if (by == null) {
        kept.add(h);
      } else {
        suppressed.merge(by, 1, Integer::sum);
      }
    }
    return new AppliedCase(c, store, List.copyOf(kept), Map.copyOf(suppressed));
  }

  /** Every hit kept, as if no case were applied. */
  public static AppliedCase none(EventStore store, List<Hit> all) {
    return new AppliedCase(CaseFile.empty(), store, List.copyOf(all), Map.of());
  }

  public int suppressedCount() {
    return suppressed.values().stream().mapToInt(Integer::intValue).sum();
  }

  public HitTriage triage(Hit hit) {
    return caseFile.triage(HitKey.of(store, hit));
  }

  private static AllowEntry firstMatch(List<AllowEntry.Matcher> matchers, EventStore store, Hit h) {
    for (AllowEntry.Matcher m : matchers) {
      if (m.matches(store, h)) {
        return m.entry();
      }
    }
    return null;
  }
}
