package org.sysmontriage.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Campaign;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentCorrelation;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.incident.Step;

/**
 * The JSON report's first sections: incidents (with steps, score formula, verdict), campaigns, clock
 * skews. The step and list shapes are shared with {@code incidents --format jsonl}.
 */
public final class JsonIncidents {
  private JsonIncidents() {}

  static void write(JsonGenerator g, ReportData d) throws IOException {
    EventStore store = d.input().store();
    g.writeArrayFieldStart("incidents");
    for (Incident i : d.incidents()) {
      incident(g, store, i, d);
    }
    g.writeEndArray();
    IncidentResult r = d.incidentResult();
    g.writeArrayFieldStart("campaigns");
    for (Campaign c : r.campaigns()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("link", c.link());
      strings(g, "hosts", c.hosts());
      strings(g, "incidents", c.incidentIds());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("clock_skews");
    for (ClockSkew s : r.detectedSkews()) {
      g.writeStartObject();
      g.writeStringField("source", s.sourceName());
      g.writeStringField("channel", s.clock().channel());
      g.writeStringField("offset", s.offsetText());
      g.writeNumberField("pairs", s.pairs());
      g.writeNumberField("agreeing", s.agreeing());
      g.writeBooleanField("applied", r.options().appliedSkews().stream().anyMatch(a -> a.clock().equals(s.clock())));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void incident(JsonGenerator g, EventStore store, Incident i, ReportData d) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("key", i.key());
    strings(g, "hosts", i.hosts());
    strings(g, "users", i.users());
    g.writeStringField("start", i.start());
    g.writeStringField("end", i.end());
    g.writeNumberField("score", i.score().value());
    g.writeStringField("score_formula", i.score().formula());
    g.writeStringField("outcome", i.outcome().word());
    g.writeStringField("outcome_reason", i.outcomeReason());
    strings(g, "techniques", i.techniques());
    strings(g, "tactics", i.tactics());
    strings(g, "sources", i.sources());
    g.writeStringField("campaign", i.campaignId());
    g.writeStringField("verdict", d.verdict(i).status().jsonName());
    g.writeNumberField("hit_count", i.hits().size());
    g.writeArrayFieldStart("correlations");
    for (IncidentCorrelation c : i.correlations()) {
      g.writeStartObject();
      g.writeStringField("rule_id", c.ruleId());
      g.writeStringField("title", c.title());
      g.writeStringField("type", c.type());
      g.writeStringField("level", c.level());
      g.writeNumberField("risk", c.risk());
      g.writeObjectFieldStart("group");
      for (java.util.Map.Entry<String, String> e : c.group().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeNumberField("hit_count", c.hitCount());
      g.writeBooleanField("bundled", c.bundled());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("steps");
    for (Step s : i.steps()) {
      g.writeStartObject();
      stepFields(g, s);
      g.writeStringField("raw_time", Times.format(s.rawTicks()));
      g.writeStringField("kind", s.kind().words());
      g.writeStringField("evidence", s.evidence());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("hit_keys");
    for (Hit h : i.hits()) {
      g.writeString(HitKey.of(store, h).text());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A step's fields as the issue names them: time, summary, analytic_id (null for context), source, record_id. */
  public static void stepFields(JsonGenerator g, Step s) throws IOException {
    g.writeStringField("time", Times.format(s.ticks()));
    g.writeStringField("summary", s.summary());
    g.writeStringField("analytic_id", s.analyticId());
    g.writeStringField("source", s.source());
    if (s.recordId() >= 0) {
      g.writeNumberField("record_id", s.recordId());
    } else {
      g.writeNullField("record_id");
    }
  }

  /** {@code "name":[values...]}. */
  public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
