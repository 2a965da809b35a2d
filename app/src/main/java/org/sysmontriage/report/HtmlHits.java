package org.sysmontriage.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.MatchedField;

/** The hits, grouped by host and analytic, each with its evidence fields; matched fields highlighted. */
final class HtmlHits {
  /** Hits shown in full per host and analytic; the rest are counted (the CSV and JSON reports hold all). */
  static final int MAX_PER_GROUP = 500;

  /** Hits shown in full in the whole page; past them each group shows its count only (the page must stay openable). */
  static final int MAX_SHOWN = 10_000;

  /** Where every hit is, said wherever the page leaves hits out. */
  static final String ALL_HITS = "the CSV and JSON reports of the same logs (report --type csv or --type json) hold every hit";

  private HtmlHits() {}

  /** Writes the section group by group: only one group's HTML is held at a time. */
  static void write(ReportData d, Writer w) throws IOException {
    StringBuilder b = new StringBuilder("<section id=\"hits\" class=\"major\"><h2>Hits by host and analytic</h2>");
    if (d.rows().isEmpty()) {
      w.write(b.append("<p class=\"muted\">No hits.</p></section>\n").toString());
      return;
    }
    Map<String, Map<String, List<HitRow>>> groups = d.byHostAndAnalytic();
    int total = d.rows().size();
    int inFull = shownInFull(groups);
    if (inFull < total) {
      b.append("<p class=\"warn\" id=\"hits-not-shown\">This page shows ").append(HtmlSummary.num(inFull)).append(" of ")
          .append(HtmlSummary.num(total)).append(" hits in full (at most ").append(MAX_PER_GROUP).append(" per host and analytic, ")
          .append(HtmlSummary.num(MAX_SHOWN)).append(" in all); ").append(HtmlSummary.num(total - inFull))
          .append(" are counted, not shown: ").append(ALL_HITS).append(".</p>");
    }
    int[] shown = {0};
    for (Map.Entry<String, Map<String, List<HitRow>>> host : groups.entrySet()) {
      int n = host.getValue().values().stream().mapToInt(List::size).sum();
      b.append("<h3>Host ").append(Html.value(host.getKey())).append(" <span class=\"muted\">(").append(hits(n)).append(")</span></h3>");
      for (List<HitRow> rows : host.getValue().values()) {
        group(b, rows, d.input().catalog(), shown);
        w.write(b.toString());
        b.setLength(0);
      }
    }
    w.write(b.append("</section>\n").toString());
  }

  /** Hits the page shows in full, group by group in page order. */
  static int shownInFull(Map<String, Map<String, List<HitRow>>> groups) {
    int shown = 0;
    for (Map<String, List<HitRow>> host : groups.values()) {
      for (List<HitRow> rows : host.values()) {
        shown += limit(rows.size(), shown);
      }
    }
    return shown;
  }

  private static int limit(int groupSize, int shownBefore) {
    return Math.min(groupSize, Math.max(0, Math.min(MAX_PER_GROUP, MAX_SHOWN - shownBefore)));
  }

  private static void group(StringBuilder b, List<HitRow> rows, ReportCatalog c, int[] shown) {
    Analytic a = rows.get(0).hit().analytic();
    b.append("<h4><span class=\"mono\">").append(Html.text(a.id())).append("</span> ").append(Html.text(a.title()))
        .append(" <span class=\"sev sev-").append(a.severity().sigmaName()).append("\">").append(a.severity().sigmaName())
        .append("</span> risk ").append(a.risk()).append(" \u00b7 ")
        .append(a.techniques().stream().map(t -> Html.link(t, c.techniqueUrl(t))).collect(Collectors.joining(", ")))
        .append(" \u00b7 ").append(hits(rows.size())).append("</h4>");
    String author = rows.get(0).author();
    if (!author.isEmpty()) {
      b.append("<p class=\"muted author\">Rule by ").append(Html.value(author)).append("</p>");
    }
    int limit = limit(rows.size(), shown[0]);
    for (HitRow r : rows.subList(0, limit)) {
      hit(b, r);
    }
    shown[0] += limit;
    if (rows.size() > limit) {
      int left = rows.size() - limit;
      b.append("<p class=\"warn\">").append(HtmlSummary.count(left, "hit", "hits")).append(" of this analytic on this host ")
          .append(left == 1 ? "is" : "are").append(" not shown (")
          .append(limit == 0 ? "this page already shows " + HtmlSummary.num(MAX_SHOWN) + " hits"
              : "this page shows the first " + limit + (limit < MAX_PER_GROUP ? ", having reached " + HtmlSummary.num(MAX_SHOWN) + " hits in all" : ""))
          .append("): ").append(ALL_HITS).append(".</p>");
    }
  }

  private static void hit(StringBuilder b, HitRow r) {
    b.append("<div class=\"hit\"><p class=\"hit-head\"><strong>").append(Html.text(r.time().isEmpty() ? "time unknown" : r.time()))
        .append("</strong> \u00b7 EventID ").append(r.eventId()).append(r.recordId() < 0 ? "" : " \u00b7 record " + r.recordId())
        .append(" \u00b7 <span class=\"mono\">").append(Html.value(r.source())).append("</span>");
    if (!r.user().isEmpty()) {
      b.append(" \u00b7 user ").append(Html.value(r.user()));
      if (!r.userFrom().isEmpty()) {
        b.append(" (from its ").append(Html.text(r.userFrom())).append(")");
      }
    }
    triage(b, r.triage());
    b.append("</p><table class=\"evidence\"><tr><th>Field</th><th>Value</th><th>Why it matched</th></tr>");
    for (Map.Entry<String, String> f : r.fields().entrySet()) {
      String reasons = reasons(r, f.getKey());
      b.append(reasons.isEmpty() ? "<tr>" : "<tr class=\"match\">").append("<td class=\"field\">").append(Html.text(f.getKey()))
          .append("</td><td class=\"value\">").append(Html.value(f.getValue())).append("</td><td>").append(reasons).append("</td></tr>");
    }
    b.append("</table></div>");
  }

  private static void triage(StringBuilder b, HitTriage t) {
    if (t.status() != HitStatus.NEW) {
      b.append(" \u00b7 <span class=\"badge status-").append(t.status().jsonName()).append("\">").append(t.status().label()).append("</span>");
    }
    for (String tag : t.tags()) {
      b.append(" <span class=\"badge\">#").append(Html.value(tag)).append("</span>");
    }
    if (!t.notes().isEmpty()) {
      b.append("<br><em>Notes:</em> ").append(Html.value(t.notes()));
    }
  }

  static String hits(long n) {
    return n + (n == 1 ? " hit" : " hits");
  }

  private static String reasons(HitRow r, String field) {
    return r.hit().matches().stream().filter(m -> m.field().equals(field)).map(m -> m.reason().isEmpty() ? "matched" : m.reason()).map(Html::value)
        .collect(Collectors.joining("<br>"));
  }
}
