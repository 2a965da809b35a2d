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
        nodes.putIfAbsent(cur, node(cur, facts.parentGuid(e), e, guids.contains(cur)));
        cur = facts.parentGuid(e);
      }
      for (int c : lineage.children(g)) {
        String cg = EventFacts.guid(facts.field(c, "ProcessGuid"));
        nodes.putIfAbsent(cg, node(cg, g, c, guids.contains(cg)));
      }
    }
    for (Step s : steps) {
      if (facts.store().eventId(s.event()) == 4688) {
        String id = "pid:" + facts.actorPid(s.event());
        String parent = facts.parentPid(s.event()) == null ? null : "pid:" + facts.parentPid(s.event());
        nodes.putIfAbsent(id, node(id, parent, s.event(), true));
      }
    }
    return ordered(nodes);
  }

  private ProcessNode node(String id, String parent, int e, boolean inIncident) {
    return new ProcessNode(id, parent, 0, facts.store().ticks(e), facts.image(e), facts.commandLine(e), facts.user(e), inIncident, e,
        facts.actorPid(e));
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
    out.add(new ProcessNode(n.id(), n.parentId(), depth, n.ticks(), n.image(), n.commandLine(), n.user(), n.marked(), n.event(), n.pid()));
    for (ProcessNode k : kids.getOrDefault(n.id(), List.of())) {
      walk(k, depth + 1, kids, out);
    }
  }
}
