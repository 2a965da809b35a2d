package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.Main;
import org.sysmontriage.cli.TriageCommand;

/**
 * A report of many hits is complete in every format: the JSON is one valid document with every hit,
 * the CSV and the scan's JSONL have one line per hit, and the HTML page shows a bounded number of hits
 * with a visible line per group that counts the hits it leaves out and names the reports that hold
 * them all. A child process with a heap too small for the reports that held a copy of every hit's
 * event (-Xmx48m: those ran out of memory at 12,000 events) writes the JSON and HTML reports whole.
 */
class ManyHitsReportTest {
  /** One Sysmon EID 10 that three built-in analytics hit. */
  private static final String ACCESS = "{\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
      + "\"Hostname\":\"HOST\",\"EventID\":10,\"UtcTime\":\"2020-10-18 23:50:06.120\","
      + "\"SourceImage\":\"C:\\\\windows\\\\system32\\\\IMAGE\",\"TargetImage\":\"C:\\\\windows\\\\system32\\\\lsass.exe\","
      + "\"GrantedAccess\":\"0x1fffff\",\"CallTrace\":\"C:\\\\windows\\\\SYSTEM32\\\\ntdll.dll+9c534|C:\\\\windows\\\\System32\\\\dbgcore.DLL+6cd4\","
      + "\"SourceUser\":\"LAB\\\\wardog\",\"TargetUser\":\"NT AUTHORITY\\\\SYSTEM\"}\n";
  private static final int EVENTS = 12_000;
  private static final int HITS = 3 * EVENTS;
  /** Events of the first host: its groups pass the per-group cap; the page cap is reached later. */
  private static final int BIG_HOST = 1_200;
  private static final Pattern GROUP = Pattern.compile("<h4>.*? \u00b7 (\\d+) hits?</h4>");
  private static final Pattern NOT_SHOWN = Pattern.compile("<p class=\"warn\">([\\d,]+) hits? of this analytic on this host (?:is|are) not shown \\(");

  @TempDir static Path dir;
  static Path log;

