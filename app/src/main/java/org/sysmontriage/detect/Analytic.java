package org.sysmontriage.detect;

import java.util.List;

/**
 * An analytic as the rest of the product sees it (the compiled rule stays inside detect).
 * The analytics engine may add components; these accessors are the contract for ui and report.
 *
 * @param id CAR id, Splunk detection id (with an optional {@code /variant} suffix), or our own id
 * @param title short title
 * @param techniques ATT&CK technique ids, most specific first ({@code T1003.001})
 * @param tactics ATT&CK tactic short names ({@code credential-access})
 * @param impact 0-100
 * @param confidence 0-100
 */
public record Analytic(
    String id,
    String title,
    String description,
    Severity severity,
    List<String> techniques,
    List<String> tactics,
    int impact,
    int confidence) {

  public Analytic {
    techniques = List.copyOf(techniques);
    tactics = List.copyOf(tactics);
  }

  /** Splunk's risk-based alerting formula: impact x confidence / 100. */
  public int risk() {
    return impact * confidence / 100;
  }
}
