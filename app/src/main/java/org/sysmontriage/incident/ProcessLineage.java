package org.sysmontriage.incident;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.EventRuns;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Guids;
import org.sysmontriage.event.Times;

/**
 * Who started whom, over a whole store, from the process creation events: Sysmon EID 1 linked by
 * ProcessGuid / ParentProcessGuid, Security 4688 by NewProcessId / ProcessId on the same host. Process
 * ids are reused, so an id names the latest creation of that id on that host at or before the time it
 * is seen, and a process's children are those its id started before the id was created again.
 * Where both logs saw the same start (same host, process id and image, at most {@link #TWIN_SECONDS} apart) the
 * two lineages are joined: a process's parent is found in either log, its children are those of both logs (each
 * start listed once, the Sysmon event preferred).
 * Built once per store (one pass over the creation events, then a sort); a lineage then makes a few binary searches
 * in primitive arrays ({@link EventRuns}: no text or boxed number per process, for the young collections to copy).
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
  /**
   * GUIDs not of the usual form ({@code 8-4-4-4-12} hex digits) -> their tag in the GUID runs (1, 2, ...): such a
   * GUID is keyed (tag, 0, 0), one of the usual form (0, its two numbers). Empty in the logs seen so far.
   */
  private final Map<String, Integer> oddGuids = new HashMap<>();
  /** GUID -> the Sysmon EID 1 creations with it, in the order of the store's EID 1 events: the first is its start. */
  private final EventRuns creationByGuid;
  /** Parent GUID -> the Sysmon EID 1 creations it started, in time order. */
  private final EventRuns childrenByGuid;
  /** (host, new process id) -> Security 4688 creations, in time order. */
  private final EventRuns securityCreated;
  /** (host, creator process id) -> Security 4688 creations, in time order. */
  private final EventRuns securityChildren;
  /** (host, process id) -> Sysmon EID 1 creations, in time order: for events that name a process by id only. */
  private final EventRuns sysmonCreated;

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
    EventRuns.Builder creations = new EventRuns.Builder();
    EventRuns.Builder children = new EventRuns.Builder();
    for (int e : store.byEventId(1)) {
      String guid = EventFacts.guid(facts.field(e, "ProcessGuid"));
      if (guid != null) {
        addGuid(creations, guid, 0, e); // one order for all: the first EID 1 of a GUID stays first
        String parent = facts.parentGuid(e);
        if (parent != null) {
          addGuid(children, parent, store.ticks(e), e);
        }
      }
    }
    creationByGuid = creations.build();
    childrenByGuid = children.build();
    EventRuns.Builder created = new EventRuns.Builder();
    EventRuns.Builder byCreator = new EventRuns.Builder();
    EventRuns.Builder sysmon = new EventRuns.Builder();
    for (int e : store.byEventId(4688)) {
      addPid(created, store.computerId(e), facts.actorPidValue(e), store.ticks(e), e);
      addPid(byCreator, store.computerId(e), facts.parentPidValue(e), store.ticks(e), e);
    }
    for (int e : store.byEventId(1)) {
      addPid(sysmon, store.computerId(e), EventFacts.pidValue(facts.field(e, "ProcessId")), store.ticks(e), e);
    }
    securityCreated = created.build();
    securityChildren = byCreator.build();
    sysmonCreated = sysmon.build();
  }

  private void addGuid(EventRuns.Builder runs, String guid, long order, int e) {
    if (Guids.usual(guid)) {
      runs.add(0, Guids.high(guid), Guids.low(guid), order, e);
    } else {
      runs.add(oddGuids.computeIfAbsent(guid, g -> oddGuids.size() + 1), 0, 0, order, e);
    }
  }

  private static void addPid(EventRuns.Builder runs, int host, long pid, long ticks, int e) {
    if (pid >= 0) {
      runs.add(host, pid, 0, ticks, e);
    }
  }

  /** The run of {@code guid} (lower case, no braces) in GUID-keyed runs, or -1. */
  private int guidRun(EventRuns runs, String guid) {
    if (guid == null) {
      return -1;
    }
    if (Guids.usual(guid)) {
      return runs.find(0, Guids.high(guid), Guids.low(guid));
    }
    Integer tag = oddGuids.get(guid);
    return tag == null ? -1 : runs.find(tag, 0, 0);
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

  /** The Sysmon EID 1 that started the process with this GUID (lower case, no braces), or -1. */
  int creation(String guid) {
    int run = guidRun(creationByGuid, guid);
    return run < 0 ? -1 : creationByGuid.event(creationByGuid.from(run));
  }

  /** The Sysmon EID 1 events whose parent has this GUID, in time order. */
  int[] children(String guid) {
    return childrenByGuid.run(guidRun(childrenByGuid, guid));
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
    ProcessNode self = start >= 0 ? node(start, depth, true) : ProcessNode.unstarted(facts, e, depth, true);
    nodes.add(self);
    int focus = nodes.size() - 1;
    Set<Integer> seen = new HashSet<>(chain);
    chain.forEach(c -> seen.add(twin(c)));
    List<Integer> kids = start >= 0 ? joinedChildren(start) : childrenOfUnstarted(e, guid, facts.actorPidValue(e));
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
    long pid = id == 1 || id == 4688 ? facts.actorPidValue(c) : -1;
    long t = store.ticks(c);
    if (pid < 0 || t == Times.UNKNOWN) {
      return -1; // a start without a time is never the same start as another log's
    }
    EventRuns others = id == 1 ? securityCreated : sysmonCreated;
    int run = others.find(store.computerId(c), pid, 0);
    int from = others.from(run);
    int to = others.to(run);
    long window = TWIN_SECONDS * Times.TICKS_PER_SECOND;
    int best = -1;
    long bestGap = Long.MAX_VALUE;
    // the starts of this id are in time order: only those within the window are looked at (an id reused
    // thousands of times on a host costs a binary search, not a scan per node)
    for (int i = from + Times.firstAtOrAfter(to - from, k -> store.ticks(others.event(from + k)), t - window);
        i < to && store.ticks(others.event(i)) <= t + window; i++) {
      int other = others.event(i);
      long gap = Math.abs(store.ticks(other) - t);
      if (gap < bestGap && sameImage(c, other)) {
        best = other;
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
    return ProcessNode.created(facts, c, depth, marked);
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
    long pid = id == 1 ? EventFacts.pidValue(facts.field(e, "ProcessId")) : facts.actorPidValue(e);
    if (pid < 0) {
      return -1;
    }
    int host = store.computerId(e);
    int security = latestAtOrBefore(securityCreated, securityCreated.find(host, pid, 0), store.ticks(e), e);
    int sysmon = latestAtOrBefore(sysmonCreated, sysmonCreated.find(host, pid, 0), store.ticks(e), e);
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
    long ppid = facts.parentPidValue(c);
    return ppid < 0 ? -1 : latestAtOrBefore(securityCreated, securityCreated.find(store.computerId(c), ppid, 0), store.ticks(c), c);
  }

  /** The creation events of the processes that creation event {@code c} started, in time order. */
  public List<Integer> childrenOf(int c) {
    EventStore store = facts.store();
    if (store.eventId(c) == 1) {
      return list(children(EventFacts.guid(facts.field(c, "ProcessGuid"))));
    }
    long pid = facts.actorPidValue(c);
    if (pid < 0) {
      return List.of();
    }
    int host = store.computerId(c);
    long from = store.ticks(c);
    long until = nextAfter(securityCreated.find(host, pid, 0), from, c);
    return between(securityChildren.find(host, pid, 0), from, until, c);
  }

  // A process whose start is not in the logs: its children by GUID, or by id before the id's next creation.
  private List<Integer> childrenOfUnstarted(int e, String guid, long pid) {
    if (guid != null) {
      return list(children(guid));
    }
    EventStore store = facts.store();
    int host = store.computerId(e);
    long until = nextAfter(securityCreated.find(host, pid, 0), store.ticks(e), e);
    return between(securityChildren.find(host, pid, 0), Long.MIN_VALUE, until, e);
  }

  private static List<Integer> list(int[] events) {
    List<Integer> out = new ArrayList<>(events.length);
    for (int x : events) {
      out.add(x);
    }
    return out;
  }

  /** The latest creation in run {@code run} of {@code creations} at or before {@code t}, other than {@code not}; or -1. */
  private int latestAtOrBefore(EventRuns creations, int run, long t, int not) {
    int best = -1;
    for (int i = creations.from(run); i < creations.to(run); i++) {
      int c = creations.event(i);
      if (store().ticks(c) > t) {
        break;
      }
      if (c != not) {
        best = c;
      }
    }
    return best;
  }

  private long nextAfter(int run, long t, int not) {
    for (int i = securityCreated.from(run); i < securityCreated.to(run); i++) {
      int c = securityCreated.event(i);
      if (c != not && store().ticks(c) > t) {
        return store().ticks(c);
      }
    }
    return Long.MAX_VALUE;
  }

  private List<Integer> between(int run, long from, long until, int not) {
    List<Integer> out = new ArrayList<>();
    for (int i = securityChildren.from(run); i < securityChildren.to(run); i++) {
      int x = securityChildren.event(i);
      long t = store().ticks(x);
      if (t >= from && t < until && x != not) {
        out.add(x);
      }
    }
    return out;
  }
}
