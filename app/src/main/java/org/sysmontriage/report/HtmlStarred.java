package org.sysmontriage.report;

import java.util.List;

/**
 * "Starred events": every event the analyst starred, hits and events that are no hit alike, with where it was
 * read and the hit's verdict, tags and notes; nothing when none is starred. At most {@value #MAX_SHOWN} rows
 * (the CSV and JSON reports hold them all).
 */
final class HtmlStarred {
  static final int MAX_SHOWN = 2000;

  private HtmlStarred() {}

  static String of(ReportData d) {
    List<StarredEvent> all = d.starred();
    if (all.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("<section id=\"starred\" class=\"major\"><h2>Starred events</h2><p class=\"muted\">")
        .append(all.size()).append(all.size() == 1 ? " event" : " events")
        .append(" starred in the case (Ctrl+B), hits and events that are no hit, in time order.</p>")
        .append("<table><tr><th>Time (UTC)</th><th>Host</th><th>EventID</th><th>Log#record</th><th>User</th><th>What</th>")
        .append("<th>Hit</th><th>Status</th><th>Tags</th><th>Notes</th></tr>");
    for (StarredEvent s : all.subList(0, Math.min(all.size(), MAX_SHOWN))) {
      row(b, s);
    }
    b.append("</table>");
    if (all.size() > MAX_SHOWN) {
      b.append("<p class=\"muted\">").append(all.size() - MAX_SHOWN)
          .append(" more starred events are not shown here: the CSV and JSON reports (report --type csv or --type json) hold every one.</p>");
    }
    return b.append("</section>\n").toString();
  }

  private static void row(StringBuilder b, StarredEvent s) {
    if (!s.found()) {
      b.append("<tr><td colspan=\"10\">Not in the logs read: <span class=\"mono\">").append(Html.text(s.key())).append("</span></td></tr>");
      return;
    }
    String what = String.join(" · ", java.util.stream.Stream.of(s.first("Image", "SourceImage"),
        s.first("TargetImage", "TargetFilename", "TargetObject"), s.first("CommandLine")).filter(v -> !v.isEmpty()).toList());
    b.append("<tr><td class=\"mono\">").append(Html.text(s.time())).append("</td><td>").append(Html.value(s.computer()))
        .append("</td><td>").append(s.eventId()).append("</td><td class=\"mono\">").append(Html.value(s.source()))
        .append(s.recordId() < 0 ? "" : "#" + s.recordId()).append("</td><td>").append(Html.value(s.user()))
        .append("</td><td class=\"mono\">").append(Html.value(what)).append("</td><td class=\"mono\">")
        .append(s.hit() == null ? "no hit" : Html.text(s.hit().analyticId())).append("</td><td>")
        .append(s.hit() == null ? "" : Html.text(s.triage().status().jsonName())).append("</td><td>")
        .append(Html.value(String.join(", ", s.triage().tags()))).append("</td><td>").append(Html.value(s.triage().notes()))
        .append("</td></tr>");
  }
}
