package org.sysmontriage.incident;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * Who started whom, over a whole store, from the process creation events: Sysmon EID 1 linked by
 * ProcessGuid / ParentProcessGuid, Security 4688 by NewProcessId / ProcessId on the same host. Process
 * ids are reused, so an id names the latest creation of that id on that host at or before the time it
 * is seen, and a process's children are those its id started before the id was created again.
 * Where both logs saw the same start (same host, process id and image, at most {@link #TWIN_SECONDS} apart) the
 * two lineages are joined: a process's parent is found in either log, its children are those of both logs (each
 * start listed once, the Sysmon event preferred).
 * Built once per store (one pass over the creation events); a lineage then reads a few map entries.
 * Immutable once built: safe to read from any thread.
 */
public final class ProcessLineage {
  /** Ancestors followed at most (a loop in damaged logs ends here). */
  static final int MAX_ANCESTORS = 64;
  /** Descendants listed at most under the hit's process (every generation counts). */
  static final int MAX_CHILDREN = 500;
  /** Seconds at most between a Sysmon EID 1 and a Security 4688 of the same process start. */
  static final long TWIN_SECONDS = 2;

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
   * A process tree around one event: its ancestors (root first), the process itself, every descendant
   * (depth first, children in time order).
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

  /** The lineage of the store asked for last: the incidents and both details panes share it (built once per store). */
  private static SoftReference<ProcessLineage> last = new SoftReference<>(null);

  /**
   * The store's process creations indexed (a pass over its EID 1 and 4688 events: call it off the UI thread).
   * Built by the first thread that asks and kept (softly: memory pressure may drop it) until another store is
   * asked for; a second thread asking meanwhile waits for that build instead of making its own (bench ui: the
   * incidents and the first selected hit each built one, and the young pauses copied both).
   */
  public static synchronized ProcessLineage of(EventStore store) {
    ProcessLineage l = last.get();
    if (l == null || l.store() != store) {
      l = new ProcessLineage(store);
      last = new SoftReference<>(l);
    }
    return l;
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

  /**
   * The process tree around event {@code e}: the process acting in it, its ancestors in the logs and all its
   * descendants (at most {@link #MAX_CHILDREN}), Sysmon and Security lineages joined.
   */
  public Tree around(int e) {
    EventStore store = facts.store();
    if (e < 0 || e >= store.size()) {
      return Tree.empty();
    }
    int start = creationOf(e);
    List<Integer> chain = new ArrayList<>(); // from the process up to the root
    if (start >= 0) {
      for (int c = start; c >= 0 && chain.size() <= MAX_ANCESTORS && !chain.contains(c); c = joinedParent(c)) {
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
    Set<Integer> seen = new HashSet<>(chain);
    chain.forEach(c -> seen.add(twin(c)));
    List<Integer> kids = start >= 0 ? joinedChildren(start) : childrenOfUnstarted(e, guid, pid);
    Deque<int[]> todo = new ArrayDeque<>(); // (creation, depth), depth first with children in time order
    for (int k = kids.size() - 1; k >= 0; k--) {
      todo.push(new int[] {kids.get(k), depth + 1});
    }
    int listed = 0;
    while (!todo.isEmpty() && listed < MAX_CHILDREN) {
      int[] next = todo.pop();
      if (!seen.add(next[0])) {
        continue; // a loop in damaged logs, or a start both logs saw reached twice
      }
      seen.add(twin(next[0]));
      nodes.add(node(next[0], next[1], false));
      listed++;
      if (next[1] - depth < MAX_ANCESTORS) {
        List<Integer> more = joinedChildren(next[0]);
        for (int k = more.size() - 1; k >= 0; k--) {
          todo.push(new int[] {more.get(k), next[1] + 1});
        }
      }
    }
    return new Tree(nodes, focus);
  }

  /**
   * The same process start as the other log saw it (Sysmon EID 1 for a Security 4688 and back): same host,
   * same process id, same image where both name one, at most {@link #TWIN_SECONDS} apart (the closest); or -1.
   */
  public int twin(int c) {
    EventStore store = facts.store();
    int id = store.eventId(c);
    String pid = id == 1 || id == 4688 ? facts.actorPid(c) : null;
    int[] others = pid == null ? null : (id == 1 ? securityCreated : sysmonCreated).get(new PidKey(store.computerId(c), pid));
    long t = store.ticks(c);
    if (others == null || t == Times.UNKNOWN) {
      return -1; // a start without a time is never the same start as another log's
    }
    long window = TWIN_SECONDS * Times.TICKS_PER_SECOND;
    int best = -1;
    long bestGap = Long.MAX_VALUE;
    // the starts of this id are in time order: only those within the window are looked at (an id reused
    // thousands of times on a host costs a binary search, not a scan per node)
    for (int i = Times.firstAtOrAfter(others.length, k -> store.ticks(others[k]), t - window);
        i < others.length && store.ticks(others[i]) <= t + window; i++) {
      long gap = Math.abs(store.ticks(others[i]) - t);
      if (gap < bestGap && sameImage(c, others[i])) {
        best = others[i];
        bestGap = gap;
      }
    }
    return best;
  }

  private boolean sameImage(int a, int b) {
    String x = facts.image(a);
    String y = facts.image(b);
    return x == null || y == null || x.equalsIgnoreCase(y);
  }

  /** The Sysmon view of a start both logs saw (it carries GUIDs), else the start itself. */
  private int preferSysmon(int c) {
    if (c >= 0 && store().eventId(c) == 4688) {
      int t = twin(c);
      return t >= 0 ? t : c;
    }
    return c;
  }

  /** The parent's creation event from either log, the Sysmon one where both saw it; or -1. */
  int joinedParent(int c) {
    int p = parentOf(c);
    if (p < 0) {
      int t = twin(c);
      p = t >= 0 ? parentOf(t) : -1;
    }
    return preferSysmon(p);
  }

  /** The children of creation {@code c} in both logs, each start once (the Sysmon one where both saw it), in time order. */
  List<Integer> joinedChildren(int c) {
    Set<Integer> out = new LinkedHashSet<>();
    childrenOf(c).forEach(k -> out.add(preferSysmon(k)));
    int t = twin(c);
    if (t >= 0) {
      childrenOf(t).forEach(k -> out.add(preferSysmon(k)));
    }
    List<Integer> sorted = new ArrayList<>(out);
    sorted.sort((a, b) -> Long.compare(store().ticks(a), store().ticks(b)));
    return sorted;
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
