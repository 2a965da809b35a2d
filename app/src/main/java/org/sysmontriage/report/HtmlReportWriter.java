package org.sysmontriage.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One self-contained, printable HTML file: inline CSS, an inline SVG timeline, no script, nothing
 * fetched (a Content-Security-Policy forbids it). Every string from the logs goes through {@link Html}.
 */
public final class HtmlReportWriter implements ReportWriter {
  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");
  private static final String TEMPLATE = resource("report.html");
  private static final String CSS = resource("report.css");
  private static final String BODY = "{{body}}";

  /**
   * Streams the page: the template up to the body, then the incidents, the summary, the hits group by
   * group and the analytics, then the rest of the template. No copy of the whole page is held; the
   * page shows a bounded number of hits and says how many it leaves out ({@link HtmlHits}).
   */
  @Override
  public void write(ReportData data, OutputStream out) throws IOException {
    ReportInput in = data.input();
    Map<String, String> slots = Map.of(
        "version", Html.plain(in.toolVersion()),
        "generated", utc(in.generatedAt()),
        "css", CSS);
    int body = TEMPLATE.indexOf(BODY);
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write(fill(TEMPLATE.substring(0, body), slots));
    HtmlIncidents.write(data, w);
    w.write('\n');
    w.write(HtmlSummary.of(data));
    w.write('\n');
    w.write(HtmlStarred.of(data));
    w.write(HtmlCorrelations.of(data));
    HtmlHits.write(data, w);
    w.write('\n');
    w.write(HtmlSummary.analytics(data));
    w.write(fill(TEMPLATE.substring(body + BODY.length()), slots));
    w.flush();
  }

  static String utc(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", " UTC");
  }

  /** Fills {@code {{name}}} slots in one pass, so nothing inserted is read as a slot again. */
  static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder b = new StringBuilder(template.length() + slots.values().stream().mapToInt(String::length).sum());
    while (m.find()) {
      String v = slots.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException("report template slot without a value: " + m.group());
      }
      m.appendReplacement(b, Matcher.quoteReplacement(v));
    }
    m.appendTail(b);
    return b.toString();
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
