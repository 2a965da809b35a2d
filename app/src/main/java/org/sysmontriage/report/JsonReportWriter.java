package org.sysmontriage.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;
import org.sysmontriage.risk.RiskRollup;

/**
 * The hits and the summary in one JSON document. Each hit has the fields of {@code scan}'s JSONL (unknown time and record id are null)
 * ({@code analytic_id, title, author, techniques, tactics, risk, severity, time, computer, source,
 * record_id, event_id, fields}) plus {@code matches}, {@code hit_key} and the case's triage.
 */
public final class JsonReportWriter implements ReportWriter {
  @Override
  public void write(ReportData data, OutputStream out) throws IOException {
    try (JsonGenerator g = SafeJsonGenerator.over(out)) {
      g.writeStartObject();
      writeReport(g, data.input());
      JsonIncidents.write(g, data);
      new JsonSummary(g).write(data);
      correlations(g, data);
      starred(g, data);
      g.writeArrayFieldStart("hits");
      for (HitRow r : data.rows()) {
        writeHit(g, r);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void writeReport(JsonGenerator g, ReportInput in) throws IOException {
    g.writeObjectFieldStart("report");
    g.writeStringField("tool", "Sysmon Triage");
    g.writeStringField("version", in.toolVersion());
    g.writeStringField("generated_at", in.generatedAt().toString());
    g.writeNumberField("min_risk", in.minRisk());
    g.writeBooleanField("case_applied", in.caseFile() != null);
    g.writeEndObject();
  }

  /** One hit, named as in {@code scan}'s JSONL. */
  static void writeHit(JsonGenerator g, HitRow r) throws IOException {
    var a = r.hit().analytic();
    g.writeStartObject();
    g.writeStringField("analytic_id", a.id());
    g.writeStringField("title", a.title());
    g.writeStringField("author", r.author());
    strings(g, "techniques", a.techniques());
    strings(g, "tactics", a.tactics());
    g.writeNumberField("risk", r.risk());
    g.writeStringField("severity", a.severity().sigmaName());
    where(g, r.time(), r.computer(), r.source(), r.recordId(), r.eventId());
    g.writeObjectFieldStart("fields");
    for (Map.Entry<String, String> f : r.fields().entrySet()) {
      g.writeStringField(f.getKey(), f.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("matches");
    for (MatchedField m : r.hit().matches()) {
      g.writeStartObject();
      g.writeStringField("field", m.field());
      g.writeStringField("value", m.value());
      g.writeStringField("reason", m.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("user", r.user());
    g.writeStringField("user_from", r.userFrom());
    g.writeStringField("hit_key", r.key().text());
    g.writeStringField("status", r.triage().status().jsonName());
    strings(g, "tags", r.triage().tags());
    g.writeStringField("notes", r.triage().notes());
    g.writeEndObject();
  }

  /**
   * {@code correlations}: each finding of a Sigma correlation rule with what held and the hits it groups
   * ({@code analytic_id, time, computer, source, record_id, event_id}).
   */
  private static void correlations(JsonGenerator g, ReportData d) throws IOException {
    g.writeArrayFieldStart("correlations");
    for (CorrelationFinding f : d.correlations()) {
      CorrelationRows.write(g, d.input().store(), f);
    }
    g.writeEndArray();
  }

  /**
   * {@code starred_events}: every event the analyst starred ({@link ReportData#starred()}): {@code key}, {@code hit_key}
   * and {@code analytic_id} (null for an event that is no hit), where it was read, user, image, target, command line,
   * the hit's status, tags (without the star) and notes; a bookmark whose log was not read has {@code found} false.
   */
  private static void starred(JsonGenerator g, ReportData d) throws IOException {
    g.writeArrayFieldStart("starred_events");
    for (StarredEvent s : d.starred()) {
      g.writeStartObject();
      g.writeStringField("key", s.key());
      g.writeBooleanField("found", s.found());
      if (s.hit() == null) {
        g.writeNullField("hit_key");
        g.writeNullField("analytic_id");
      } else {
        g.writeStringField("hit_key", s.hit().key().text());
        g.writeStringField("analytic_id", s.hit().analyticId());
      }
      where(g, s.time(), s.computer(), s.source(), s.recordId(), s.eventId());
      g.writeStringField("channel", s.channel());
      g.writeStringField("user", s.user());
      g.writeStringField("image", s.first("Image", "SourceImage"));
      g.writeStringField("target", s.first("TargetImage", "TargetFilename", "TargetObject"));
      g.writeStringField("command_line", s.first("CommandLine"));
      g.writeStringField("status", s.triage().status().jsonName());
      strings(g, "tags", s.triage().tags());
      g.writeStringField("notes", s.triage().notes());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Where a hit's event was read: {@code time} (null when unknown), computer, source, {@code record_id} (null when none), event_id. */
  static void where(JsonGenerator g, String time, String computer, String source, long recordId, int eventId) throws IOException {
    if (time.isEmpty()) {
      g.writeNullField("time");
    } else {
      g.writeStringField("time", time);
    }
    g.writeStringField("computer", computer);
    g.writeStringField("source", source);
    if (recordId < 0) {
      g.writeNullField("record_id");
    } else {
      g.writeNumberField("record_id", recordId);
    }
    g.writeNumberField("event_id", eventId);
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** The summary object: inputs, time range, hosts, counts, roll-ups. */
  private record JsonSummary(JsonGenerator g) {
    void write(ReportData d) throws IOException {
      g.writeObjectFieldStart("summary");
      long[] range = d.eventTimeRange();
      g.writeNumberField("events", d.input().store().size());
      g.writeStringField("time_first", Times.format(range[0]));
      g.writeStringField("time_last", Times.format(range[1]));
      strings(g, "hosts", d.input().store().computers());
      g.writeNumberField("hits", d.rows().size());
      g.writeNumberField("suppressed", d.suppressed());
      g.writeNumberField("below_min_risk", d.belowMinRisk());
      g.writeNumberField("import_issues", d.importIssues());
      sources(d.input().sources());
      strings(g, "case_source_problems", d.sourceProblems().stream().map(p -> p.message()).toList());
      risk("risk_by_host", d.rollup().hosts());
      risk("risk_by_user", d.rollup().users());
      g.writeStringField("attack", d.input().catalog().attackLabel());
      techniques(d.techniques());
      aggregates(d.aggregates());
      g.writeEndObject();
    }

    private void sources(List<SourceInfo> sources) throws IOException {
      g.writeArrayFieldStart("sources");
      for (SourceInfo s : sources) {
        g.writeStartObject();
        g.writeStringField("source", s.source());
        g.writeStringField("format", s.format());
        g.writeStringField("dialect", s.dialect());
        g.writeStringField("sha256", s.sha256());
        g.writeNumberField("size_bytes", s.sizeBytes());
        g.writeNumberField("events", s.events());
        g.writeNumberField("skipped", s.skipped());
        g.writeArrayFieldStart("issues");
        for (ImportIssue i : s.issues()) {
          g.writeStartObject();
          g.writeStringField("where", i.where());
          g.writeStringField("message", i.shownMessage());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void risk(String name, List<RiskRollup.Finding> findings) throws IOException {
      g.writeArrayFieldStart(name);
      for (RiskRollup.Finding f : findings) {
        g.writeStartObject();
        g.writeStringField("name", f.name());
        g.writeNumberField("hits", f.hits());
        g.writeNumberField("risk_sum", f.sum());
        g.writeNumberField("risk_max", f.max());
        strings(g, "analytic_ids", f.analytics());
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void aggregates(List<AggregateFinding> findings) throws IOException {
      g.writeArrayFieldStart("aggregates");
      for (AggregateFinding a : findings) {
        g.writeStartObject();
        g.writeStringField("analytic_id", a.analyticId());
        g.writeObjectFieldStart("group");
        for (Map.Entry<String, String> e : a.group().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("count", a.count());
        g.writeStringField("first", Times.format(a.firstTicks()));
        g.writeStringField("last", Times.format(a.lastTicks()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }

    private void techniques(List<TechniqueLine> lines) throws IOException {
      g.writeArrayFieldStart("techniques");
      for (TechniqueLine t : lines) {
        g.writeStartObject();
        g.writeStringField("id", t.id());
        g.writeNumberField("hits", t.hits());
        g.writeNumberField("risk_max", t.riskMax());
        strings(g, "tactics", t.tactics());
        strings(g, "analytic_ids", t.analyticIds());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
