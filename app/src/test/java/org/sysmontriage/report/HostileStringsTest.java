package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;

/** Every string in a report may come from an attacker: none of it may become markup, a formula or broken JSON. */
class HostileStringsTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String ATTR = "\"><img src=x onerror=alert(1)>'";
  static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"click\")";
  static final String BIDI = "invoice\u202Egpj.exe";
  static final String INVISIBLE = "lsa\u200Bss\u0001\u0007.exe\uFEFF";
  static final String LONE = "bad\uD800surrogate";
  static final String LONG = "A".repeat(100_000);
  static final String SLOT = "{{css}}</svg></style><script>x</script>";
  static final List<String> HOSTILE = List.of(SCRIPT, ATTR, FORMULA, "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
      BIDI, INVISIBLE, LONE, LONG, SLOT);
  private static final Set<String> OUR_TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
      "h3", "h4", "p", "nav", "a", "main", "section", "table", "tr", "th", "td", "span", "ul", "li", "div", "strong", "em",
      "br", "svg", "text", "line", "rect", "footer");

  @Test
  void htmlTurnsNoHostileStringIntoMarkup() throws Exception {
    String html = new String(ReportGoldenTest.render(ReportType.HTML, hostileInput()), StandardCharsets.UTF_8);
    Matcher tags = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)").matcher(html);
    while (tags.find()) {
      assertTrue(OUR_TAGS.contains(tags.group(1).toLowerCase(Locale.ROOT)), "unexpected element <" + tags.group(1));
    }
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
    assertFalse(Pattern.compile("\\son\\w+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html.replaceAll(">[^<]*<", "><")).find(),
        "an event-handler attribute inside a tag");
    assertEquals(1, count(html, ":root {"), "the CSS slot was filled once, never from data");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("\u202E") || html.contains("\u200B") || html.contains("\u0001") || html.contains("\uFEFF"),
        "invisible or direction-changing characters left as they are");
    assertTrue(html.contains("<span class=\"odd\">U+202E</span>"));
    assertTrue(html.contains("<section id=\"aggregates\">"), "grouped findings are shown (and escaped)");
    assertTrue(html.contains("<section id=\"incidents\" class=\"major\">") && html.contains("<div class=\"hit\" id=\"INC-001\">"),
        "incidents are shown (and escaped)");
    assertTrue(html.contains("[U+202E]"), "SVG text marks odd characters in plain text");
    assertFalse(html.contains("A".repeat(Html.MAX_VALUE + 1)));
    assertTrue(html.contains("[truncated: 100000 characters in full]"));
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"));
  }

  @Test
  void csvNeutralisesFormulasInEveryCell() throws Exception {
    byte[] bytes = ReportGoldenTest.render(ReportType.CSV, hostileInput());
    List<List<String>> rows = Rfc4180.parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
    assertEquals(CsvReportWriter.COLUMNS, rows.get(0));
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(CsvReportWriter.COLUMNS.size(), row.size());
      for (String cell : row) {
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "formula-like cell: " + cell);
      }
    }
    List<String> hit = rows.get(1);
    assertEquals("'" + FORMULA, hit.get(CsvReportWriter.COLUMNS.indexOf("computer")));
    assertEquals("'\rCR", hit.get(CsvReportWriter.COLUMNS.indexOf("notes")));
    assertEquals(LONG, hit.get(CsvReportWriter.COLUMNS.indexOf("command_line")), "CSV keeps long values whole");
  }

  @Test
  void jsonRoundTripsEveryHostileString() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(ReportGoldenTest.render(ReportType.JSON, hostileInput()));
    JsonNode hit = doc.get("hits").get(0);
    assertEquals(FORMULA, hit.get("computer").asText());
    assertEquals(SCRIPT, hit.get("analytic_id").asText());
    assertEquals(LONG, hit.get("fields").get("CommandLine").asText());
    assertEquals(BIDI, hit.get("fields").get(SCRIPT).asText());
    assertEquals(INVISIBLE, hit.get("user").asText());
    assertEquals("bad\uFFFDsurrogate", hit.get("tags").get(3).asText(), "a lone surrogate becomes U+FFFD");
    assertEquals(SLOT, doc.get("summary").get("sources").get(0).get("source").asText());
    assertEquals("\rCR", hit.get("notes").asText());
    assertEquals(BIDI + SCRIPT, doc.get("summary").get("aggregates").get(0).get("group").get(ATTR).asText());
  }

  @Test
  void navigatorLayerStaysValidJsonAndSkipsNonTechniqueIds() throws Exception {
    JsonNode layer = new ObjectMapper().readTree(ReportGoldenTest.render(ReportType.NAVIGATOR, hostileInput()));
    assertEquals("enterprise-attack", layer.get("domain").asText());
    List<String> ids = new ArrayList<>();
    layer.get("techniques").forEach(t -> ids.add(t.get("techniqueID").asText()));
    assertEquals(List.of("T1003", "T1003.001"), ids);
    assertTrue(layer.get("techniques").get(1).get("comment").asText().contains(SCRIPT));
  }

  static ReportInput hostileInput() {
    EventStoreBuilder b = new EventStoreBuilder();
    int s = b.addSource(SLOT);
    String[] fields = new String[HOSTILE.size() * 2 + 8];
    for (int i = 0; i < HOSTILE.size(); i++) {
      fields[2 * i] = "F" + i + HOSTILE.get(i).substring(0, Math.min(40, HOSTILE.get(i).length()));
      fields[2 * i + 1] = HOSTILE.get(i);
    }
    int n = HOSTILE.size() * 2;
    fields[n] = SCRIPT;
    fields[n + 1] = BIDI;
    fields[n + 2] = "CommandLine";
    fields[n + 3] = LONG;
    fields[n + 4] = "User";
    fields[n + 5] = INVISIBLE;
    fields[n + 6] = "Lone";
    fields[n + 7] = LONE;
    b.accept(ReportFixture.event(10, "2020-01-01T00:00:00Z", FORMULA, 5, 77, fields), s);
    b.accept(ReportFixture.event(10, "2020-01-01T00:10:00Z", BIDI + SCRIPT, 6, 99, "Image", ATTR), s);
    b.setSource(s, new SourceInfo(SLOT, Path.of("x"), "json", ATTR, "c".repeat(64), 10, 2, 1,
        List.of(new ImportIssue(SCRIPT, ATTR, LONG + INVISIBLE))));
    EventStore store = b.freeze();
    Analytic a = new Analytic(SCRIPT, ATTR + BIDI, LONG, Severity.CRITICAL, List.of("T1003.001", SCRIPT),
        List.of("credential-access", ATTR), 100, 95);
    List<Hit> hits = List.of(new Hit(0, a, List.of(new MatchedField(SCRIPT, BIDI, ATTR + FORMULA))),
        new Hit(1, a, List.of(new MatchedField("Image", ATTR, SCRIPT))));
    CaseFile c = CaseFile.of(store.sources()).withTriage(HitKey.of(store, hits.get(0)),
        new HitTriage(HitStatus.FALSE_POSITIVE, List.of(SCRIPT, FORMULA, BIDI, LONE), "\rCR", SCRIPT, ATTR));
    List<AggregateFinding> groups = List.of(new AggregateFinding(SCRIPT, java.util.Map.of(ATTR, BIDI + SCRIPT, "Long", LONG), 2,
        store.ticks(0), store.ticks(1), List.of(0, 1)));
    return ReportInput.of(store, hits).withCase(c).withToolVersion(SCRIPT).withGeneratedAt(ReportFixture.GENERATED)
        .withAggregates(groups);
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
