package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsCommandTest {
  private static final String LINES = """
      {"EventID":10,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":7,"UtcTime":"2020-10-18 19:50:09.241","SourceImage":"C:\\\\Windows\\\\system32\\\\rundll32.exe","TargetImage":"C:\\\\Windows\\\\system32\\\\lsass.exe","GrantedAccess":"0x1FFFFF"}
      {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":8,"UtcTime":"2020-10-18 19:50:10.000","Image":"C:\\\\Windows\\\\system32\\\\cmd.exe","CommandLine":"=cmd /c calc"}
      """;

  @TempDir
  Path dir;
  private String zip;

  @BeforeEach
  void writeLogs() throws Exception {
    Path z = dir.resolve("case.zip");
    try (OutputStream out = Files.newOutputStream(z); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("sysmon.json"));
      zip.write(LINES.getBytes(StandardCharsets.UTF_8));
    }
    zip = z.toString();
  }

  @Test
  void printsEveryEventAsOneJsonLineNamedByArchiveMember() {
    CliRun run = CliRun.of("events", zip);

    assertEquals(0, run.exit(), run.err());
    List<JsonNode> events = run.jsonLines();
    assertEquals(2, events.size());
    JsonNode e = events.get(0);
    assertEquals(zip + "::sysmon.json", e.get("source").asText());
    assertEquals(7, e.get("record_id").asLong());
    assertEquals(10, e.get("event_id").asInt());
    assertEquals("Microsoft-Windows-Sysmon/Operational", e.get("channel").asText());
    assertEquals("Microsoft-Windows-Sysmon", e.get("provider").asText());
    assertEquals("WS01", e.get("computer").asText());
    assertEquals("2020-10-18T19:50:09.2410000Z", e.get("time").asText());
    assertEquals("C:\\Windows\\system32\\lsass.exe", e.get("fields").get("TargetImage").asText());
  }

  @Test
  void filtersByEventId() {
    CliRun run = CliRun.of("events", "--event-id", "1", zip);

    List<JsonNode> events = run.jsonLines();
    assertEquals(1, events.size());
    assertEquals(1, events.get(0).get("event_id").asInt());
    assertEquals(2, CliRun.of("events", "--event-id", "1,10", zip).jsonLines().size());
    assertEquals(2, CliRun.of("events", "--event-id", "1", "--event-id", "10", zip).jsonLines().size());
  }

  @Test
  void writesCsvWithFieldsAsJsonAndNeutralisedFormulas() {
    CliRun run = CliRun.of("events", "--format", "csv", "--event-id", "1", zip);

    String[] lines = run.out().split("\r\n");
    assertEquals(EventCsvWriter.HEADER, lines[0]);
    assertTrue(lines[1].startsWith(zip + "::sysmon.json,8,1,"), lines[1]);
    assertTrue(lines[1].contains("\"\"CommandLine\"\":\"\"=cmd /c calc\"\""), lines[1]);
    assertEquals(2, lines.length);
  }

  @Test
  void damagedInputStillPrintsTheGoodEventsAndExitsOne() throws Exception {
    Path bad = Files.writeString(dir.resolve("half.json"), LINES + "{\"EventID\": 3, \"Hostname\": \n");

    CliRun run = CliRun.of("events", zip, bad.toString());

    assertEquals(1, run.exit());
    assertTrue(run.jsonLines().size() >= 4, run.out());
    assertTrue(run.err().startsWith(bad + ": "), run.err());
  }
}
