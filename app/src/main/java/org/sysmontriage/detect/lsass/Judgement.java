package org.sysmontriage.detect.lsass;

import java.util.List;

/**
 * What an LSASS analytic concluded about one event: its confidence (0-100; the analytic's impact
 * times it gives the risk) and the reasons, each tied to the field it was read from.
 */
public record Judgement(int confidence, List<Reason> reasons) {
  /** One step of the reasoning: the field, its value, and what it means. */
  public record Reason(String field, String value, String text) {}

  public Judgement {
    confidence = Math.max(1, Math.min(100, confidence));
    reasons = List.copyOf(reasons);
  }
}
