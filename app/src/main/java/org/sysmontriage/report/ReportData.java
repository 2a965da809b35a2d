package org.sysmontriage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.casefile.SourceProblem;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.risk.RiskRollup;
import org.sysmontriage.event.Times;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.incident.IncidentResult;

/**
 * A report's content, computed once from a {@link ReportInput} and shared by every format: the
 * case applied (allowlisted hits suppressed and counted), hits below the minimum risk counted,
 * the rest in time order, with roll-ups per host, user, technique and analytic.
 */
public final class ReportData {
  private static final Comparator<HitRow> ORDER = Comparator.comparingLong(HitRow::ticks)
      .thenComparing(HitRow::computer).thenComparing(HitRow::analyticId).thenComparingLong(HitRow::recordId)
      .thenComparing(HitRow::source).thenComparingLong(HitRow::rawOffset);

  private final ReportInput input;
  private final List<HitRow> rows;
  private final int suppressed;
  private final int belowMinRisk;
  private final List<SourceProblem> sourceProblems;
  private final IncidentResult incidents;
  private final List<CorrelationFinding> correlations;
  private final List<StarredEvent> starred;

  private ReportData(ReportInput input, List<HitRow> rows, int suppressed, int belowMinRisk, List<SourceProblem> problems,
      IncidentResult incidents, List<CorrelationFinding> correlations) {
    this.input = input;
    this.starred = StarredEvent.of(input.store(), rows, input.caseFile());
    this.correlations = List.copyOf(correlations);
    this.incidents = incidents;
    this.rows = rows;
    this.suppressed = suppressed;
    this.belowMinRisk = belowMinRisk;
    this.sourceProblems = problems;
  }

  public static ReportData of(ReportInput in) {
    EventStore store = in.store();
    AppliedCase applied = in.caseFile() == null ? AppliedCase.none(store, in.hits()) : in.caseFile().apply(store, in.hits());
    List<HitRow> rows = new ArrayList<>();
    int below = 0;
    for (Hit h : applied.kept()) {
      if (h.risk() < in.minRisk()) {
        below++;
      } else {
        HitTriage t = in.caseFile() == null ? HitTriage.NEW : applied.triage(h);
        rows.add(HitRow.of(store, h, t, in.catalog().author(h.analytic())));
      }
    }
    rows.sort(ORDER);
    List<SourceProblem> problems = in.caseFile() == null ? List.of() : in.caseFile().checkAgainst(in.sources());
    return new ReportData(in, List.copyOf(rows), applied.suppressedCount(), below, problems, incidents(in, applied.kept()),
        in.catalog().correlate(store, applied.kept()));
  }

  /**
   * Incidents of the hits the case kept, with the clock corrections the case confirmed; the
   * catalog's library gives the correlation rules that tie hits.
   */
  private static IncidentResult incidents(ReportInput in, List<Hit> kept) {
    IncidentOptions options = IncidentOptions.defaults().withLibrary(in.catalog().library());
    IncidentResult r = new IncidentEngine(options).run(in.store(), kept, new CancellationToken());
    List<ClockSkew> confirmed = in.caseFile() == null ? List.of() : in.caseFile().confirmedSkews(r.detectedSkews());
    return confirmed.isEmpty() ? r : new IncidentEngine(options.withSkews(confirmed)).run(in.store(), kept, new CancellationToken());
  }

  /**
   * Findings of the Sigma correlation rules over the hits the case keeps (all risks: a correlation
   * exists to join signals that are weak one by one), in time order.
   */
  public List<CorrelationFinding> correlations() {
    return correlations;
  }

  /** Every incident with its campaigns and clock skews (the case's confirmed corrections applied). */
  public IncidentResult incidentResult() {
    return incidents;
  }

  /** Incidents shown: score at or above the minimum risk, highest first. */
  public List<Incident> incidents() {
    return incidents.incidents().stream().filter(i -> i.score().value() >= input.minRisk()).toList();
  }

  /** The case's verdict on an incident; {@link HitTriage#NEW} without a case. */
  public HitTriage verdict(Incident i) {
    return input.caseFile() == null ? HitTriage.NEW : input.caseFile().incidentTriage(i);
  }

  public ReportInput input() {
    return input;
  }

  /** Hits shown, in time order. */
  public List<HitRow> rows() {
    return rows;
  }

  /**
   * The events the analyst starred: the starred hits shown and the case's starred events that are no hit, in
   * time order, then the case's starred events the logs read do not hold.
   */
  public List<StarredEvent> starred() {
    return starred;
  }

