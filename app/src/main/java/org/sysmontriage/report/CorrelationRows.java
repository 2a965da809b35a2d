package org.sysmontriage.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.detect.correlation.CorrelationRule;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * A correlation finding as every output shows it: the rule, what held, and the hits it groups, each
 * named by the base rule it matched and where its event was read.
 */
public final class CorrelationRows {
  /** One grouped hit: the base rule's id and its event. */
  public record Row(String analyticId, int event, String time, String computer, String source, long recordId, int eventId) {}

  private CorrelationRows() {}

  /** The grouped hits of a finding, in time order. */
  public static List<Row> rows(EventStore store, CorrelationFinding f) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < f.events().size(); i++) {
      int e = f.events().get(i);
      out.add(new Row(f.ruleIds().get(i), e, Times.format(store.ticks(e)), store.computer(e), store.source(e).source(),
          store.recordId(e), store.eventId(e)));
    }
    return out;
  }

  /** {@code event_count >= 3 within 5m, grouped by User=alice}: what the rule asked and for which group. */
  public static String what(CorrelationFinding f) {
    CorrelationRule r = f.rule();
    String condition = r.condition() == null ? "all rules" : r.condition().toString();
    String group = f.group().isEmpty() ? "" : ", grouped by " + f.group().entrySet().stream()
        .map(Map.Entry::getKey).map(k -> k + "=" + f.group().get(k)).collect(Collectors.joining(", "));
    return r.type().sigmaName() + " " + condition + " within " + span(r.timespanTicks()) + group;
  }

  /**
   * One finding as a JSON object (the JSON report's {@code correlations} and {@code scan --format jsonl}):
   * {@code {"correlation_id","title","author","type","condition","group":{},"count","first","last",
   * "hits":[{"analytic_id","time","computer","source","record_id","event_id"}]}}.
   */
  public static void write(JsonGenerator g, EventStore store, CorrelationFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("correlation_id", f.rule().id());
    g.writeStringField("title", f.rule().title());
    g.writeStringField("author", f.rule().author());
    g.writeStringField("type", f.rule().type().sigmaName());
    g.writeStringField("condition", what(f));
    g.writeObjectFieldStart("group");
    for (Map.Entry<String, String> e : f.group().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeNumberField("count", f.count());
    g.writeStringField("first", Times.format(f.firstTicks()));
    g.writeStringField("last", Times.format(f.lastTicks()));
    g.writeArrayFieldStart("hits");
    for (Row r : rows(store, f)) {
      g.writeStartObject();
      g.writeStringField("analytic_id", r.analyticId());
      JsonReportWriter.where(g, r.time(), r.computer(), r.source(), r.recordId(), r.eventId());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** 300 s -> "5m": the timespan as a rule writes it. */
  static String span(long ticks) {
    long s = ticks / Times.TICKS_PER_SECOND;
    if (s % 86400 == 0 && s > 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    }
    return s % 60 == 0 && s > 0 ? s / 60 + "m" : s + "s";
  }
}
