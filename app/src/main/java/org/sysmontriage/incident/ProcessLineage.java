package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.event.EventStore;

/**
 * Who started whom, over a whole store, from the process creation events: Sysmon EID 1 linked by
 * ProcessGuid / ParentProcessGuid, Security 4688 by NewProcessId / ProcessId on the same host. Process
 * ids are reused, so an id names the latest creation of that id on that host at or before the time it
 * is seen, and a process's children are those its id started before the id was created again.
 * Built once per store (one pass over the creation events); a lineage then reads a few map entries.
 * Immutable once built: safe to read from any thread.
 */
public final class ProcessLineage {
  /** Ancestors followed at most (a loop in damaged logs ends here). */
  static final int MAX_ANCESTORS = 64;
  /** Children listed at most under the hit's process. */
  static final int MAX_CHILDREN = 500;

  private final EventFacts facts;
  private final Map<String, Integer> creationByGuid = new HashMap<>();
  private final Map<String, List<Integer>> childrenByGuid = new HashMap<>();
  /** (host, new process id) -> Security 4688 creations, in time order. */
  private final Map<PidKey, int[]> securityCreated;
  /** (host, creator process id) -> Security 4688 creations, in time order. */
  private final Map<PidKey, int[]> securityChildren;
  /** (host, process id) -> Sysmon EID 1 creations, in time order: for events that name a process by id only. */
  private final Map<PidKey, int[]> sysmonCreated;

  private record PidKey(int host, String pid) {}

  /**
   * A process tree around one event: its ancestors (root first), the process itself, its children.
   *
   * @param nodes in display order, each with its depth; every node's {@code event} is its creation
   *     event, or the event itself for a process whose start is not in the logs
   * @param focus the index in {@code nodes} of the event's own process, or -1 when it names none
   */
  public record Tree(List<ProcessNode> nodes, int focus) {
    public Tree {
      nodes = List.copyOf(nodes);
    }

    public static Tree empty() {
      return new Tree(List.of(), -1);
    }
  }

  private ProcessLineage(EventStore store) {
    this.facts = new EventFacts(store);
    for (int e : store.byEventId(1)) {
      String guid = EventFacts.guid(facts.field(e, "ProcessGuid"));
      if (guid != null) {
        creationByGuid.putIfAbsent(guid, e);
        String parent = facts.parentGuid(e);
        if (parent != null) {
          childrenByGuid.computeIfAbsent(parent, p -> new ArrayList<>()).add(e);
        }
      }
    }
    childrenByGuid.values().forEach(l -> l.sort((a, b) -> Long.compare(store.ticks(a), store.ticks(b))));
    Map<PidKey, List<Integer>> created = new HashMap<>();
    Map<PidKey, List<Integer>> byCreator = new HashMap<>();
    Map<PidKey, List<Integer>> sysmon = new HashMap<>();
    for (int e : store.byEventId(4688)) {
      add(created, store.computerId(e), facts.actorPid(e), e);
      add(byCreator, store.computerId(e), facts.parentPid(e), e);
    }
    for (int e : store.byEventId(1)) {
      add(sysmon, store.computerId(e), EventFacts.pid(facts.field(e, "ProcessId")), e);
    }
    securityCreated = sorted(store, created);
    securityChildren = sorted(store, byCreator);
    sysmonCreated = sorted(store, sysmon);
  }

  /** Indexes the store's process creations (a pass over its EID 1 and 4688 events: call it off the UI thread). */
  public static ProcessLineage of(EventStore store) {
    return new ProcessLineage(store);
  }

  public EventStore store() {
    return facts.store();
  }

  private static void add(Map<PidKey, List<Integer>> map, int host, String pid, int e) {
    if (pid != null) {
      map.computeIfAbsent(new PidKey(host, pid), k -> new ArrayList<>()).add(e);
    }
  }

  private static Map<PidKey, int[]> sorted(EventStore store, Map<PidKey, List<Integer>> lists) {
    Map<PidKey, int[]> out = new HashMap<>();
    lists.forEach((k, l) -> {
      int[] a = l.stream().mapToInt(Integer::intValue).toArray();
      out.put(k, Arrays.stream(a).boxed().sorted((x, y) -> Long.compare(store.ticks(x), store.ticks(y))).mapToInt(Integer::intValue).toArray());
    });
    return out;
  }

  /** The Sysmon EID 1 that started the process with this GUID (lower case, no braces), or -1. */
  int creation(String guid) {
    Integer e = guid == null ? null : creationByGuid.get(guid);
    return e == null ? -1 : e;
  }

  /** The Sysmon EID 1 events whose parent has this GUID, in time order. */
  List<Integer> children(String guid) {
    return guid == null ? List.of() : childrenByGuid.getOrDefault(guid, List.of());
  }

