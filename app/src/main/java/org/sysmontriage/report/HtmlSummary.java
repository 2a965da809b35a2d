package org.sysmontriage.report;

import java.util.List;
import java.util.stream.Collectors;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.SourceProblem;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;
import org.sysmontriage.risk.RiskRollup;

/** The report's overview sections: summary, risk, timeline, ATT&CK, and the analytics used. */
final class HtmlSummary {
  static final int MAX_ISSUES = 200;
  /** Grouped findings listed; the rest are counted (the JSON report holds every group). */
  static final int MAX_AGGREGATES = 500;

  private HtmlSummary() {}

  static String of(ReportData d) {
    return summary(d) + risk(d) + timeline(d) + attack(d) + aggregates(d);
  }

  private static String summary(ReportData d) {
    ReportInput in = d.input();
    long[] range = d.eventTimeRange();
    StringBuilder b = new StringBuilder("<section id=\"summary\"><h2>Summary</h2><table class=\"facts\">");
    fact(b, "Events read", num(in.store().size()));
    fact(b, "Time range (UTC)", Html.text(Times.format(range[0])) + " to " + Html.text(Times.format(range[1])));
    fact(b, "Hosts", in.store().computers().stream().map(Html::text).collect(Collectors.joining(", ")));
    fact(b, "Hits shown", num(d.rows().size()) + (in.minRisk() > 0 ? " (risk " + in.minRisk() + " and above)" : ""));
    fact(b, "Left out below the minimum risk", num(d.belowMinRisk()));
    fact(b, "Suppressed by the case's allowlist", in.caseFile() == null ? "no case applied" : num(d.suppressed()));
    if (in.caseFile() != null) {
      fact(b, "Statuses of the hits shown", statuses(d));
    }
    fact(b, "Import issues", num(d.importIssues()));
    b.append("</table>");
    caseProblems(b, d.sourceProblems());
    inputs(b, in.sources());
    issues(b, in.sources());
    return b.append("</section>\n").toString();
  }

  private static String statuses(ReportData d) {
    var counts = new java.util.EnumMap<HitStatus, Integer>(HitStatus.class);
    d.rows().forEach(r -> counts.merge(r.triage().status(), 1, Integer::sum));
    return counts.entrySet().stream().map(e -> e.getKey().label() + ": " + e.getValue()).collect(Collectors.joining(" \u00b7 "));
  }

