package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * Events no analytic reported that complete an incident's story:
 * <ul>
 *   <li>the dump-file trail: file events and command lines on the host that name the dump file
 *       (or a package written by a process whose command line named it: {@code 7z a out.7z
 *       lsass.dmp} then {@code out.7z}), each within the window of the previous step;</li>
 *   <li>LSASS access by the incident's own processes (Sysmon EID 10 of its ProcessGuids).</li>
 * </ul>
 * The candidate events of every host are collected once (time order) and shared by its incidents;
 * a trail starts with a binary search for its first candidate.
 */
final class ContextFinder {
  private static final int[] TRAIL_EVENTS = {1, 4688, 11, 2, 15, 23, 26, 29};
  /** LSASS access events per incident beyond the hits: a dumper opens LSASS many times. */
  static final int MAX_ACCESS_CONTEXT = 10;

  private final EventFacts facts;
  private final Timeline timeline;
  private final long window;
  private final Map<String, HostEvents> trailByHost = new HashMap<>();
  private static final HostEvents NO_EVENTS = new HostEvents(new int[0], new long[0]);
  private final Map<String, List<Integer>> accessByGuid = new HashMap<>();

  ContextFinder(EventFacts facts, Timeline timeline, long window) {
    this.facts = facts;
    this.timeline = timeline;
    this.window = window;
    EventStore store = facts.store();
    for (int e : store.byEventId(10)) {
      String guid = facts.actorGuid(e);
      if (guid != null && facts.targetsLsass(e)) {
        accessByGuid.computeIfAbsent(guid, g -> new ArrayList<>()).add(e);
      }
    }
  }

  /** LSASS accesses of these processes that are not among {@code known}. */
  List<Integer> lsassAccess(Set<String> guids, Set<Integer> known) {
    List<Integer> out = new ArrayList<>();
    for (String g : guids) {
      for (int e : accessByGuid.getOrDefault(g, List.of())) {
        if (!known.contains(e) && out.size() < MAX_ACCESS_CONTEXT) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /**
   * The dump-file trail on {@code host} from {@code names} (lower-case file names), starting within
   * the window before {@code start} and continuing while each step is within the window of the last.
   * Adds the packages it finds to {@code names}.
   */
  List<Integer> trail(String host, Set<String> names, long start, long end, Set<Integer> known) {
    List<Integer> out = new ArrayList<>();
    if (names.isEmpty()) {
      return out;
    }
    Set<String> packers = new LinkedHashSet<>();
    long last = end;
    HostEvents candidates = trailEvents(host);
    for (int k = candidates.firstAtOrAfter(start - window); k < candidates.events.length; k++) {
      int e = candidates.events[k];
      long t = candidates.ticks[k];
      if (t > last + window) {
        break;
      }
      if (known.contains(e) || !follows(e, names, packers)) {
        continue;
      }
      out.add(e);
      last = Math.max(last, t);
    }
    return out;
  }

  private boolean follows(int e, Set<String> names, Set<String> packers) {
    String file = facts.targetFile(e);
    String guid = facts.actorGuid(e);
    if (file != null) {
      String base = EventFacts.baseName(file);
      if (names.contains(base)) {
        return true;
      }
      if (guid != null && packers.contains(guid) && facts.store().eventId(e) == 11) {
        names.add(base);
        return true;
      }
      return false;
    }
    String cmd = facts.commandLine(e);
    if (cmd == null) {
      return false;
    }
    String lower = cmd.toLowerCase(Locale.ROOT);
    for (String n : names) {
      if (lower.contains(n)) {
        if (guid != null) {
          packers.add(guid);
        }
        return true;
      }
    }
    return false;
  }

  /** A host's trail candidates in time order, with their times (for a binary search of the start). */
  private record HostEvents(int[] events, long[] ticks) {
    int firstAtOrAfter(long t) {
      return Times.firstAtOrAfter(ticks, t);
    }
  }

  /** The trail candidates of every host, collected in one pass over the store on first use. */
  private HostEvents trailEvents(String host) {
    if (trailByHost.isEmpty()) {
      EventStore store = facts.store();
      Map<String, List<Integer>> byHost = new HashMap<>();
      for (int id : TRAIL_EVENTS) {
        for (int e : store.byEventId(id)) {
          byHost.computeIfAbsent(store.computer(e), h -> new ArrayList<>()).add(e);
        }
      }
      byHost.forEach((h, l) -> {
        int[] events = l.stream().sorted((a, b) -> Long.compare(timeline.ticks(a), timeline.ticks(b))).mapToInt(Integer::intValue).toArray();
        long[] ticks = new long[events.length];
        for (int k = 0; k < events.length; k++) {
          ticks[k] = timeline.ticks(events[k]);
        }
        trailByHost.put(h, new HostEvents(events, ticks));
      });
    }
    return trailByHost.getOrDefault(host, NO_EVENTS);
  }
}
