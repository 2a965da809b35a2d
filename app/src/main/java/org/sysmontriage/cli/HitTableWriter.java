package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.report.CorrelationRows;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.risk.RiskRollup;

/**
 * {@code scan --format table}: one line per hit for a person, then groupings and risk per host and
 * user. The hits (not their cells: those are made again when printed) are held until the end so each
 * column is as wide as its longest cell: analytic ids
 * (Splunk UUIDs) and computer names are shown whole, and the variable-length SOURCE#RECORD comes
 * last so the columns before it stay aligned. Evidence text is made safe for the terminal. AUTHOR is the
 * rule's author (cut at 40 characters; when one is cut, every rule's whole author follows the table).
 */
final class HitTableWriter implements HitWriter {
  private static final String[] HEADER = {"TIME", "RISK", "SEVERITY", "ANALYTIC", "TECHNIQUE", "COMPUTER", "AUTHOR", "EVIDENCE", "SOURCE#RECORD"};
  /** Authors longer than this are cut in the table and listed whole under it. */
  static final int AUTHOR_WIDTH = 40;
  private final PrintWriter out;
  private final Function<String, String> authors;
  /** Analytic id -> author, for the list under the table (ids in first-hit order). */
  private final Map<String, String> authorOf = new LinkedHashMap<>();
  /** The hits in order, each with its triage (or null); cells are made from them when the table is printed. */
  private final List<Row> rows = new ArrayList<>();

  private record Row(EventStore store, Hit hit, HitTriage triage) {}

  /** @param authors analytic id -> its rule's author (Sigma {@code author}), "" when unknown */
  HitTableWriter(PrintWriter out, Function<String, String> authors) {
    this.out = out;
    this.authors = authors;
  }

  @Override
  public void write(EventStore s, Hit hit) {
    write(s, hit, null);
  }

  /** With a case: a hit an analyst triaged gets a second line with its status, tags and notes. */
  @Override
  public void write(EventStore s, Hit hit, HitTriage triage) {
    authorOf.computeIfAbsent(hit.analytic().id(), authors);
    rows.add(new Row(s, hit, triage));
  }

  private String[] cells(EventStore s, Hit hit) {
    int e = hit.event();
    String time = Times.format(s.ticks(e));
    String evidence = hit.matches().isEmpty() ? "" : hit.matches().get(0).field() + "=" + clip(hit.matches().get(0).value(), 80);
    long record = s.recordId(e);
    return new String[] {time.length() >= 19 ? time.substring(0, 19) : time, String.valueOf(hit.risk()),
        hit.analytic().severity().sigmaName(), safe(hit.analytic().id()),
        hit.analytic().techniques().isEmpty() ? "" : hit.analytic().techniques().get(0), safe(s.computer(e)),
        clip(authorOf.get(hit.analytic().id()), AUTHOR_WIDTH), evidence,
        safe(s.source(e).source()) + "#" + (record < 0 ? "?" : String.valueOf(record))};
  }

  private static String triageLine(HitTriage triage) {
    return "status: " + triage.status().label()
        + (triage.tags().isEmpty() ? "" : "  tags: " + clip(String.join(" ", triage.tags()), 60))
        + (triage.notes().isEmpty() ? "" : "  notes: " + clip(triage.notes(), 80));
  }

  private void printTable() {
    if (rows.isEmpty()) {
      return;
    }
    int[] width = new int[HEADER.length];
    for (Row r : rows) {
      String[] cells = cells(r.store(), r.hit());
      for (int i = 0; i < cells.length; i++) {
        width[i] = Math.max(width[i], cells[i].length());
      }
    }
    printRow(HEADER, width);
    for (Row r : rows) {
      printRow(cells(r.store(), r.hit()), width);
      if (r.triage() != null && !r.triage().isEmpty()) {
        out.println(" ".repeat(width[0] + 2) + triageLine(r.triage()));
      }
    }
  }

  private void printRow(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(cells[i]);
      if (i < cells.length - 1) {
        b.append(" ".repeat(Math.max(width[i], HEADER[i].length()) - cells[i].length() + 2));
      }
    }
    out.println(b);
  }

  @Override
  public void finish(EventStore s, DetectionResult r) {
    printTable();
    out.printf(Locale.ROOT, "%n%d hit(s)%n", r.hits().size());
    printAuthors();
    for (AggregateFinding a : r.aggregates()) {
      out.printf(Locale.ROOT, "%s: count %d, first %s, last %s, %s%n", safe(a.analyticId()), a.count(),
          Times.format(a.firstTicks()), Times.format(a.lastTicks()), safe(a.group().toString()));
    }
    for (CorrelationFinding f : r.correlations()) {
      out.printf(Locale.ROOT, "correlation %s %s: %s, count %d, first %s, last %s%n", safe(f.rule().id()), clip(f.rule().title(), 80),
          safe(CorrelationRows.what(f)), f.count(), Times.format(f.firstTicks()), Times.format(f.lastTicks()));
      for (CorrelationRows.Row row : CorrelationRows.rows(s, f)) {
        out.printf(Locale.ROOT, "  %s  %s  %s  %s#%s%n", row.time().length() >= 19 ? row.time().substring(0, 19) : row.time(),
            safe(row.computer()), safe(row.analyticId()), safe(row.source()), row.recordId() < 0 ? "?" : String.valueOf(row.recordId()));
      }
    }
    for (RiskRollup.Finding f : r.rollup().findings()) {
      out.printf(Locale.ROOT, "risk %-4s %-40s sum %4d  max %3d  hits %4d  %s%n", f.kind(), clip(f.name(), 40), f.sum(), f.max(),
          f.hits(), safe(String.join(",", f.analytics())));
    }
  }

  /** Each rule that fired with its whole author (DRL 1.1 asks that a SigmaHQ rule's author is shown with its hits). */
  private void printAuthors() {
    if (authorOf.values().stream().noneMatch(a -> a.length() > AUTHOR_WIDTH)) {
      return;
    }
    out.println("rule authors:");
    authorOf.forEach((id, author) -> out.printf(Locale.ROOT, "  %s: %s%n", safe(id), clip(author, Integer.MAX_VALUE)));
  }

  private static String clip(String s, int max) {
    String one = safe(s.replace('\n', ' ').replace('\r', ' '));
    return one.length() <= max ? one : one.substring(0, max - 1) + "~";
  }

  private static String safe(String s) {
    return s == null ? "" : TerminalText.safe(s);
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
