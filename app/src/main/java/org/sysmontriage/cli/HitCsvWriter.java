package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/** {@code scan --format csv}: the JSONL columns (author always, empty when the rule names none), lists joined with {@code ;}, fields as JSON. */
final class HitCsvWriter implements HitWriter {
  static final String HEADER = "analytic_id,title,author,techniques,tactics,risk,severity,time,computer,source,record_id,event_id,fields";
  static final String TRIAGE_HEADER = ",status,tags,notes";

  private final Writer out;
  private final StringWriter json = new StringWriter();
  private final JsonGenerator g = JsonLines.generator(json);
  private final java.util.function.Function<String, String> authors;

  /**
   * With {@code triage} (a case applied), the columns {@code status,tags,notes} follow {@code fields}.
   *
   * @param authors analytic id -> its rule's author
   */
  HitCsvWriter(Writer out, boolean triage, java.util.function.Function<String, String> authors) throws IOException {
    this.out = out;
    this.authors = authors;
    out.write(triage ? HEADER + TRIAGE_HEADER : HEADER);
    out.write("\r\n");
  }

  @Override
  public void write(EventStore s, Hit hit) throws IOException {
    write(s, hit, null);
  }

  @Override
  public void write(EventStore s, Hit hit, HitTriage triage) throws IOException {
    int e = hit.event();
    String[] cells = {
      hit.analytic().id(), hit.analytic().title(), authors.apply(hit.analytic().id()), String.join(";", hit.analytic().techniques()),
      String.join(";", hit.analytic().tactics()), Integer.toString(hit.risk()), hit.analytic().severity().sigmaName(),
      Times.format(s.ticks(e)), s.computer(e), s.source(e).source(), s.recordId(e) < 0 ? "" : Long.toString(s.recordId(e)),
      Integer.toString(s.eventId(e)), fieldsJson(s, hit)
    };
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(EventCsvWriter.escape(cells[i]));
    }
    if (triage != null) {
      for (String cell : new String[] {triage.status().jsonName(), String.join(";", triage.tags()), triage.notes()}) {
        out.write(',');
        out.write(EventCsvWriter.escape(cell));
      }
    }
    out.write("\r\n");
  }

  private String fieldsJson(EventStore s, Hit hit) throws IOException {
    json.getBuffer().setLength(0);
    g.writeStartObject();
    for (Map.Entry<String, String> f : HitEvidence.fields(s, hit).entrySet()) {
      g.writeStringField(f.getKey(), f.getValue());
    }
    g.writeEndObject();
    g.flush();
    return json.toString();
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
