package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process tree around an incident: its processes (Sysmon ProcessGuid), their ancestors up to
 * {@value #ANCESTORS} generations and their children, from Sysmon EID 1; a process known only from
 * a Security 4688 step appears by process id under its creator.
 */
final class ProcessTrees {
  private static final int ANCESTORS = 3;
  private final EventFacts facts;
  private final ProcessLineage lineage;

  ProcessTrees(EventFacts facts) {
    this.facts = facts;
    this.lineage = ProcessLineage.of(facts.store());
  }

  List<ProcessNode> tree(Set<String> guids, List<Step> steps) {
    Map<String, ProcessNode> nodes = new LinkedHashMap<>();
    for (String g : guids) {
      String cur = g;
      for (int up = 0; cur != null && up <= ANCESTORS; up++) {
        int e = lineage.creation(cur);
        if (e < 0) {
          break;
        }
        nodes.putIfAbsent(cur, ProcessNode.created(facts, e, 0, guids.contains(cur)));
        cur = facts.parentGuid(e);
      }
      for (int c : lineage.children(g)) {
        String cg = EventFacts.guid(facts.field(c, "ProcessGuid"));
        nodes.putIfAbsent(cg, ProcessNode.created(facts, c, 0, guids.contains(cg)));
      }
    }
    for (Step s : steps) {
      if (facts.store().eventId(s.event()) == 4688) {
        nodes.putIfAbsent("pid:" + facts.actorPid(s.event()), ProcessNode.created(facts, s.event(), 0, true));
      }
    }
    return ordered(nodes);
  }

  /** Depth-first, roots (parent not in the tree) first, children in creation order. */
  private static List<ProcessNode> ordered(Map<String, ProcessNode> nodes) {
    Map<String, List<ProcessNode>> kids = new LinkedHashMap<>();
    List<ProcessNode> roots = new ArrayList<>();
    nodes.values().stream().sorted((a, b) -> Long.compare(a.ticks(), b.ticks())).forEach(n -> {
      if (n.parentId() != null && nodes.containsKey(n.parentId()) && !n.parentId().equals(n.id())) {
        kids.computeIfAbsent(n.parentId(), p -> new ArrayList<>()).add(n);
      } else {
        roots.add(n);
      }
    });
    List<ProcessNode> out = new ArrayList<>();
    for (ProcessNode r : roots) {
      walk(r, 0, kids, out);
    }
    return out;
  }

  private static void walk(ProcessNode n, int depth, Map<String, List<ProcessNode>> kids, List<ProcessNode> out) {
    if (depth > 32) {
      return;
    }
    out.add(n.atDepth(depth));
    for (ProcessNode k : kids.getOrDefault(n.id(), List.of())) {
      walk(k, depth + 1, kids, out);
    }
  }
}
