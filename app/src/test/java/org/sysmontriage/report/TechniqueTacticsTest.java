package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.Severity;

/** Each technique line lists that technique's own tactics, not every tactic of the rules that hit it. */
class TechniqueTacticsTest {
  /** As st_lsass_comsvcs_minidump.yml: LSASS Memory through rundll32, tagged with both tactics. */
  private static final Analytic COMSVCS = new Analytic("ST-LSASS-COMSVCS-MINIDUMP", "comsvcs MiniDump of LSASS", "",
      Severity.HIGH, List.of("T1003.001", "T1218.011"), List.of("credential-access", "defense-evasion"), 90, 90);

  @Test
  void lsassMemoryIsCredentialAccessOnlyAndRundll32IsDefenseEvasion() throws IOException {
    ReportData d = data(new LibraryCatalog(AnalyticLibrary.builtIn(), AttackCatalog.builtIn()));
    assertEquals(List.of("credential-access"), line(d, "T1003.001").tactics());
    assertEquals(List.of("defense-evasion"), line(d, "T1218.011").tactics());
    String html = html(d);
    String row = html.substring(html.indexOf(">T1003.001</a>"), html.indexOf(">T1218.011</a>"));
    assertTrue(row.contains("Credential Access") && !row.contains("Defense Evasion"), row);
    assertTrue(html.contains("MITRE ATT&amp;CK Enterprise v18 (data modified up to "), "the ATT&CK release is named");
  }

  @Test
  void aTechniqueTheCatalogDoesNotKnowKeepsTheRulesTactics() {
    ReportData d = data(ReportCatalog.basic());
    assertEquals(List.of("credential-access", "defense-evasion"), line(d, "T1003.001").tactics());
  }

  private static ReportData data(ReportCatalog catalog) {
    ReportFixture f = ReportFixture.sample();
    List<Hit> hits = List.of(new Hit(2, COMSVCS, List.of(new MatchedField("TargetImage", "lsass.exe", "TargetImage is lsass.exe"))));
    return ReportData.of(ReportInput.of(f.store, hits).withCatalog(catalog));
  }

  private static TechniqueLine line(ReportData d, String id) {
    return d.techniques().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  private static String html(ReportData d) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reports.writer(ReportType.HTML).write(d, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