  private static void inputs(StringBuilder b, List<SourceInfo> sources) {
    b.append("<h3>Inputs</h3><table><tr><th>Log</th><th>Format</th><th class=\"num\">Size (bytes)</th><th>SHA-256</th>")
        .append("<th class=\"num\">Events</th><th class=\"num\">Skipped</th></tr>");
    for (SourceInfo s : sources) {
      b.append("<tr><td class=\"mono\">").append(Html.value(s.source())).append("</td><td>").append(Html.text(s.format()))
          .append(s.dialect().isEmpty() ? "" : " / " + Html.text(s.dialect())).append("</td><td class=\"num\">")
          .append(num(s.sizeBytes())).append("</td><td class=\"hash\">").append(Html.text(s.sha256()))
          .append("</td><td class=\"num\">").append(num(s.events())).append("</td><td class=\"num\">").append(num(s.skipped()))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void issues(StringBuilder b, List<SourceInfo> sources) {
    List<ImportIssue> all = sources.stream().flatMap(s -> s.issues().stream()).toList();
    if (all.isEmpty()) {
      return;
    }
    b.append("<h3>Import issues</h3><ul class=\"issues\">");
    all.stream().limit(MAX_ISSUES).forEach(i -> b.append("<li><span class=\"mono\">").append(Html.value(i.source()))
        .append("</span>: ").append(Html.value(i.where())).append(": ").append(Html.value(i.shownMessage())).append("</li>"));
    if (all.size() > MAX_ISSUES) {
      b.append("<li>").append(all.size() - MAX_ISSUES).append(" more issues: see the JSON report</li>");
    }
    b.append("</ul>");
  }

  private static void caseProblems(StringBuilder b, List<SourceProblem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    b.append("<div class=\"warn\"><strong>The case file's logs differ from the logs read:</strong><ul>");
    problems.forEach(p -> b.append("<li>").append(Html.value(p.message())).append("</li>"));
    b.append("</ul></div>");
  }

  private static String risk(ReportData d) {
    return "<section id=\"risk\"><h2>Risk per host and user</h2><p class=\"muted\">Risk of a hit = impact \u00d7 confidence / 100"
        + " (Splunk risk-based alerting); sum and maximum over the hits shown.</p>"
        + riskTable("Host", d.rollup().hosts()) + riskTable("User", d.rollup().users()) + "</section>\n";
  }

  private static String riskTable(String what, List<RiskRollup.Finding> lines) {
    if (lines.isEmpty()) {
      return "<p class=\"muted\">No hits with a " + what.toLowerCase(java.util.Locale.ROOT) + ".</p>";
    }
    StringBuilder b = new StringBuilder("<table><tr><th>").append(what).append("</th><th class=\"num\">Hits</th>")
        .append("<th class=\"num\">Risk sum</th><th class=\"num\">Risk max</th><th>Analytics</th></tr>");
    for (RiskRollup.Finding l : lines) {
      b.append("<tr><td>").append(Html.value(l.name())).append("</td><td class=\"num\">").append(l.hits())
          .append("</td><td class=\"num\">").append(l.sum()).append("</td><td class=\"num\">").append(l.max())
          .append("</td><td class=\"mono\">").append(l.analytics().stream().map(Html::text).collect(Collectors.joining(", ")))
          .append("</td></tr>");
    }
    return b.append("</table>").toString();
  }

  private static String timeline(ReportData d) {
    StringBuilder b = new StringBuilder("<section id=\"timeline\"><h2>Timeline</h2><p class=\"legend\">");
    for (var s : org.sysmontriage.detect.Severity.values()) {
      b.append("<span><span class=\"sev sev-").append(s.sigmaName()).append("\">").append(s.sigmaName()).append("</span></span>");
    }
    return b.append("</p>").append(TimelineSvg.of(d.rows())).append("</section>\n").toString();
  }

  private static String attack(ReportData d) {
    ReportCatalog c = d.input().catalog();
    StringBuilder b = new StringBuilder("<section id=\"attack\"><h2>ATT&amp;CK techniques and tactics</h2>");
    if (!c.attackLabel().isEmpty()) {
      b.append("<p class=\"muted\">").append(Html.text(c.attackLabel())).append("</p>");
    }
    if (d.techniques().isEmpty()) {
      return b.append("<p class=\"muted\">No technique hit.</p></section>\n").toString();
    }
    b.append("<table><tr><th>Technique</th><th>Name</th><th>Tactics</th><th class=\"num\">Hits</th>")
        .append("<th class=\"num\">Risk max</th><th>Analytics</th></tr>");
    for (TechniqueLine t : d.techniques()) {
      b.append("<tr><td>").append(Html.link(t.id(), c.techniqueUrl(t.id()))).append("</td><td>")
          .append(Html.text(c.techniqueName(t.id()))).append("</td><td>")
          .append(t.tactics().stream().map(s -> Html.link(c.tacticName(s), c.tacticUrl(s))).collect(Collectors.joining(", ")))
          .append("</td><td class=\"num\">").append(t.hits()).append("</td><td class=\"num\">").append(t.riskMax())
          .append("</td><td class=\"mono\">").append(t.analyticIds().stream().map(Html::text).collect(Collectors.joining("<br>")))
          .append("</td></tr>");
    }
    return b.append("</table></section>\n").toString();
  }

  private static String aggregates(ReportData d) {
    if (d.aggregates().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section id=\"aggregates\"><h2>Grouped findings</h2><p class=\"muted\">Hits of analytics ")
        .append("that define a grouping (as their source page's stats command does), one line per group.</p>")
        .append("<table><tr><th>Analytic</th><th>Group</th><th class=\"num\">Count</th><th>First (UTC)</th><th>Last (UTC)</th></tr>");
    List<AggregateFinding> all = d.aggregates();
    for (AggregateFinding a : all.subList(0, Math.min(MAX_AGGREGATES, all.size()))) {
      b.append("<tr><td class=\"mono\">").append(Html.text(a.analyticId())).append("</td><td class=\"mono\">")
          .append(a.group().entrySet().stream().map(e -> Html.text(e.getKey()) + " = " + Html.value(e.getValue()))
              .collect(Collectors.joining("<br>")))
          .append("</td><td class=\"num\">").append(a.count()).append("</td><td>").append(Times.format(a.firstTicks()))
          .append("</td><td>").append(Times.format(a.lastTicks())).append("</td></tr>");
    }
    b.append("</table>");
    if (all.size() > MAX_AGGREGATES) {
      b.append("<p class=\"warn\">").append(count(all.size() - MAX_AGGREGATES, "more group is", "more groups are")).append(" not shown (this page lists the first ")
          .append(MAX_AGGREGATES).append(" of ").append(num(all.size())).append("): the JSON report (report --type json) holds every group.</p>");
    }
    return b.append("</section>\n").toString();
  }

  static String analytics(ReportData d) {
    StringBuilder b = new StringBuilder("<section id=\"analytics\" class=\"major\"><h2>Analytics used</h2>");
    if (d.analytics().isEmpty()) {
      return b.append("<p class=\"muted\">No analytic produced a hit shown here.</p></section>\n").toString();
    }
    b.append("<table><tr><th>Analytic</th><th>Title</th><th>Severity</th><th class=\"num\">Impact \u00d7 confidence / 100</th>")
        .append("<th>Techniques</th><th class=\"num\">Hits</th><th>Source page</th></tr>");
    for (AnalyticLine l : d.analytics()) {
      var a = l.analytic();
      b.append("<tr><td class=\"mono\">").append(Html.text(a.id())).append("</td><td>").append(Html.text(a.title()))
          .append(a.description().isEmpty() ? "" : "<br><span class=\"muted\">" + Html.value(a.description()) + "</span>")
          .append("</td><td><span class=\"sev sev-").append(a.severity().sigmaName()).append("\">")
          .append(a.severity().sigmaName()).append("</span></td><td class=\"num\">").append(a.impact()).append(" \u00d7 ")
          .append(a.confidence()).append(" / 100 = ").append(a.risk()).append("</td><td>")
          .append(a.techniques().stream().map(t -> Html.link(t, d.input().catalog().techniqueUrl(t))).collect(Collectors.joining(", ")))
          .append("</td><td class=\"num\">").append(l.hits()).append("</td><td>")
          .append(Html.link(l.source().name(), l.source().url())).append("</td></tr>");
    }
    return b.append("</table></section>\n").toString();
  }

  private static void fact(StringBuilder b, String name, String html) {
    b.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>");
  }

  /** {@code n} and the words for one or for many: {@code 1 more step is}, {@code 2 more steps are}. */
  static String count(long n, String one, String many) {
    return num(n) + " " + (n == 1 ? one : many);
  }

  static String num(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }
}
