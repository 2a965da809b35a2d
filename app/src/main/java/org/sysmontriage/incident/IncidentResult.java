package org.sysmontriage.incident;

import java.util.List;

/**
 * Incidents of one run, highest score first, with the campaigns that tie them and the clock skews
 * found (applied or not: {@link IncidentOptions#appliedSkews()} says which were applied).
 */
public record IncidentResult(List<Incident> incidents, List<Campaign> campaigns, List<ClockSkew> detectedSkews,
    IncidentOptions options) {
  public IncidentResult {
    incidents = List.copyOf(incidents);
    campaigns = List.copyOf(campaigns);
    detectedSkews = List.copyOf(detectedSkews);
  }

  public static IncidentResult empty() {
    return new IncidentResult(List.of(), List.of(), List.of(), IncidentOptions.defaults());
  }

  /** Skews found but not applied. */
  public List<ClockSkew> pendingSkews() {
    return detectedSkews.stream().filter(s -> options.appliedSkews().stream().noneMatch(a -> a.clock().equals(s.clock()))).toList();
  }
}
