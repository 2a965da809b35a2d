package org.sysmontriage.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * An ATT&CK Navigator layer (format 4.5, domain enterprise-attack): every technique hit, scored by
 * its highest risk or its hit count, with the analytic ids in the comment. A scored sub-technique
 * also expands its parent, so the score is visible when the layer opens.
 */
public final class NavigatorLayerWriter implements ReportWriter {
  static final String LAYER_VERSION = "4.5";
  static final String NAVIGATOR_VERSION = "5.1.0";

  @Override
  public void write(ReportData data, OutputStream out) throws IOException {
    ReportInput in = data.input();
    List<TechniqueLine> lines = data.techniques().stream().filter(t -> ReportCatalog.TECHNIQUE.matcher(t.id()).matches()).toList();
    int max = in.score() == NavigatorScore.COUNT ? lines.stream().mapToInt(TechniqueLine::hits).max().orElse(1) : 100;
    try (JsonGenerator g = SafeJsonGenerator.over(out)) {
      g.writeStartObject();
      g.writeStringField("name", "Sysmon Triage hits");
      g.writeObjectFieldStart("versions");
      g.writeStringField("attack", in.catalog().attackVersion());
      g.writeStringField("navigator", NAVIGATOR_VERSION);
      g.writeStringField("layer", LAYER_VERSION);
      g.writeEndObject();
      g.writeStringField("domain", "enterprise-attack");
      g.writeStringField("description", description(data));
      g.writeObjectFieldStart("filters");
      JsonReportWriter.strings(g, "platforms", List.of("Windows"));
      g.writeEndObject();
      g.writeNumberField("sorting", 3);
      g.writeBooleanField("hideDisabled", false);
      g.writeArrayFieldStart("techniques");
      for (Map.Entry<String, TechniqueLine> e : withParents(lines).entrySet()) {
        technique(g, e.getKey(), e.getValue(), in.score(), lines);
      }
      g.writeEndArray();
      gradient(g, max);
      g.writeArrayFieldStart("legendItems");
      g.writeEndArray();
      g.writeBooleanField("showTacticRowBackground", false);
      g.writeBooleanField("selectTechniquesAcrossTactics", true);
      g.writeBooleanField("selectSubtechniquesWithParent", false);
      g.writeBooleanField("selectVisibleTechniques", false);
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static String description(ReportData d) {
    ReportInput in = d.input();
    return HtmlHits.hits(d.rows().size()) + " over " + in.store().size() + " events from " + in.sources().size()
        + " logs; scored by " + (in.score() == NavigatorScore.COUNT ? "hit count" : "maximum risk (0-100)")
        + "; made by Sysmon Triage " + in.toolVersion() + " at " + in.generatedAt()
        + (in.catalog().attackLabel().isEmpty() ? "" : "; " + in.catalog().attackLabel());
  }

  /** Each technique hit, and the parent of each sub-technique hit (null line when the parent itself was not hit). */
  private static Map<String, TechniqueLine> withParents(List<TechniqueLine> lines) {
    Map<String, TechniqueLine> out = new java.util.TreeMap<>();
    for (TechniqueLine t : lines) {
      out.put(t.id(), t);
      if (t.id().contains(".")) {
        out.putIfAbsent(t.id().substring(0, t.id().indexOf('.')), null);
      }
    }
    return out;
  }

  private static void technique(JsonGenerator g, String id, TechniqueLine t, NavigatorScore by, List<TechniqueLine> all)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("techniqueID", id);
    if (t != null) {
      g.writeNumberField("score", by == NavigatorScore.COUNT ? t.hits() : t.riskMax());
      g.writeStringField("comment", HtmlHits.hits(t.hits()) + ", max risk " + t.riskMax() + "; analytics: " + String.join(", ", t.analyticIds()));
    }
    g.writeBooleanField("enabled", true);
    g.writeArrayFieldStart("metadata");
    g.writeEndArray();
    g.writeArrayFieldStart("links");
    g.writeEndArray();
    boolean parentOfHit = all.stream().anyMatch(s -> s.id().startsWith(id + "."));
    g.writeBooleanField("showSubtechniques", parentOfHit);
    g.writeEndObject();
  }

  private static void gradient(JsonGenerator g, int max) throws IOException {
    g.writeObjectFieldStart("gradient");
    JsonReportWriter.strings(g, "colors", List.of("#fff3b0ff", "#f4a259ff", "#bc4b51ff"));
    g.writeNumberField("minValue", 0);
    g.writeNumberField("maxValue", Math.max(max, 1));
    g.writeEndObject();
  }
}
