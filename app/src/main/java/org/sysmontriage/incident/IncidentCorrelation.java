package org.sysmontriage.incident;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.detect.correlation.CorrelationRule;

/**
 * A Sigma correlation finding that tied hits into an incident: a bundled chain (the credential
 * theft stages written as correlation rules) or a user's correlation rule.
 *
 * @param ruleId the correlation rule's id
 * @param title its title
 * @param type event_count, value_count, temporal or temporal_ordered
 * @param level its Sigma level as written (may be empty)
 * @param risk the risk its level gives (high 63, critical 90; 0 without a level): a signal of the
 *     incident's score like a hit's
 * @param group the group-by fields and the values they had
 * @param hitCount how many of the incident's hits the finding covered
 * @param bundled true for the application's own chains, false for a rule the user gave
 * @param source the rule file
 */
public record IncidentCorrelation(String ruleId, String title, String type, String level, int risk,
    Map<String, String> group, int hitCount, boolean bundled, String source) {
  public IncidentCorrelation {
    group = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(group));
  }

  static IncidentCorrelation of(CorrelationFinding f, int hitCount, boolean bundled) {
    CorrelationRule r = f.rule();
    Severity level = Severity.parse(r.level());
    return new IncidentCorrelation(r.id(), r.title(), r.type().sigmaName(), r.level() == null ? "" : r.level().trim(),
        level == null ? 0 : level.defaultRisk(), f.group(), hitCount, bundled, r.source());
  }

  /** {@code chain 'LSASS dumped by procdump' (temporal_ordered, high) on Computer=WKS-1, ProcessGuid=...: 3 hits}. */
  public String describe() {
    String by = group.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    return (bundled ? "chain" : "correlation rule") + " '" + title + "' (" + ruleId + ", " + type
        + (level.isEmpty() ? "" : ", " + level) + ")" + (by.isEmpty() ? "" : " on " + by) + ": " + hitCount
        + (hitCount == 1 ? " hit" : " hits");
  }

  static List<IncidentCorrelation> strongestFirst(List<IncidentCorrelation> l) {
    return l.stream().sorted(java.util.Comparator.comparingInt(IncidentCorrelation::risk).reversed()
        .thenComparing(IncidentCorrelation::ruleId)).toList();
  }
}
