package org.sysmontriage.fleet;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.incident.Clock;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.SkewDetector;

/**
 * Clock skews over the whole fleet, as {@code incidents} finds them over one import: each host
 * sends the offsets of its pairs (Security 4688 against Sysmon EID 1 of the same process on that
 * computer) per log and channel; the driver puts every host's offsets of one clock together and
 * decides with the desktop's rule ({@link SkewDetector#skew}). A skew to apply goes back to the
 * hosts named by its log, since each host's store numbers its logs in its own way.
 */
final class FleetSkews {
  private FleetSkews() {}

  /** One host's evidence on one clock: the offsets of its pairs. */
  record Pairs(String source, String channel, long[] deltas) implements Serializable {}

  /** A skew to apply, named by its log and channel. */
  record Shift(String source, String sha256, String channel, long offsetTicks, int pairs, int agreeing) implements Serializable {
    static Shift of(ClockSkew s) {
      return new Shift(s.sourceName(), s.sha256(), s.clock().channel(), s.offsetTicks(), s.pairs(), s.agreeing());
    }
  }

  /** A host store's evidence per clock. */
  static List<Pairs> pairs(EventStore store) {
    List<Pairs> out = new ArrayList<>();
    SkewDetector.deltas(store).forEach((clock, d) -> out.add(new Pairs(store.sources().get(clock.source()).source(), clock.channel(),
        d.stream().mapToLong(Long::longValue).toArray())));
    return out;
  }

  /**
   * The skews of all hosts' clocks, each decided on the offsets of every host, in log order (then
   * channel): clocks are numbered by the logs' places in {@code sources}, as one import numbers them.
   */
  static List<ClockSkew> detect(List<HostResult> hosts, List<SourceInfo> sources) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      index.putIfAbsent(sources.get(i).source(), i);
    }
    Map<Clock, List<long[]>> byClock = new TreeMap<>(Comparator.comparingInt(Clock::source).thenComparing(Clock::channel));
    for (HostResult h : hosts) {
      for (Pairs p : h.skewPairs()) {
        Integer i = index.get(p.source());
        if (i != null) { // every log of a host's store was read, so it is listed
          byClock.computeIfAbsent(new Clock(i, p.channel()), c -> new ArrayList<>()).add(p.deltas());
        }
      }
    }
    List<ClockSkew> out = new ArrayList<>();
    byClock.forEach((clock, parts) -> {
      long[] all = parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
      SourceInfo s = sources.get(clock.source());
      ClockSkew skew = SkewDetector.skew(clock, s.source(), s.sha256(), all);
      if (skew != null) {
        out.add(skew);
      }
    });
    return out;
  }

  /** The shifts that concern a host's store, as skews of its own clocks. */
  static List<ClockSkew> local(List<Shift> shifts, EventStore store) {
    if (shifts.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < store.sources().size(); i++) {
      index.putIfAbsent(store.sources().get(i).source(), i);
    }
    List<ClockSkew> out = new ArrayList<>();
    for (Shift s : shifts) {
      Integer i = index.get(s.source());
      if (i != null) {
        out.add(new ClockSkew(new Clock(i, s.channel()), s.source(), s.sha256(), s.offsetTicks(), s.pairs(), s.agreeing()));
      }
    }
    return out;
  }

  /** Whether a host has events of a log a shift names: its incidents may move. */
  static boolean concerns(List<Shift> shifts, HostResult host) {
    return shifts.stream().anyMatch(s -> host.sources().contains(s.source()));
  }
}
