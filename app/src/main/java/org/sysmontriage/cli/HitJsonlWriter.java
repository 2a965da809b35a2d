package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.report.CorrelationRows;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * {@code scan --format jsonl}: one hit per line, {@code {"analytic_id", "title", "author", "techniques",
 * "tactics", "risk", "severity", "time", "computer", "source", "record_id", "event_id", "fields", "reasons"}}
 * ({@code reasons}: why each field decided the hit, and how the confidence was reached).
 */
public final class HitJsonlWriter implements HitWriter {
  private final JsonGenerator g;
  private final java.util.function.Function<String, String> authors;

  /** Authors from the built-in analytics (the fleet job runs only those). */
  public HitJsonlWriter(Writer out) {
    this(out, AnalyticLibrary.builtIn()::author);
  }

  /** @param authors analytic id -> the rule's author (written as "author" when not empty) */
  public HitJsonlWriter(Writer out, java.util.function.Function<String, String> authors) {
    g = JsonLines.generator(out);
    this.authors = authors;
  }

  @Override
  public void write(EventStore s, Hit hit) throws IOException {
    write(s, hit, null);
  }

  /** With a case ({@code --case}): {@code "status"}, {@code "tags"} and {@code "notes"} follow {@code "fields"}. */
  @Override
  public void write(EventStore s, Hit hit, HitTriage triage) throws IOException {
    int e = hit.event();
    g.writeStartObject();
    g.writeStringField("analytic_id", hit.analytic().id());
    g.writeStringField("title", hit.analytic().title());
    String author = authors.apply(hit.analytic().id());
    if (!author.isEmpty()) {
      g.writeStringField("author", author);
    }
    array("techniques", hit.analytic().techniques());
    array("tactics", hit.analytic().tactics());
    g.writeNumberField("risk", hit.risk());
    g.writeStringField("severity", hit.analytic().severity().sigmaName());
    String time = Times.format(s.ticks(e));
    if (time.isEmpty()) {
      g.writeNullField("time");
    } else {
      g.writeStringField("time", time);
    }
    g.writeStringField("computer", s.computer(e));
    g.writeStringField("source", s.source(e).source());
    if (s.recordId(e) < 0) {
      g.writeNullField("record_id");
    } else {
      g.writeNumberField("record_id", s.recordId(e));
    }
    g.writeNumberField("event_id", s.eventId(e));
    g.writeObjectFieldStart("fields");
    for (Map.Entry<String, String> f : HitEvidence.fields(s, hit).entrySet()) {
      g.writeStringField(f.getKey(), f.getValue());
    }
    g.writeEndObject();
    g.writeArrayFieldStart("reasons");
    for (MatchedField m : hit.matches()) {
      g.writeString(m.field() + ": " + m.reason());
    }
    g.writeEndArray();
    if (triage != null) {
      g.writeStringField("status", triage.status().jsonName());
      array("tags", triage.tags());
      g.writeStringField("notes", triage.notes());
    }
    g.writeEndObject();
    JsonLines.endLine(g);
  }

  /**
   * After the hits, one line per finding of a Sigma correlation rule:
   * {@code {"correlation_id","title","author","type","condition","group":{},"count","first","last",
   * "hits":[{"analytic_id","time","computer","source","record_id","event_id"}]}} (a hit line never has
   * {@code correlation_id}).
   */
  @Override
  public void finish(EventStore s, DetectionResult r) throws IOException {
    for (CorrelationFinding f : r.correlations()) {
      CorrelationRows.write(g, s, f);
      JsonLines.endLine(g);
    }
  }

  private void array(String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  @Override
  public void close() throws IOException {
    g.close();
  }
}
