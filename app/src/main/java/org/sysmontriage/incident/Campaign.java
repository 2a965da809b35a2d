package org.sysmontriage.incident;

import java.util.List;

/**
 * Incidents on several hosts tied by the same tool (file hash) or the same dump file name.
 *
 * @param link what they share, in words: {@code tool SHA256=...} or {@code dump file lsass.dmp}
 */
public record Campaign(String id, String link, List<String> hosts, List<String> incidentIds) {
  public Campaign {
    hosts = List.copyOf(hosts);
    incidentIds = List.copyOf(incidentIds);
  }
}
