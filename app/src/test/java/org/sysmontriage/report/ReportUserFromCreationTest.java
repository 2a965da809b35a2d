package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;

/** A hit whose own event names no user gets the user of its process creation in every report, with where it came from. */
class ReportUserFromCreationTest {
  private static final String G = "{365ABB72-4055-5CC8-0000-0010769D0B00}";

  private static ReportData data() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("logs/ws01-sysmon.json");
    b.accept(ReportFixture.event(1, "2024-03-01T09:00:00.0000000Z", "WS01", 200, 0, "ProcessGuid", G, "ProcessId", "1540",
        "Image", "C:\\Tools\\procdump64.exe", "User", "CORP\\bob"), src);
    b.accept(ReportFixture.event(11, "2024-03-01T09:00:02.0000000Z", "WS01", 201, 512, "ProcessGuid", G, "ProcessId", "1540",
        "Image", "C:\\Tools\\procdump64.exe", "TargetFilename", "C:\\Temp\\lsass.dmp"), src);
    b.accept(ReportFixture.event(11, "2024-03-01T09:00:03.0000000Z", "WS01", 202, 1024, "ProcessId", "99",
        "Image", "C:\\x.exe", "TargetFilename", "C:\\Temp\\other.dmp"), src);
    EventStore store = b.freeze();
    List<Hit> hits = List.of(
        new Hit(1, ReportFixture.PROCDUMP, List.of(new MatchedField("TargetFilename", "C:\\Temp\\lsass.dmp", ""))),
        new Hit(2, ReportFixture.PROCDUMP, List.of(new MatchedField("TargetFilename", "C:\\Temp\\other.dmp", ""))));
    return ReportData.of(ReportInput.of(store, hits).withGeneratedAt(ReportFixture.GENERATED).withToolVersion(ReportFixture.VERSION));
  }

  private static String write(ReportWriter w) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(data(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasTheCreationsUserAndSaysWhereItCameFrom() throws Exception {
    List<List<String>> rows = Rfc4180.parse(write(new CsvReportWriter()).substring(1));
    int user = CsvReportWriter.COLUMNS.indexOf("user");
    int from = CsvReportWriter.COLUMNS.indexOf("user_from");
    assertEquals("CORP\\bob", rows.get(1).get(user));
    assertEquals("process creation EventID 1 record 200", rows.get(1).get(from));
    assertEquals("", rows.get(2).get(user), "no creation of pid 99 in the logs: no user");
    assertEquals("", rows.get(2).get(from));
  }

  @Test
  void jsonHitAndRiskByUserUseIt() throws Exception {
    JsonNode root = new ObjectMapper().readTree(write(new JsonReportWriter()));
    JsonNode hit = root.get("hits").get(0);
    assertEquals("CORP\\bob", hit.get("user").asText());
    assertEquals("process creation EventID 1 record 200", hit.get("user_from").asText());
    assertEquals("", root.get("hits").get(1).get("user_from").asText());
    JsonNode users = root.get("summary").get("risk_by_user");
    assertEquals(1, users.size(), "one user: " + users);
    assertTrue(users.toString().contains("CORP\\\\bob"), "the user's risk counts the hit: " + users);
  }

  @Test
  void htmlNamesTheUserAndItsSource() throws Exception {
    String html = write(new HtmlReportWriter());
    assertTrue(html.contains("user CORP\\bob (from its process creation EventID 1 record 200)"), "html names the creation's user");
  }
}
