package org.sysmontriage.detect.correlation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * Evaluates correlation rules over the matches of their base rules. Each group's matches are sorted
 * by time and scanned once with two pointers (temporal_ordered: a next-occurrence table), so a
 * correlation costs O(n log n) in its base matches. Matches without a known time are left out.
 */
public final class Correlator {
  private Correlator() {}

  /** A base-rule match as the correlation sees it. */
  private record Ev(int event, long ticks, int rule, String ruleId, String value) {}

  /**
   * @param rules the correlation rules
   * @param idOf a rule reference as written (id or name) -> the analytic id, or null when unknown
   * @param matchesByRuleId analytic id -> the store indexes of the events it matched
   */
  public static List<CorrelationFinding> run(List<CorrelationRule> rules, Function<String, String> idOf,
      Map<String, int[]> matchesByRuleId, EventStore store) {
    return run(rules, idOf, matchesByRuleId, store, store::ticks);
  }

  /**
   * As {@link #run(List, Function, Map, EventStore)} with event times from {@code ticks} (the
   * incident engine passes times with confirmed clock corrections applied).
   */
  public static List<CorrelationFinding> run(List<CorrelationRule> rules, Function<String, String> idOf,
      Map<String, int[]> matchesByRuleId, EventStore store, IntToLongFunction ticks) {
    List<CorrelationFinding> out = new ArrayList<>();
    for (CorrelationRule rule : rules) {
      out.addAll(run(rule, idOf, matchesByRuleId, store, ticks));
    }
    out.sort(Comparator.comparingLong(CorrelationFinding::firstTicks));
    return out;
  }

  static List<CorrelationFinding> run(CorrelationRule rule, Function<String, String> idOf, Map<String, int[]> matches,
      EventStore store, IntToLongFunction ticks) {
    Map<List<String>, List<Ev>> groups = new LinkedHashMap<>();
    for (int k = 0; k < rule.rules().size(); k++) {
      String ref = rule.rules().get(k);
      String id = idOf.apply(ref);
      int[] events = id == null ? null : matches.get(id);
      if (events == null) {
        continue;
      }
      for (int e : events) {
        long t = ticks.applyAsLong(e);
        if (t == Times.UNKNOWN) {
          continue;
        }
        List<String> key = new ArrayList<>(rule.groupBy().size());
        for (String g : rule.groupBy()) {
          String v = value(store, e, rule.fieldFor(g, ref));
          key.add(v == null ? "" : v);
        }
        String value = rule.valueField() == null ? null : value(store, e, rule.fieldFor(rule.valueField(), ref));
        groups.computeIfAbsent(key, x -> new ArrayList<>()).add(new Ev(e, t, k, id, value));
      }
    }
    List<CorrelationFinding> out = new ArrayList<>();
    for (Map.Entry<List<String>, List<Ev>> g : groups.entrySet()) {
      List<Ev> evs = g.getValue();
      evs.sort(Comparator.comparingLong(Ev::ticks).thenComparingInt(Ev::event).thenComparingInt(Ev::rule));
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0; i < rule.groupBy().size(); i++) {
        group.put(rule.groupBy().get(i), g.getKey().get(i));
      }
      if (rule.type() == CorrelationRule.Type.TEMPORAL_ORDERED) {
        ordered(rule, group, evs, out);
      } else {
        windows(rule, group, evs, out);
      }
    }
    return out;
  }

  /** event_count, value_count, temporal: the window from each unconsumed match over the timespan. */
  private static void windows(CorrelationRule rule, Map<String, String> group, List<Ev> evs, List<CorrelationFinding> out) {
    int n = evs.size();
    int[] perRule = new int[rule.rules().size()];
    int rulesPresent = 0;
    Map<String, Integer> values = new HashMap<>();
    int end = 0;
    for (int start = 0; start < n; ) {
      while (end < n && evs.get(end).ticks - evs.get(start).ticks <= rule.timespanTicks()) {
        Ev e = evs.get(end++);
        if (perRule[e.rule]++ == 0) {
          rulesPresent++;
        }
        if (e.value != null) {
          values.merge(e.value, 1, Integer::sum);
        }
      }
      long measure = switch (rule.type()) {
        case EVENT_COUNT -> end - start;
        case VALUE_COUNT -> values.size();
        default -> rulesPresent;
      };
      boolean holds = rule.condition() == null ? measure == rule.rules().size() : rule.condition().holds(measure);
      int drop = holds ? end : start + 1;
      if (holds) {
        out.add(finding(rule, group, measure, evs.subList(start, end)));
      }
      for (; start < drop; start++) {
        Ev e = evs.get(start);
        if (--perRule[e.rule] == 0) {
          rulesPresent--;
        }
        if (e.value != null && values.merge(e.value, -1, Integer::sum) == 0) {
          values.remove(e.value);
        }
      }
    }
  }

  /** temporal_ordered: each rule's match after the previous one's, all within the timespan of the first. */
  private static void ordered(CorrelationRule rule, Map<String, String> group, List<Ev> evs, List<CorrelationFinding> out) {
    int n = evs.size();
    int k = rule.rules().size();
    int[][] next = new int[k][n + 1]; // next[r][i]: first index >= i matched by rule r, or n
    for (int r = 0; r < k; r++) {
      next[r][n] = n;
      for (int i = n - 1; i >= 0; i--) {
        next[r][i] = evs.get(i).rule == r ? i : next[r][i + 1];
      }
    }
    int i = next[0][0];
    while (i < n) {
      int[] chain = new int[k];
      chain[0] = i;
      boolean complete = true;
      for (int r = 1; r < k && complete; r++) {
        int j = next[r][chain[r - 1] + 1];
        complete = j < n && evs.get(j).ticks - evs.get(i).ticks <= rule.timespanTicks();
        chain[r] = j;
      }
      if (complete) {
        List<Ev> picked = Arrays.stream(chain).mapToObj(evs::get).toList();
        out.add(finding(rule, group, k, picked));
        i = next[0][Math.min(n, chain[k - 1] + 1)];
      } else {
        i = next[0][i + 1];
      }
    }
  }

  private static CorrelationFinding finding(CorrelationRule rule, Map<String, String> group, long measure, List<Ev> evs) {
    List<Integer> events = new ArrayList<>(evs.size());
    List<String> ids = new ArrayList<>(evs.size());
    for (Ev e : evs) {
      events.add(e.event);
      ids.add(e.ruleId);
    }
    return new CorrelationFinding(rule, group, measure, evs.get(0).ticks, evs.get(evs.size() - 1).ticks, events, ids);
  }

  /** A field of an event, System fields included (Computer, EventID, Channel, Provider_Name). */
  static String value(EventStore store, int e, String field) {
    return switch (field) {
      case "Computer", "ComputerName", "Hostname" -> store.computer(e);
      case "EventID" -> Integer.toString(store.eventId(e));
      case "Channel" -> store.channel(e);
      case "Provider_Name", "Provider" -> store.provider(e);
      default -> store.field(e, field);
    };
  }
}