  @BeforeAll
  static void writeLog() throws Exception {
    log = dir.resolve("many.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (int i = 0; i < EVENTS; i++) {
        String host = i < BIG_HOST ? "BIG" : "WKS" + (i % 29);
        w.write(ACCESS.replace("HOST", host).replace("IMAGE", "tool_" + i + ".exe"));
      }
    }
  }

  @Test
  void jsonIsOneValidDocumentWithEveryHit() throws Exception {
    Path out = dir.resolve("r.json");
    assertEquals(0, run("report", "--type", "json", "--out", out.toString(), log.toString()));
    assertJsonComplete(out);
  }

  @Test
  void csvHasOneRecordPerHit() throws Exception {
    Path out = dir.resolve("r.csv");
    assertEquals(0, run("report", "--type", "csv", "--out", out.toString(), log.toString()));
    List<List<String>> rows = Rfc4180.parse(Files.readString(out).substring(1));
    assertEquals(HITS + 1, rows.size());
    assertEquals(CsvReportWriter.COLUMNS, rows.get(0));
    assertEquals(HITS, rows.stream().skip(1).map(r -> r.get(CsvReportWriter.COLUMNS.indexOf("hit_key"))).distinct().count(), "every hit once");
  }

  @Test
  void scanJsonlHasOneLinePerHit() throws Exception {
    StringWriter out = new StringWriter();
    var cl = TriageCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(0, cl.execute("scan", "--format", "jsonl", log.toString()));
    List<String> lines = out.toString().lines().toList();
    assertEquals(HITS, lines.size());
    ObjectMapper m = new ObjectMapper();
    for (String l : List.of(lines.get(0), lines.get(HITS / 2), lines.get(HITS - 1))) {
      assertTrue(m.readTree(l).has("analytic_id"), l);
    }
  }

  @Test
  void htmlShowsABoundedPageAndCountsEveryHitItLeavesOut() throws Exception {
    Path out = dir.resolve("r.html");
    assertEquals(0, run("report", "--type", "html", "--out", out.toString(), log.toString()));
    assertHtmlBounded(Files.readString(out));
  }

  @Test
  void aSmallHeapWritesTheWholeReports() throws Exception {
    Path json = dir.resolve("small-heap/r.json");
    Path html = dir.resolve("small-heap/r.html");
    child("json", json);
    child("html", html);
    assertJsonComplete(json);
    assertHtmlBounded(Files.readString(html));
    try (Stream<Path> files = Files.list(json.getParent())) {
      assertEquals(List.of("r.html", "r.json"), files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary file left");
    }
  }

  private static void child(String type, Path out) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx48m", "-Dsysmontriage.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "report", "--type", type, "--out", out.toString(), log.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "guard");
    assertEquals(0, p.exitValue(), err);
    assertTrue(err.contains(": " + HITS + " hits"), err);
  }

  /** Streams the whole document (a syntax error anywhere fails), counts the hits and checks the summary. */
  private static void assertJsonComplete(Path out) throws Exception {
    int hits = 0;
    int summaryHits = -1;
    try (JsonParser p = new JsonFactory().createParser(out.toFile())) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("hits")) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            hits++;
            p.skipChildren();
          }
        } else if (name.equals("summary")) {
          JsonNode s = new ObjectMapper().readTree(p);
          summaryHits = s.get("hits").asInt();
        } else {
          p.skipChildren();
        }
      }
      assertEquals(JsonToken.END_OBJECT, p.currentToken());
      assertEquals(null, p.nextToken(), "nothing after the document");
    }
    assertEquals(HITS, hits);
    assertEquals(HITS, summaryHits);
  }

  /**
   * Per group: hits shown + hits counted as not shown = the group's count; at most {@link HtmlHits#MAX_PER_GROUP}
   * shown; a group shows fewer than its hits only with the "not shown" line; the page shows at most
   * {@link HtmlHits#MAX_SHOWN} and its first line gives the totals.
   */
  private static void assertHtmlBounded(String html) {
    String hits = html.substring(html.indexOf("<section id=\"hits\""), html.indexOf("</section>", html.indexOf("<section id=\"hits\"")));
    String[] groups = hits.split("(?=<h4>)");
    int shownTotal = 0;
    int countedTotal = 0;
    Map<String, Integer> perGroupShown = new TreeMap<>();
    for (int g = 1; g < groups.length; g++) {
      String group = groups[g].contains("<h3>") ? groups[g].substring(0, groups[g].indexOf("<h3>")) : groups[g];
      Matcher head = GROUP.matcher(group);
      assertTrue(head.find(), group.substring(0, Math.min(300, group.length())));
      int count = Integer.parseInt(head.group(1));
      int shown = occurrences(group, "<div class=\"hit\">");
      Matcher cut = NOT_SHOWN.matcher(group);
      int notShown = cut.find() ? Integer.parseInt(cut.group(1).replace(",", "")) : 0;
      assertEquals(count, shown + notShown, "group " + g);
      assertTrue(shown <= HtmlHits.MAX_PER_GROUP, "group " + g + " shows " + shown);
      assertEquals(notShown > 0, group.contains(HtmlHits.ALL_HITS), "the line names where every hit is");
      perGroupShown.put("group " + g, shown);
      shownTotal += shown;
      countedTotal += count;
    }
    assertEquals(HITS, countedTotal);
    assertEquals(HtmlHits.MAX_SHOWN, shownTotal, "the page cap is reached with these hits");
    assertTrue(perGroupShown.containsValue(HtmlHits.MAX_PER_GROUP), "some group passes the per-group cap");
    assertTrue(perGroupShown.containsValue(0), "some group is past the page cap");
    assertTrue(hits.contains("This page shows 10,000 of 36,000 hits in full"), hits.substring(0, 600));
    assertTrue(hits.contains("26,000 are counted, not shown: " + HtmlHits.ALL_HITS), hits.substring(0, 600));
    assertTrue(html.endsWith("</html>\n"), "the whole page is there");
    assertFalse(html.contains("{{"), "every template slot filled");
  }

  private static int occurrences(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static int run(String... args) {
    var cl = TriageCommand.commandLine();
    cl.setErr(new PrintWriter(new StringWriter(), true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }
}
