package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.detect.Hit;

/**
 * Ties hits into groups (union-find over the hits). Two hits of one host are tied when:
 * <ul>
 *   <li>they are the same process, or one's process is the other's parent (Sysmon ProcessGuid and
 *       ParentProcessGuid): at any distance in time, GUIDs are never reused;</li>
 *   <li>within the time window: they share a process id (Security 4688/4656/4663 ids, Sysmon
 *       ProcessId), a parent process id, a logon id, a user, both target LSASS (hits of risk
 *       {@value #MIN_RISK_FOR_TARGET} or more), or both name the same dump file. These values are
 *       reused over time, so the window bounds them.</li>
 *   <li>a correlation finding (bundled chain or user rule) covers both.</li>
 * </ul>
 */
final class Linker {
  /**
   * A hit below this risk is not tied to others by the LSASS target alone: routine readers (VMware
   * Tools, backup agents) that an analytic reports at low confidence would join every incident.
   */
  static final int MIN_RISK_FOR_TARGET = 40;

  private final EventFacts facts;
  private final Timeline timeline;
  private final long window;

  Linker(EventFacts facts, Timeline timeline, long window) {
    this.facts = facts;
    this.timeline = timeline;
    this.window = window;
  }

  /**
   * Groups of indexes into {@code hits}, each in the order of the list; each list of
   * {@code tied} (indexes of hits a correlation finding covers) ends up in one group.
   */
  List<List<Integer>> groups(List<Hit> hits, List<List<Integer>> tied) {
    UnionFind sets = new UnionFind(hits.size());
    for (List<Integer> t : tied) {
      t.forEach(i -> sets.union(t.get(0), i));
    }
    Set<String> actorGuids = new HashSet<>();
    Set<String> actorPids = new HashSet<>();
    for (Hit h : hits) {
      String host = facts.store().computer(h.event());
      addIfPresent(actorGuids, facts.actorGuid(h.event()), "");
      addIfPresent(actorPids, facts.actorPid(h.event()), host + '|');
    }
    Map<String, Integer> lasting = new HashMap<>();
    Map<String, List<long[]>> bounded = new LinkedHashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      int e = hits.get(i).event();
      String host = facts.store().computer(e) + '|';
      for (String k : lastingKeys(e, actorGuids)) {
        Integer first = lasting.putIfAbsent(k, i);
        if (first != null) {
          sets.union(first, i);
        }
      }
      for (String k : boundedKeys(e, host, actorPids, hits.get(i).risk() >= MIN_RISK_FOR_TARGET)) {
        bounded.computeIfAbsent(k, x -> new ArrayList<>()).add(new long[] {timeline.ticks(e), i});
      }
    }
    for (List<long[]> l : bounded.values()) {
      l.sort((a, b) -> Long.compare(a[0], b[0]));
      for (int k = 1; k < l.size(); k++) {
        if (l.get(k)[0] - l.get(k - 1)[0] <= window) {
          sets.union((int) l.get(k - 1)[1], (int) l.get(k)[1]);
        }
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < hits.size(); i++) {
      groups.computeIfAbsent(sets.find(i), r -> new ArrayList<>()).add(i);
    }
    return new ArrayList<>(groups.values());
  }

  private List<String> lastingKeys(int e, Set<String> actorGuids) {
    List<String> keys = new ArrayList<>(2);
    String guid = facts.actorGuid(e);
    if (guid != null) {
      keys.add("g:" + guid);
    }
    String parentGuid = facts.parentGuid(e);
    if (parentGuid != null && actorGuids.contains(parentGuid)) {
      keys.add("g:" + parentGuid);
    }
    return keys;
  }

  private List<String> boundedKeys(int e, String host, Set<String> actorPids, boolean strong) {
    List<String> keys = new ArrayList<>(6);
    add(keys, "p:" + host, facts.actorPid(e));
    String parentPid = facts.parentPid(e);
    if (parentPid != null && actorPids.contains(host + parentPid)) {
      keys.add("p:" + host + parentPid);
    }
    add(keys, "l:" + host, facts.logonId(e));
    add(keys, "u:" + host, facts.userKey(e));
    if (strong && facts.targetsLsass(e)) {
      keys.add("lsass:" + host);
    }
    String file = facts.targetFile(e);
    if (file != null) {
      keys.add("f:" + host + EventFacts.baseName(file));
    }
    for (String named : EventFacts.namedFiles(facts.commandLine(e))) {
      keys.add("f:" + host + named);
    }
    return keys;
  }

  private static void add(List<String> keys, String prefix, String value) {
    if (value != null) {
      keys.add(prefix + value);
    }
  }

  private static void addIfPresent(Set<String> set, String value, String prefix) {
    if (value != null) {
      set.add(prefix + value);
    }
  }
}
