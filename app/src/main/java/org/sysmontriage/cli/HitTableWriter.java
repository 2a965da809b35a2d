package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.risk.RiskRollup;

/** {@code scan --format table}: one line per hit for a person, then groupings and risk per host and user. */
final class HitTableWriter implements HitWriter {
  private static final String ROW = "%-24s %-4s %-9s %-34s %-10s %-20s %s%n";
  private final PrintWriter out;
  private int rows;

  HitTableWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(EventStore s, Hit hit) {
    if (rows++ == 0) {
      out.printf(Locale.ROOT, ROW, "TIME", "RISK", "SEVERITY", "ANALYTIC", "TECHNIQUE", "COMPUTER", "SOURCE#RECORD  EVIDENCE");
    }
    int e = hit.event();
    String time = Times.format(s.ticks(e));
    String evidence = hit.matches().isEmpty() ? "" : hit.matches().get(0).field() + "=" + clip(hit.matches().get(0).value(), 80);
    out.printf(Locale.ROOT, ROW, time.length() >= 19 ? time.substring(0, 19) : time, hit.risk(),
        hit.analytic().severity().sigmaName(), clip(hit.analytic().id(), 34),
        hit.analytic().techniques().isEmpty() ? "" : hit.analytic().techniques().get(0), clip(s.computer(e), 20),
        s.source(e).source() + "#" + s.recordId(e) + "  " + evidence);
  }

  /** With a case: a hit an analyst triaged gets a second line with its status, tags and notes. */
  @Override
  public void write(EventStore s, Hit hit, HitTriage triage) {
    write(s, hit);
    if (triage != null && !triage.isEmpty()) {
      out.printf(Locale.ROOT, "%24s status: %s%s%s%n", "", triage.status().label(),
          triage.tags().isEmpty() ? "" : "  tags: " + clip(String.join(" ", triage.tags()), 60),
          triage.notes().isEmpty() ? "" : "  notes: " + clip(triage.notes(), 80));
    }
  }

  @Override
  public void finish(EventStore s, DetectionResult r) {
    out.printf(Locale.ROOT, "%n%d hit(s)%n", r.hits().size());
    for (AggregateFinding a : r.aggregates()) {
      out.printf(Locale.ROOT, "%s: count %d, first %s, last %s, %s%n", a.analyticId(), a.count(),
          Times.format(a.firstTicks()), Times.format(a.lastTicks()), a.group());
    }
    for (RiskRollup.Finding f : r.rollup().findings()) {
      out.printf(Locale.ROOT, "risk %-4s %-40s sum %4d  max %3d  hits %4d  %s%n", f.kind(), clip(f.name(), 40), f.sum(), f.max(),
          f.hits(), String.join(",", f.analytics()));
    }
  }

  private static String clip(String s, int max) {
    String one = s.replace('\n', ' ').replace('\r', ' ');
    return one.length() <= max ? one : one.substring(0, max - 1) + "~";
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
