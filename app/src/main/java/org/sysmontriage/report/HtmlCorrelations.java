package org.sysmontriage.report;

import org.sysmontriage.detect.correlation.CorrelationFinding;

/** The findings of Sigma correlation rules, each with the hits it groups; nothing when there are none. */
final class HtmlCorrelations {
  private HtmlCorrelations() {}

  static String of(ReportData d) {
    if (d.correlations().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section id=\"correlations\" class=\"major\"><h2>Correlations</h2><p class=\"muted\">")
        .append(d.correlations().size()).append(d.correlations().size() == 1 ? " finding" : " findings")
        .append(" of Sigma correlation rules: hits of other rules that together met the rule's condition.</p>");
    for (CorrelationFinding f : d.correlations()) {
      finding(b, d, f);
    }
    return b.append("</section>\n").toString();
  }

  private static void finding(StringBuilder b, ReportData d, CorrelationFinding f) {
    b.append("<div class=\"hit\"><p class=\"hit-head\"><span class=\"mono\">").append(Html.text(f.rule().id())).append("</span> <strong>")
        .append(Html.text(f.rule().title())).append("</strong> · ").append(Html.value(CorrelationRows.what(f)))
        .append(" · count ").append(f.count());
    if (!f.rule().author().isEmpty()) {
      b.append("<br><span class=\"muted\">Rule by ").append(Html.value(f.rule().author())).append("</span>");
    }
    b.append("</p><table><tr><th>Time (UTC)</th><th>Host</th><th>Rule</th><th>EventID</th><th>Log#record</th></tr>");
    for (CorrelationRows.Row r : CorrelationRows.rows(d.input().store(), f)) {
      b.append("<tr><td class=\"mono\">").append(Html.text(r.time())).append("</td><td>").append(Html.value(r.computer()))
          .append("</td><td class=\"mono\">").append(Html.text(r.analyticId())).append("</td><td>").append(r.eventId())
          .append("</td><td class=\"mono\">").append(Html.value(r.source())).append(r.recordId() < 0 ? "" : "#" + r.recordId())
          .append("</td></tr>");
    }
    b.append("</table></div>");
  }
}
