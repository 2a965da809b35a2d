package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.report.CsvReportWriter;

/**
 * {@code events --format csv}: fixed columns, the fields as one JSON object in the last column.
 * RFC 4180 quoting; cells a spreadsheet would run as a formula get a leading apostrophe.
 */
final class EventCsvWriter implements EventWriter {
  static final String HEADER = "source,record_id,event_id,channel,provider,computer,time,fields";

  private final Writer out;
  private final StringWriter json = new StringWriter();
  private final JsonGenerator g = JsonLines.generator(json);

  EventCsvWriter(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER);
    out.write("\r\n");
  }

  @Override
  public void write(EventStore s, int e) throws IOException {
    cell(s.source(e).source()).write(',');
    out.write(s.recordId(e) < 0 ? "" : Long.toString(s.recordId(e)));
    out.write(',');
    out.write(Integer.toString(s.eventId(e)));
    out.write(',');
    cell(s.channel(e)).write(',');
    cell(s.provider(e)).write(',');
    cell(s.computer(e)).write(',');
    cell(Times.format(s.ticks(e))).write(',');
    cell(fieldsJson(s, e)).write("\r\n");
  }

  private String fieldsJson(EventStore s, int e) throws IOException {
    json.getBuffer().setLength(0);
    g.writeStartObject();
    for (int k = 0, n = s.fieldCount(e); k < n; k++) {
      g.writeStringField(s.fieldName(e, k), s.fieldValue(e, k));
    }
    g.writeEndObject();
    g.flush();
    return json.toString();
  }

  private Writer cell(String v) throws IOException {
    out.write(escape(v));
    return out;
  }

  /** Quotes when needed; neutralises formulas ({@code = + - @}, tab, CR at the start). */
  static String escape(String v) {
    return CsvReportWriter.cell(v);
  }

  @Override
  public void close() throws IOException {
    g.close();
    out.flush();
  }
}