  /** Hits left out by the case's allowlist. */
  public int suppressed() {
    return suppressed;
  }

  /** Hits left out for a risk below {@link ReportInput#minRisk()}. */
  public int belowMinRisk() {
    return belowMinRisk;
  }

  /** The case's logs that are changed or were not opened; empty without a case. */
  public List<SourceProblem> sourceProblems() {
    return sourceProblems;
  }

  /** Time of the first and last event with a known time, or {@link Times#UNKNOWN} twice. */
  public long[] eventTimeRange() {
    int[] byTime = input.store().byTime();
    long first = Times.UNKNOWN;
    for (int e : byTime) {
      if (input.store().ticks(e) != Times.UNKNOWN) {
        first = input.store().ticks(e);
        break;
      }
    }
    long last = byTime.length == 0 ? Times.UNKNOWN : input.store().ticks(byTime[byTime.length - 1]);
    return new long[] {first, last};
  }

  public long importIssues() {
    return input.sources().stream().mapToLong(s -> Math.max(s.skipped(), s.issues().stream().filter(ImportIssue::damage).count())).sum();
  }

  /** Risk per host and per user over the hits shown (sum, max, hits, analytics), highest sum first. */
  public RiskRollup rollup() {
    RiskRollup.Builder b = new RiskRollup.Builder();
    rows.forEach(r -> b.add(r.computer(), r.user(), r.risk(), r.analyticId()));
    return b.build();
  }

  /** Techniques hit, by id. */
  public List<TechniqueLine> techniques() {
    Map<String, TechniqueTally> by = new TreeMap<>();
    for (HitRow r : rows) {
      for (String t : r.hit().analytic().techniques()) {
        by.computeIfAbsent(t, k -> new TechniqueTally()).add(r);
      }
    }
    List<TechniqueLine> out = new ArrayList<>();
    by.forEach((id, t) -> out.add(new TechniqueLine(id, t.hits, t.riskMax, tacticsOf(id, t.tactics), List.copyOf(t.analytics))));
    return out;
  }

  /** A technique's hits counted as they pass: no list of its rows is kept. */
  private static final class TechniqueTally {
    int hits;
    int riskMax;
    final TreeSet<String> tactics = new TreeSet<>();
    final TreeSet<String> analytics = new TreeSet<>();

    void add(HitRow r) {
      hits++;
      riskMax = Math.max(riskMax, r.risk());
      tactics.addAll(r.hit().analytic().tactics());
      analytics.add(r.analyticId());
    }
  }

  /** The technique's own tactics in ATT&CK; the rules' tactic tags only for a technique the catalog does not know. */
  private List<String> tacticsOf(String techniqueId, TreeSet<String> ruleTactics) {
    List<String> own = input.catalog().techniqueTactics(techniqueId);
    return own.isEmpty() ? List.copyOf(ruleTactics) : own;
  }

  /** Analytics with hits, by id. */
  public List<AnalyticLine> analytics() {
    Map<String, Analytic> byId = new TreeMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (HitRow r : rows) {
      byId.putIfAbsent(r.analyticId(), r.hit().analytic());
      counts.merge(r.analyticId(), 1, Integer::sum);
    }
    return byId.values().stream()
        .map(a -> new AnalyticLine(a, input.catalog().source(a), counts.get(a.id())))
        .toList();
  }

  /**
   * Grouped findings (e.g. Splunk's stats by Computer, TargetImage, SourceImage...) that still have a
   * hit shown: a group whose every hit the allowlist or the minimum risk left out is left out too.
   */
  public List<AggregateFinding> aggregates() {
    Map<String, BitSet> shown = new HashMap<>();
    rows.forEach(r -> shown.computeIfAbsent(r.analyticId(), k -> new BitSet()).set(r.hit().event()));
    return input.aggregates().stream()
        .filter(a -> shown.containsKey(a.analyticId()) && a.events().stream().anyMatch(shown.get(a.analyticId())::get))
        .toList();
  }

  /** Hits grouped by host, then analytic, both sorted; rows keep time order. */
  public Map<String, Map<String, List<HitRow>>> byHostAndAnalytic() {
    Map<String, Map<String, List<HitRow>>> out = new TreeMap<>();
    for (HitRow r : rows) {
      out.computeIfAbsent(r.computer(), k -> new TreeMap<>()).computeIfAbsent(r.analyticId(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }
}
