package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.ImportResult;

/**
 * {@code stats --format jsonl}: one line per log {@code {"source", "format", "dialect", "sha256",
 * "events", "skipped", "issues": [{"where", "message"}]}}, then {@code {"summary": true, "events",
 * "store_bytes"}}. A note (informational, not damage) keeps that shape: its message starts with
 * {@code note: }.
 */
public final class StatsJsonlWriter {
  private StatsJsonlWriter() {}

  static void write(ImportResult result, Writer out) throws IOException {
    try (JsonGenerator g = JsonLines.generator(out)) {
      for (SourceInfo s : result.sources()) {
        source(g, s);
      }
      g.writeStartObject();
      g.writeBooleanField("summary", true);
      g.writeNumberField("events", result.store().size());
      g.writeNumberField("store_bytes", result.store().bytesUsed());
      g.writeEndObject();
      JsonLines.endLine(g);
    }
  }

  /** One line per log, as {@code stats --format jsonl} prints it, without the summary line. */
  public static void writeSources(List<SourceInfo> sources, Writer out) throws IOException {
    try (JsonGenerator g = JsonLines.generator(out)) {
      for (SourceInfo s : sources) {
        source(g, s);
      }
    }
  }

  private static void source(JsonGenerator g, SourceInfo s) throws IOException {
    g.writeStartObject();
    g.writeStringField("source", s.source());
    g.writeStringField("format", s.format());
    g.writeStringField("dialect", s.dialect());
    g.writeStringField("sha256", s.sha256());
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
    JsonLines.endLine(g);
  }
}
