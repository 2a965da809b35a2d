package org.sysmontriage.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.sysmontriage.casefile.HitTriage;

/**
 * One row per hit, time first (ISO-8601 UTC), for Timeline Explorer and spreadsheets, then one row per
 * starred event that is no hit (title {@value #STARRED_TITLE}, no analytic, its event key in hit_key). UTF-8 with a
 * byte order mark (Excel needs it to read UTF-8; Timeline Explorer and csv libraries accept it),
 * RFC 4180 quoting, CRLF line ends, every cell neutralised against formula injection.
 */
public final class CsvReportWriter implements ReportWriter {
  static final List<String> COLUMNS = List.of("time", "computer", "user", "user_from", "analytic_id", "title", "author", "severity", "risk",
      "techniques", "tactics", "event_id", "record_id", "source", "image", "target", "command_line", "matched",
      "status", "tags", "notes", "hit_key");

  @Override
  public void write(ReportData data, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write('\uFEFF');
    line(w, COLUMNS);
    for (HitRow r : data.rows()) {
      line(w, cells(r));
    }
    for (StarredEvent s : data.starred()) {
      if (s.hit() == null) {
        line(w, cells(s)); // a starred hit is its own row above, with the bookmark tag
      }
    }
    w.flush();
  }

  static List<String> cells(HitRow r) {
    var a = r.hit().analytic();
    return List.of(r.time(), r.computer(), r.user(), r.userFrom(), a.id(), a.title(), r.author(), a.severity().sigmaName(),
        Integer.toString(r.risk()), String.join(" ", a.techniques()), String.join(" ", a.tactics()),
        r.eventId() < 0 ? "" : Integer.toString(r.eventId()), r.recordId() < 0 ? "" : Long.toString(r.recordId()),
        r.source(), r.first("Image", "SourceImage"), r.first("TargetImage", "TargetFilename", "TargetObject"),
        r.first("CommandLine"), matched(r), r.triage().status().jsonName(), String.join(" ", r.triage().tags()),
        r.triage().notes(), r.key().text());
  }

  /** Title of the rows of starred events that are no hit (after the hits). */
  static final String STARRED_TITLE = "Starred event (no hit)";
  /** Title of a starred event whose log was not read. */
  static final String STARRED_MISSING_TITLE = "Starred event not in the logs read";

  /** A starred event that is no hit: its event's columns, no analytic; hit_key holds the event's key. */
  static List<String> cells(StarredEvent s) {
    return List.of(s.time(), s.computer(), s.user(), "", "", s.found() ? STARRED_TITLE : STARRED_MISSING_TITLE, "", "", "", "", "",
        s.eventId() < 0 ? "" : Integer.toString(s.eventId()), s.recordId() < 0 ? "" : Long.toString(s.recordId()),
        s.source(), s.first("Image", "SourceImage"), s.first("TargetImage", "TargetFilename", "TargetObject"),
        s.first("CommandLine"), "", "", HitTriage.BOOKMARK_TAG, "", s.key());
  }

  private static String matched(HitRow r) {
    return r.hit().matches().stream().map(m -> m.reason().isEmpty() ? m.field() + "=" + m.value() : m.reason())
        .collect(Collectors.joining("; "));
  }

  private static void line(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(cell(cells.get(i)));
    }
    w.write("\r\n");
  }

  /** A cell that no spreadsheet runs as a formula, quoted as RFC 4180 says when needed. */
  public static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
