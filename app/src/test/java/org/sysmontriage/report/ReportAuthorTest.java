package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;

/** DRL 1.1: every report shows the author of the rule behind each hit. */
class ReportAuthorTest {
  private static final String AUTHOR = "Jane Doe <Example Labs>, Richard Roe";

  private static ReportData data() {
    AnalyticLibrary lib = AnalyticLibrary.fromText("hunt/whoami.yml", """
        title: Procdump run
        id: hunt-procdump
        author: %s
        level: high
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\procdump64.exe'
          condition: sel
        """.formatted(AUTHOR));
    ReportFixture f = ReportFixture.sample();
    Hit hit = new Hit(0, lib.analytic("hunt-procdump"), List.of(new MatchedField("Image", "C:\\Tools\\procdump64.exe", "")));
    return ReportData.of(ReportInput.of(f.store, List.of(hit)).withCatalog(new LibraryCatalog(lib, AttackCatalog.builtIn())));
  }

  private static String write(ReportWriter w) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(data(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasTheAuthorAfterTheTitle() throws Exception {
    List<List<String>> rows = Rfc4180.parse(write(new CsvReportWriter()).substring(1));
    int col = CsvReportWriter.COLUMNS.indexOf("author");
    assertEquals(CsvReportWriter.COLUMNS.indexOf("title") + 1, col);
    assertEquals(AUTHOR, rows.get(1).get(col));
  }

  @Test
  void jsonHitsNameTheAuthor() throws Exception {
    JsonNode hit = new ObjectMapper().readTree(write(new JsonReportWriter())).get("hits").get(0);
    assertEquals(AUTHOR, hit.get("author").asText());
  }

  @Test
  void htmlNamesTheAuthorOverTheRulesHitsEscaped() throws Exception {
    String html = write(new HtmlReportWriter());
    assertTrue(html.contains("Rule by Jane Doe &lt;Example Labs&gt;, Richard Roe"), html);
  }
}
