package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;

class EventWritersTest {
  private static EventStore store() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("logs.zip::a.json");
    b.setSource(src, new SourceInfo("logs.zip::a.json", null, "json", "otrf-flat", "", 0, 1, 0, List.of()));
    EventDraft d = new EventDraft();
    d.eventId = 10;
    d.ticks = Times.parse("2020-10-18 07:50:06.220");
    d.computer = "WS01";
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.recordId = 42;
    d.field("TargetImage", "C:\\Windows\\system32\\lsass.exe").field("CommandLine", "=cmd|' /c calc'!A1");
    b.accept(d, src);
    return b.freeze();
  }

  @Test
  void jsonlCarriesTheContractKeys() throws Exception {
    StringWriter out = new StringWriter();
    try (EventJsonlWriter w = new EventJsonlWriter(out)) {
      w.write(store(), 0);
      w.write(store(), 0);
    }
    String[] lines = out.toString().split("\n");
    assertEquals(2, lines.length);
    JsonNode e = new ObjectMapper().readTree(lines[0]);
    assertEquals("logs.zip::a.json", e.get("source").asText());
    assertEquals(42, e.get("record_id").asLong());
    assertEquals(10, e.get("event_id").asInt());
    assertEquals("WS01", e.get("computer").asText());
    assertEquals("2020-10-18T07:50:06.2200000Z", e.get("time").asText());
    assertEquals("C:\\Windows\\system32\\lsass.exe", e.get("fields").get("TargetImage").asText());
  }

  @Test
  void csvQuotesAndNeutralisesFormulas() throws Exception {
    StringWriter out = new StringWriter();
    try (EventCsvWriter w = new EventCsvWriter(out)) {
      w.write(store(), 0);
    }
    String[] lines = out.toString().split("\r\n");
    assertEquals(EventCsvWriter.HEADER, lines[0]);
    assertEquals("logs.zip::a.json,42,10,Microsoft-Windows-Sysmon/Operational,Microsoft-Windows-Sysmon,WS01,"
        + "2020-10-18T07:50:06.2200000Z,\"{\"\"TargetImage\"\":\"\"C:\\\\Windows\\\\system32\\\\lsass.exe\"\","
        + "\"\"CommandLine\"\":\"\"=cmd|' /c calc'!A1\"\"}\"", lines[1]);
    assertEquals("'=1+2", EventCsvWriter.escape("=1+2"));
    assertEquals("'-x", EventCsvWriter.escape("-x"));
    assertEquals("\"'@a,b\"", EventCsvWriter.escape("@a,b"));
  }
}
