package org.sysmontriage.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cross-host step of the incidents, on the driver: every host built its incidents where its
 * events are (an incident is one host's story: the engine ties hits by process, logon, user and dump
 * file of one host), and here they are numbered together by start time, then first host, as
 * {@code incidents} numbers them over all logs, tied into campaigns where incidents of different hosts
 * share a tool hash or a dump file name, and ordered highest score first, then by start.
 */
final class FleetIncidents {
  private static final String ID_PREFIX = "INC-";

  private FleetIncidents() {}

  /** A campaign: incidents of several hosts tied by {@code link} ({@code tool SHA256=...} or {@code dump file NAME}). */
  record Campaign(String id, String link, List<String> hosts, List<String> incidentIds) {}

  /** The incidents' JSONL lines in {@code incidents}' order and with its ids, and the campaigns. */
  record Result(List<String> lines, List<Campaign> campaigns) {}

  /** {@code INC-007} is 7. */
  static int number(String id) {
    if (!id.startsWith(ID_PREFIX)) {
      throw new IllegalArgumentException("not an incident id: " + id);
    }
    return Integer.parseInt(id.substring(ID_PREFIX.length()));
  }

  static Result of(List<HostResult> hosts) {
    List<HostResult.IncidentLine> all = new ArrayList<>();
    hosts.stream().sorted(Comparator.comparing(HostResult::host)).forEach(h -> {
      List<HostResult.IncidentLine> own = new ArrayList<>(h.incidents());
      own.sort(Comparator.comparingInt(HostResult.IncidentLine::order));
      all.addAll(own);
    });
    all.sort(Comparator.comparingLong(HostResult.IncidentLine::startTicks).thenComparing(i -> i.hosts().get(0)));
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < all.size(); k++) {
      ids.add(String.format(Locale.ROOT, ID_PREFIX + "%03d", k + 1));
    }
    List<Campaign> campaigns = campaigns(all, ids);
    Integer[] byScore = new Integer[all.size()];
    for (int k = 0; k < byScore.length; k++) {
      byScore[k] = k;
    }
    java.util.Arrays.sort(byScore, Comparator.comparingInt((Integer k) -> all.get(k).score()).reversed()
        .thenComparingLong(k -> all.get(k).startTicks()));
    List<String> lines = new ArrayList<>();
    for (int k : byScore) {
      lines.add(withId(all.get(k), ids.get(k)));
    }
    return new Result(lines, campaigns);
  }

  /** The line with its run-wide id in place of the host's own. */
  private static String withId(HostResult.IncidentLine i, String id) {
    String local = "{\"id\":\"" + i.localId() + "\"";
    if (!i.json().startsWith(local)) {
      throw new IllegalStateException("an incident line that does not start with its id: " + i.json());
    }
    return "{\"id\":\"" + id + "\"" + i.json().substring(local.length());
  }

  /**
   * Incidents (in numbered order) whose hosts differ and that share a tool hash or a dump file name
   * are joined; a group that spans two hosts or more is a campaign, named by the first thing that
   * joined it, numbered in the order of its first incident.
   */
  private static List<Campaign> campaigns(List<HostResult.IncidentLine> incidents, List<String> ids) {
    int n = incidents.size();
    int[] parent = new int[n];
    String[] link = new String[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<String, Integer> firstWith = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      HostResult.IncidentLine incident = incidents.get(i);
      List<String> keys = new ArrayList<>();
      incident.toolHashes().forEach(h -> keys.add("tool " + h));
      incident.dumpFiles().forEach(f -> keys.add("dump file " + f));
      for (String k : keys) {
        Integer j = firstWith.putIfAbsent(k, i);
        if (j != null && !incidents.get(j).hosts().equals(incident.hosts())) {
          int a = root(parent, j);
          int b = root(parent, i);
          int joined = Math.min(a, b); // the smaller index leads, and keeps what first joined it
          parent[Math.max(a, b)] = joined;
          if (link[joined] == null) {
            link[joined] = k;
          }
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
    }
    List<Campaign> out = new ArrayList<>();
    groups.forEach((lead, members) -> {
      Set<String> hosts = new LinkedHashSet<>();
      members.forEach(i -> hosts.addAll(incidents.get(i).hosts()));
      if (hosts.size() >= 2) {
        out.add(new Campaign("CMP-" + (out.size() + 1), link[lead], List.copyOf(hosts), members.stream().map(ids::get).toList()));
      }
    });
    return out;
  }

  private static int root(int[] parent, int i) {
    int r = i;
    while (parent[r] != r) {
      parent[r] = parent[parent[r]]; // path halving: near-constant time per look-up
      r = parent[r];
    }
    return r;
  }
}
