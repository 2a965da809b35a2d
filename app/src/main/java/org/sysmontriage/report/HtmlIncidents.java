package org.sysmontriage.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Campaign;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.incident.Step;

/** The HTML report's first section: each incident's story, score formula, outcome and verdict. */
final class HtmlIncidents {
  /** Steps shown per incident; the rest are counted in a line under the table (the JSON report holds every step). */
  static final int MAX_STEPS = 500;

  private HtmlIncidents() {}

  /** Writes the section incident by incident: only one incident's HTML is held at a time. */
  static void write(ReportData d, Writer w) throws IOException {
    IncidentResult r = d.incidentResult();
    List<Incident> shown = d.incidents();
    StringBuilder b = new StringBuilder("<section id=\"incidents\" class=\"major\"><h2>Incidents</h2><p class=\"muted\">")
        .append(shown.size()).append(shown.size() == 1 ? " incident" : " incidents")
        .append(": hits of one host tied by process, logon, user, LSASS target, dump file and time (window 10 minutes), highest score first.</p>");
    for (ClockSkew s : r.detectedSkews()) {
      boolean applied = r.options().appliedSkews().stream().anyMatch(a -> a.clock().equals(s.clock()));
      b.append("<p class=\"warn\">Clock skew: ").append(Html.text(s.describe()))
          .append(applied ? "; corrected as the case confirms (raw times shown beside)." : "; not corrected (confirm it in the case to correct it).")
          .append("</p>");
    }
    for (Campaign c : r.campaigns()) {
      b.append("<p>Campaign ").append(Html.text(c.id())).append(": ").append(Html.text(String.join(", ", c.incidentIds())))
          .append(" on ").append(Html.text(String.join(", ", c.hosts()))).append(" share ").append(Html.value(c.link())).append(".</p>");
    }
    for (Incident i : shown) {
      incident(b, i, d);
      w.write(b.toString());
      b.setLength(0);
    }
    w.write(b.append("</section>\n").toString());
  }

  private static void incident(StringBuilder b, Incident i, ReportData d) {
    String sev = Severity.ofRisk(i.score().value()).sigmaName();
    b.append("<div class=\"hit\" id=\"").append(Html.text(i.id())).append("\"><p class=\"hit-head\"><strong>").append(Html.text(i.id()))
        .append("</strong> <span class=\"sev sev-").append(sev).append("\">score ").append(i.score().value()).append("</span> <strong>")
        .append(Html.text(i.outcome().word())).append("</strong> on ").append(Html.text(String.join(", ", i.hosts())))
        .append(" \u00b7 ").append(Html.text(i.start())).append(" to ").append(Html.text(i.end()))
        .append(i.campaignId() == null ? "" : " \u00b7 campaign " + Html.text(i.campaignId()));
    if (d.input().caseFile() != null) {
      String status = d.verdict(i).status().jsonName();
      b.append(" <span class=\"badge status-").append(status).append("\">").append(Html.text(d.verdict(i).status().label())).append("</span>");
    }
    b.append("</p><table class=\"facts\">");
    fact(b, "Users", Html.text(i.users().isEmpty() ? "-" : String.join(", ", i.users())));
    fact(b, "Score", Html.text(i.score().formula()));
    fact(b, "Outcome", Html.value(i.outcomeReason()));
    if (!i.correlations().isEmpty()) {
      fact(b, "Tied by", String.join("<br>", i.correlations().stream().map(c -> Html.value(c.describe())).toList()));
    }
    fact(b, "ATT&amp;CK", Html.text(String.join(", ", i.techniques()) + " (" + String.join(", ", i.tactics()) + ")"));
    fact(b, "Evidence sources", Html.text(String.join(", ", i.sources())) + " \u00b7 " + i.hits().size() + " hits");
    b.append("</table><table><tr><th>Time (UTC)</th><th>Source</th><th>Analytic</th><th>Step</th><th>Log#record</th></tr>");
    List<Step> steps = i.steps();
    for (Step s : steps.subList(0, Math.min(MAX_STEPS, steps.size()))) {
      String raw = s.rawTicks() == s.ticks() ? "" : "<br><span class=\"muted\">raw " + Html.text(Times.format(s.rawTicks())) + "</span>";
      b.append("<tr><td class=\"mono\">").append(Html.text(Times.format(s.ticks()))).append(raw).append("</td><td>")
          .append(Html.text(s.evidence())).append("</td><td class=\"mono\">")
          .append(s.context() ? "<span class=\"muted\">context</span>" : Html.text(s.analyticId())).append("</td><td class=\"value\">")
          .append(Html.value(s.summary())).append("</td><td class=\"mono\">").append(Html.value(s.source()))
          .append(s.recordId() >= 0 ? "#" + s.recordId() : "#?").append("</td></tr>");
    }
    b.append("</table>");
    if (steps.size() > MAX_STEPS) {
      b.append("<p class=\"warn\">").append(HtmlSummary.count(steps.size() - MAX_STEPS, "more step", "more steps")).append(" of ").append(Html.text(i.id()))
          .append(steps.size() - MAX_STEPS == 1 ? " is" : " are").append(" not shown (this page shows the first ").append(MAX_STEPS).append(" of ").append(HtmlSummary.num(steps.size()))
          .append("): the JSON report (report --type json) holds every step.</p>");
    }
    b.append("</div>");
  }

  private static void fact(StringBuilder b, String name, String html) {
    b.append("<tr><th>").append(name).append("</th><td>").append(html).append("</td></tr>");
  }
}
