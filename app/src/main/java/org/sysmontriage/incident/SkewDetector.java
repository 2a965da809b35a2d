package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;

/**
 * Finds clocks that run off Sysmon's: every Security 4688 is paired with the Sysmon EID 1 of the
 * same computer, process id and image that lies nearest in time; a clock whose pairs agree on an
 * offset of a minute or more is reported. Linear in the number of process creations.
 */
public final class SkewDetector {
  /** Offsets smaller than this are ordinary logging delay, not skew. */
  public static final long MIN_SKEW = 60 * Times.TICKS_PER_SECOND;
  /** A pair agrees with the median when it is this close to it. */
  public static final long AGREEMENT = 2 * Times.TICKS_PER_SECOND;

  private SkewDetector() {}

  /** The clocks that are off, in source order. */
  public static List<ClockSkew> detect(EventStore store) {
    List<ClockSkew> out = new ArrayList<>();
    deltas(store).forEach((clock, d) -> {
      SourceInfo s = store.sources().get(clock.source());
      ClockSkew skew = skew(clock, s.source(), s.sha256(), d.stream().mapToLong(Long::longValue).toArray());
      if (skew != null) {
        out.add(skew);
      }
    });
    return out;
  }

  /**
   * Per clock (in the order its first pair was found), the offsets of its process creations from
   * the nearest Sysmon EID 1 of the same computer, process id and image: what {@link #skew} decides
   * on. Deltas of one clock found in several stores (one per host) can be put together before
   * deciding: every pair is within one computer.
   */
  public static Map<Clock, List<Long>> deltas(EventStore store) {
    EventFacts facts = new EventFacts(store);
    Map<String, List<Long>> sysmon = new HashMap<>();
    for (int e : store.byEventId(1)) {
      String key = key(store.computer(e), facts.actorPid(e), facts.field(e, "Image"));
      if (key != null && store.ticks(e) != Times.UNKNOWN && EventFacts.sourceKind(store.channel(e)).equals("Sysmon")) {
        sysmon.computeIfAbsent(key, k -> new ArrayList<>()).add(store.ticks(e));
      }
    }
    Map<Clock, List<Long>> deltas = new LinkedHashMap<>();
    for (int e : store.byEventId(4688)) {
      String key = key(store.computer(e), facts.actorPid(e), facts.field(e, "NewProcessName"));
      List<Long> seen = key == null ? null : sysmon.get(key);
      if (seen != null && store.ticks(e) != Times.UNKNOWN) {
        Clock clock = new Clock(store.sourceIndex(e), store.channel(e));
        deltas.computeIfAbsent(clock, c -> new ArrayList<>()).add(nearest(seen, store.ticks(e)) - store.ticks(e));
      }
    }
    return deltas;
  }

  /**
   * The skew of a clock from its pairs' offsets (any order), or null when they do not agree on
   * an offset of at least {@link #MIN_SKEW}.
   */
  public static ClockSkew skew(Clock clock, String sourceName, String sha256, long[] deltas) {
    long[] d = deltas.clone();
    Arrays.sort(d);
    long median = d[d.length / 2];
    int agreeing = (int) Arrays.stream(d).filter(x -> Math.abs(x - median) <= AGREEMENT).count();
    if (Math.abs(median) < MIN_SKEW || agreeing * 2 < d.length) {
      return null;
    }
    return new ClockSkew(clock, sourceName, sha256, median, d.length, agreeing);
  }

  private static long nearest(List<Long> times, long t) {
    long best = times.get(0);
    for (long x : times) {
      if (Math.abs(x - t) < Math.abs(best - t)) {
        best = x;
      }
    }
    return best;
  }

  private static String key(String computer, String pid, String image) {
    if (pid == null || image == null) {
      return null;
    }
    return computer.toLowerCase(Locale.ROOT) + '|' + pid + '|' + image.toLowerCase(Locale.ROOT);
  }
}
