package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.incident.Step;
import org.sysmontriage.report.JsonIncidents;

/** {@code incidents --format table|jsonl|csv}: the three shapes of the same incidents. */
public final class IncidentWriters {
  static final String CSV_HEADER = "id,score,outcome,hosts,users,start,end,hit_count,techniques,tactics,sources,campaign,score_formula,outcome_reason,headline";

  private IncidentWriters() {}

  /**
   * One object per incident with exactly the issue's keys: id, hosts, users, start, end, score,
   * outcome, techniques, tactics, sources, steps (time, summary, analytic_id, source, record_id), hit_count.
   */
  public static void jsonl(PrintWriter out, List<Incident> incidents) throws IOException {
    JsonGenerator g = JsonLines.generator(out);
    for (Incident i : incidents) {
      g.writeStartObject();
      g.writeStringField("id", i.id());
      JsonIncidents.strings(g, "hosts", i.hosts());
      JsonIncidents.strings(g, "users", i.users());
      g.writeStringField("start", i.start());
      g.writeStringField("end", i.end());
      g.writeNumberField("score", i.score().value());
      g.writeStringField("outcome", i.outcome().word());
      JsonIncidents.strings(g, "techniques", i.techniques());
      JsonIncidents.strings(g, "tactics", i.tactics());
      JsonIncidents.strings(g, "sources", i.sources());
      g.writeArrayFieldStart("steps");
      for (Step s : i.steps()) {
        g.writeStartObject();
        JsonIncidents.stepFields(g, s);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("hit_count", i.hits().size());
      g.writeEndObject();
      g.flush();
      JsonLines.endLine(g);
    }
    g.flush();
  }

  static void csv(PrintWriter out, List<Incident> incidents) {
    out.write(CSV_HEADER + "\r\n");
    for (Incident i : incidents) {
      String[] cells = {i.id(), Integer.toString(i.score().value()), i.outcome().word(), String.join(";", i.hosts()),
        String.join(";", i.users()), i.start(), i.end(), Integer.toString(i.hits().size()), String.join(";", i.techniques()),
        String.join(";", i.tactics()), String.join(";", i.sources()), i.campaignId() == null ? "" : i.campaignId(),
        i.score().formula(), i.outcomeReason(), i.headline()};
      for (int k = 0; k < cells.length; k++) {
        out.write((k > 0 ? "," : "") + EventCsvWriter.escape(cells[k]));
      }
      out.write("\r\n");
    }
  }

  /** The story of each incident, for people: header, score formula, outcome, steps with raw times. */
  static void table(PrintWriter out, IncidentResult result, List<Incident> incidents, Function<Incident, String> verdict) {
    result.campaigns().forEach(c -> out.println(TerminalText.safe("campaign " + c.id() + ": " + String.join(", ", c.incidentIds())
        + " on " + String.join(", ", c.hosts()) + " share " + c.link())));
    if (incidents.isEmpty()) {
      out.println("no incident");
    }
    for (Incident i : incidents) {
      out.println();
      out.println(TerminalText.safe(i.id() + "  score " + i.score().value() + "  " + i.outcome().word().toUpperCase(java.util.Locale.ROOT)
          + "  " + String.join(", ", i.hosts()) + "  " + i.start() + " .. " + i.end() + "  users: "
          + (i.users().isEmpty() ? "-" : String.join(", ", i.users())) + "  hits: " + i.hits().size()
          + (i.campaignId() == null ? "" : "  campaign " + i.campaignId())));
      if (verdict != null) {
        out.println(TerminalText.safe("  verdict:  " + verdict.apply(i)));
      }
      out.println(TerminalText.safe("  score:    " + i.score().formula()));
      out.println(TerminalText.safe("  outcome:  " + i.outcomeReason()));
      i.correlations().forEach(c -> out.println(TerminalText.safe("  tied by:  " + c.describe())));
      out.println(TerminalText.safe("  ATT&CK:   " + String.join(", ", i.techniques()) + " (" + String.join(", ", i.tactics())
          + ")   sources: " + String.join(", ", i.sources())));
      for (Step s : i.steps()) {
        String raw = s.rawTicks() == s.ticks() ? "" : "  [raw time " + Times.format(s.rawTicks()) + "]";
        String cite = s.source() + (s.recordId() >= 0 ? "#" + s.recordId() : "#?");
        out.println(TerminalText.safe("  " + Times.format(s.ticks()) + "  " + pad(s.evidence(), 10) + pad(s.context() ? "(context)" : s.analyticId(), 40)
            + " " + s.summary() + "  <" + cite + ">" + raw));
      }
    }
  }

  private static String pad(String s, int width) {
    StringBuilder b = new StringBuilder(s);
    while (b.length() < width) {
      b.append(' ');
    }
    return b.toString();
  }
}
