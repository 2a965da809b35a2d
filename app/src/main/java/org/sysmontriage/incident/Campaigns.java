package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Incidents of several hosts that share a tool hash or a dump file name form a campaign. */
final class Campaigns {
  record Found(List<Incident> incidents, List<Campaign> campaigns) {}

  private Campaigns() {}

  static Found find(List<Incident> incidents) {
    int n = incidents.size();
    UnionFind sets = new UnionFind(n);
    String[] link = new String[n];
    Map<String, Integer> firstWith = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      for (String k : keys(incidents.get(i))) {
        Integer j = firstWith.putIfAbsent(k, i);
        if (j != null && !incidents.get(j).hosts().equals(incidents.get(i).hosts())) {
          int r = sets.union(j, i);
          link[r] = link[r] == null ? k : link[r];
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
    }
    List<Incident> out = new ArrayList<>(incidents);
    List<Campaign> campaigns = new ArrayList<>();
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      Set<String> hosts = new LinkedHashSet<>();
      g.getValue().forEach(i -> hosts.addAll(incidents.get(i).hosts()));
      if (hosts.size() < 2) {
        continue;
      }
      String id = "CMP-" + (campaigns.size() + 1);
      List<String> ids = g.getValue().stream().map(i -> incidents.get(i).id()).toList();
      campaigns.add(new Campaign(id, link[g.getKey()], List.copyOf(hosts), ids));
      g.getValue().forEach(i -> out.set(i, incidents.get(i).withIdAndCampaign(incidents.get(i).id(), id)));
    }
    return new Found(out, campaigns);
  }

  private static List<String> keys(Incident i) {
    List<String> k = new ArrayList<>();
    i.toolHashes().forEach(h -> k.add("tool " + h));
    i.dumpFiles().forEach(f -> k.add("dump file " + f));
    return k;
  }
}
