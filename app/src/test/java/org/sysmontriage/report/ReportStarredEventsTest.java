package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.EventKey;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.SourceInfo;

/**
 * The events an analyst starred are in every report as a part of their own: a starred event that is no hit
 * (the case's bookmarks, Ctrl+B in the Events view) with its log, record id, time and host; a starred hit with
 * its verdict, tags and notes; a bookmark of a log not read, by its key.
 */
class ReportStarredEventsTest {
  private static final String SHA = "cd".repeat(32);
  private static final String LOG = "logs/ws01-sysmon.json";

  private static ReportData data(boolean starred) {
    return data(starred, 0);
  }

  private static ReportData data(boolean starred, int minRisk) {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource(LOG);
    b.accept(ReportFixture.event(1, "2024-03-01T09:00:00.0000000Z", "WS01", 200, 0, "Image", "C:\\Tools\\procdump64.exe",
        "CommandLine", "procdump64.exe -ma lsass.exe", "User", "CORP\\bob"), src);
    b.accept(ReportFixture.event(11, "2024-03-01T09:00:02.0000000Z", "WS01", 201, 512, "Image", "C:\\Tools\\procdump64.exe",
        "TargetFilename", "C:\\Temp\\lsass.dmp"), src);
    b.accept(ReportFixture.event(3, "2024-03-01T09:05:00.0000000Z", "WS01", 202, 1024, "Image", "C:\\Windows\\System32\\curl.exe",
        "DestinationIp", "203.0.113.7"), src); // the dump sent out: no analytic reports it, the analyst starred it
    b.setSource(src, new SourceInfo(LOG, null, "json", "winlogbeat7", SHA, 2048, 3, 0, List.of()));
    EventStore store = b.freeze();
    Hit start = new Hit(0, ReportFixture.PROCDUMP, List.of(new MatchedField("CommandLine", "procdump64.exe -ma lsass.exe", "")));
    Hit dump = new Hit(1, ReportFixture.PROCDUMP, List.of(new MatchedField("TargetFilename", "C:\\Temp\\lsass.dmp", "")));
    CaseFile c = CaseFile.empty();
    if (starred) {
      c = c.withTriage(HitKey.of(store, dump), new HitTriage(HitStatus.TRUE_POSITIVE, List.of("exfil", HitTriage.BOOKMARK_TAG),
          "dump of lsass", "", ""))
          .withBookmark(EventKey.of(store, 2), true)
          .withBookmark(new EventKey("ef".repeat(32), 7, 0), true); // a log of the case not opened now
    }
    return ReportData.of(ReportInput.of(store, List.of(start, dump)).withCase(c).withMinRisk(minRisk)
        .withGeneratedAt(ReportFixture.GENERATED).withToolVersion(ReportFixture.VERSION));
  }

  private static String write(ReportWriter w, boolean starred) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(data(starred), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvListsTheStarredEventsThatAreNoHitAfterTheHits() throws Exception {
    List<List<String>> rows = Rfc4180.parse(write(new CsvReportWriter(), true).substring(1));
    assertEquals(5, rows.size(), "header, two hits, the starred event and the bookmark not found: " + rows);
    List<String> star = rows.get(3);
    assertEquals("2024-03-01T09:05:00.0000000Z", star.get(CsvReportWriter.COLUMNS.indexOf("time")));
    assertEquals("WS01", star.get(CsvReportWriter.COLUMNS.indexOf("computer")));
    assertEquals("", star.get(CsvReportWriter.COLUMNS.indexOf("analytic_id")));
    assertEquals(CsvReportWriter.STARRED_TITLE, star.get(CsvReportWriter.COLUMNS.indexOf("title")));
    assertEquals("3", star.get(CsvReportWriter.COLUMNS.indexOf("event_id")));
    assertEquals("202", star.get(CsvReportWriter.COLUMNS.indexOf("record_id")));
    assertEquals(LOG, star.get(CsvReportWriter.COLUMNS.indexOf("source")));
    assertEquals("C:\\Windows\\System32\\curl.exe", star.get(CsvReportWriter.COLUMNS.indexOf("image")));
    assertEquals(SHA + "|202|1024", star.get(CsvReportWriter.COLUMNS.indexOf("hit_key")), "the event's key");
    assertEquals(CsvReportWriter.STARRED_MISSING_TITLE, rows.get(4).get(CsvReportWriter.COLUMNS.indexOf("title")));
    assertEquals("ef".repeat(32) + "|7|0", rows.get(4).get(CsvReportWriter.COLUMNS.indexOf("hit_key")));
    assertTrue(rows.get(2).get(CsvReportWriter.COLUMNS.indexOf("tags")).contains(HitTriage.BOOKMARK_TAG), "a starred hit keeps its row and tag");
    assertEquals(3, Rfc4180.parse(write(new CsvReportWriter(), false).substring(1)).size(), "nothing starred: the hits alone");
  }

  @Test
  void jsonHasAStarredEventsPartWithHitsAndEventsThatAreNoHit() throws Exception {
    JsonNode starred = new ObjectMapper().readTree(write(new JsonReportWriter(), true)).get("starred_events");
    assertEquals(3, starred.size(), starred.toString());
    JsonNode hit = starred.get(0);
    assertEquals("2024-03-01T09:00:02.0000000Z", hit.get("time").asText());
    assertEquals(ReportFixture.PROCDUMP.id(), hit.get("analytic_id").asText());
    assertEquals("true_positive", hit.get("status").asText());
    assertEquals("[\"exfil\"]", hit.get("tags").toString(), "the star itself is not repeated as a tag");
    assertEquals("dump of lsass", hit.get("notes").asText());
    JsonNode event = starred.get(1);
    assertTrue(event.get("hit_key").isNull() && event.get("analytic_id").isNull(), event.toString());
    assertEquals(202, event.get("record_id").asLong());
    assertEquals(3, event.get("event_id").asInt());
    assertEquals("WS01", event.get("computer").asText());
    assertEquals(LOG, event.get("source").asText());
    assertEquals(SHA + "|202|1024", event.get("key").asText());
    assertTrue(event.get("found").asBoolean());
    assertFalse(starred.get(2).get("found").asBoolean(), "a bookmark of a log not read is listed, not dropped");
    assertEquals(0, new ObjectMapper().readTree(write(new JsonReportWriter(), false)).get("starred_events").size());
  }

  @Test
  void aStarredHitBelowTheMinimumRiskIsLeftOutWithTheOtherHits() {
    List<StarredEvent> starred = data(true, 101).starred();
    assertEquals(2, starred.size(), "the event that is no hit and the bookmark not found stay: " + starred);
    assertTrue(starred.stream().allMatch(s -> s.hit() == null));
  }

  @Test
  void htmlHasAStarredEventsSection() throws Exception {
    String html = write(new HtmlReportWriter(), true);
    int at = html.indexOf("<h2>Starred events</h2>");
    assertTrue(at > 0, "a Starred events section");
    String part = html.substring(at, html.indexOf("</section>", at));
    assertTrue(part.contains("3 events starred"), part);
    assertTrue(part.contains("2024-03-01T09:05:00.0000000Z") && part.contains(LOG + "#202") && part.contains("curl.exe")
        && part.contains("no hit"), part);
    assertTrue(part.contains("true_positive") && part.contains("exfil") && part.contains("dump of lsass"), part);
    assertTrue(part.contains("Not in the logs read: <span class=\"mono\">" + "ef".repeat(32) + "|7|0"), part);
    assertFalse(write(new HtmlReportWriter(), false).contains("Starred events"), "no section when nothing is starred");
  }
}