  /** The process tree around event {@code e}: the process acting in it, its ancestors in the logs and its children. */
  public Tree around(int e) {
    EventStore store = facts.store();
    if (e < 0 || e >= store.size()) {
      return Tree.empty();
    }
    int start = creationOf(e);
    List<Integer> chain = new ArrayList<>(); // from the process up to the root
    if (start >= 0) {
      for (int c = start; c >= 0 && chain.size() <= MAX_ANCESTORS && !chain.contains(c); c = parentOf(c)) {
        chain.add(c);
      }
    }
    List<ProcessNode> nodes = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 1; i--) {
      nodes.add(node(chain.get(i), chain.size() - 1 - i, false));
    }
    int depth = Math.max(0, chain.size() - 1);
    String guid = start >= 0 ? EventFacts.guid(facts.field(start, "ProcessGuid")) : facts.actorGuid(e);
    String pid = start >= 0 ? facts.actorPid(start) : facts.actorPid(e);
    if (start < 0 && guid == null && pid == null) {
      return Tree.empty();
    }
    ProcessNode self = start >= 0 ? node(start, depth, true) : new ProcessNode(guid != null ? guid : "pid:" + pid, null, depth,
        store.ticks(e), facts.image(e), facts.commandLine(e), facts.user(e), true, e, pid);
    nodes.add(self);
    int focus = nodes.size() - 1;
    List<Integer> kids = start >= 0 ? childrenOf(start) : childrenOfUnstarted(e, guid, pid);
    for (int k = 0; k < kids.size() && k < MAX_CHILDREN; k++) {
      if (!chain.contains(kids.get(k))) {
        nodes.add(node(kids.get(k), depth + 1, false));
      }
    }
    return new Tree(nodes, focus);
  }

  private ProcessNode node(int c, int depth, boolean marked) {
    String id = store().eventId(c) == 1 ? EventFacts.guid(facts.field(c, "ProcessGuid")) : "pid:" + facts.actorPid(c);
    String parent = store().eventId(c) == 1 ? facts.parentGuid(c) : facts.parentPid(c) == null ? null : "pid:" + facts.parentPid(c);
    return new ProcessNode(id, parent, depth, store().ticks(c), facts.image(c), facts.commandLine(c), facts.user(c), marked, c,
        facts.actorPid(c));
  }

  /** The creation event (EID 1 or 4688) of the process acting in {@code e}, or -1 when it is not in the logs. */
  public int creationOf(int e) {
    EventStore store = facts.store();
    int id = store.eventId(e);
    if (id == 4688 || id == 1 && EventFacts.guid(facts.field(e, "ProcessGuid")) != null) {
      return e;
    }
    String guid = facts.actorGuid(e);
    if (guid != null) {
      return creation(guid); // a GUID names one process: an id that names another must not stand in for it
    }
    String pid = id == 1 ? EventFacts.pid(facts.field(e, "ProcessId")) : facts.actorPid(e);
    if (pid == null) {
      return -1;
    }
    PidKey key = new PidKey(store.computerId(e), pid);
    int security = latestAtOrBefore(securityCreated.get(key), store.ticks(e), e);
    int sysmon = latestAtOrBefore(sysmonCreated.get(key), store.ticks(e), e);
    if (security < 0 || sysmon < 0) {
      return Math.max(security, sysmon);
    }
    return store.ticks(sysmon) >= store.ticks(security) ? sysmon : security;
  }

  /** The creation event of the process that started creation event {@code c}, or -1. */
  public int parentOf(int c) {
    EventStore store = facts.store();
    if (store.eventId(c) == 1) {
      return creation(facts.parentGuid(c));
    }
    String ppid = facts.parentPid(c);
    return ppid == null ? -1 : latestAtOrBefore(securityCreated.get(new PidKey(store.computerId(c), ppid)), store.ticks(c), c);
  }

  /** The creation events of the processes that creation event {@code c} started, in time order. */
  public List<Integer> childrenOf(int c) {
    EventStore store = facts.store();
    if (store.eventId(c) == 1) {
      return children(EventFacts.guid(facts.field(c, "ProcessGuid")));
    }
    String pid = facts.actorPid(c);
    if (pid == null) {
      return List.of();
    }
    PidKey key = new PidKey(store.computerId(c), pid);
    long from = store.ticks(c);
    long until = nextAfter(securityCreated.get(key), from, c);
    return between(securityChildren.get(key), from, until, c);
  }

  // A process whose start is not in the logs: its children by GUID, or by id before the id's next creation.
  private List<Integer> childrenOfUnstarted(int e, String guid, String pid) {
    if (guid != null) {
      return children(guid);
    }
    EventStore store = facts.store();
    PidKey key = new PidKey(store.computerId(e), pid);
    long until = nextAfter(securityCreated.get(key), store.ticks(e), e);
    return between(securityChildren.get(key), Long.MIN_VALUE, until, e);
  }

  private int latestAtOrBefore(int[] creations, long t, int not) {
    int best = -1;
    if (creations != null) {
      for (int c : creations) {
        if (store().ticks(c) > t) {
          break;
        }
        if (c != not) {
          best = c;
        }
      }
    }
    return best;
  }

  private long nextAfter(int[] creations, long t, int not) {
    if (creations != null) {
      for (int c : creations) {
        if (c != not && store().ticks(c) > t) {
          return store().ticks(c);
        }
      }
    }
    return Long.MAX_VALUE;
  }

  private List<Integer> between(int[] events, long from, long until, int not) {
    List<Integer> out = new ArrayList<>();
    if (events != null) {
      for (int x : events) {
        long t = store().ticks(x);
        if (t >= from && t < until && x != not) {
          out.add(x);
        }
      }
    }
    return out;
  }
}
