package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One hit per event for rules that another analytic supersedes: a rule with {@code x-sysmon-triage:
 * folds_into: ID} keeps its hit only on events where analytic ID did not fire; where ID fired, the
 * folded hit's matched fields join ID's hit as reasons ("also ST-...: ...") and its techniques and
 * tactics join ID's, so nothing it showed is lost. ID's hit keeps its own confidence and risk.
 */
final class HitFolding {
  private static final String ALSO = "also ";
  private static final String RISK = " (risk ";

  private HitFolding() {}

  /** The analytic a reason of a folded hit names ({@code also ID (risk N): ...}), or null. */
  static String foldedId(String reason) {
    if (reason == null || !reason.startsWith(ALSO)) {
      return null;
    }
    int end = reason.indexOf(RISK, ALSO.length());
    return end < 0 ? null : reason.substring(ALSO.length(), end);
  }

  /**
   * Folds the hits of one run. {@code hits} are in event order (all hits of an event next to each
   * other); the result keeps that order. One pass over the hits.
   */
  static List<Hit> fold(List<Hit> hits, List<LoadedRule> rules, UnaryOperator<Object> canon) {
    Map<String, String> into = new HashMap<>();
    for (LoadedRule r : rules) {
      if (r.foldsInto() != null) {
        into.put(r.analytic().id(), r.foldsInto());
      }
    }
    if (into.isEmpty()) {
      return hits;
    }
    List<Hit> out = new ArrayList<>(hits.size());
    int i = 0;
    while (i < hits.size()) {
      int j = i;
      while (j < hits.size() && hits.get(j).event() == hits.get(i).event()) {
        j++;
      }
      foldEvent(hits.subList(i, j), into, canon, out);
      i = j;
    }
    return out;
  }

  private static void foldEvent(List<Hit> event, Map<String, String> into, UnaryOperator<Object> canon, List<Hit> out) {
    Map<String, Hit> byId = new LinkedHashMap<>();
    for (Hit h : event) {
      byId.putIfAbsent(h.analytic().id(), h);
    }
    Map<String, List<Hit>> folded = new HashMap<>();
    for (Hit h : event) {
      String target = into.get(h.analytic().id());
      if (target != null && byId.containsKey(target) && !target.equals(h.analytic().id())) {
        folded.computeIfAbsent(target, k -> new ArrayList<>()).add(h);
      }
    }
    for (Hit h : event) {
      String target = into.get(h.analytic().id());
      if (target != null && folded.containsKey(target) && folded.get(target).contains(h)) {
        continue;
      }
      List<Hit> joined = folded.get(h.analytic().id());
      out.add(joined == null || byId.get(h.analytic().id()) != h ? h : merged(h, joined, canon));
    }
  }

  private static Hit merged(Hit h, List<Hit> joined, UnaryOperator<Object> canon) {
    List<MatchedField> fields = new ArrayList<>(h.matches());
    LinkedHashSet<String> techniques = new LinkedHashSet<>(h.analytic().techniques());
    LinkedHashSet<String> tactics = new LinkedHashSet<>(h.analytic().tactics());
    for (Hit f : joined) {
      Analytic a = f.analytic();
      for (MatchedField m : f.matches()) {
        fields.add(new MatchedField(m.field(), m.value(), (String) canon.apply(ALSO + a.id() + RISK + f.risk() + "): " + m.reason())));
      }
      techniques.addAll(a.techniques());
      tactics.addAll(a.tactics());
    }
    Analytic a = h.analytic();
    Analytic with = (Analytic) canon.apply(new Analytic(a.id(), a.title(), a.description(), a.severity(), List.copyOf(techniques),
        List.copyOf(tactics), a.impact(), a.confidence()));
    return new Hit(h.event(), with, fields);
  }
}
