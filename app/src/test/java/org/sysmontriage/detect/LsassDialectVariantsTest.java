package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/**
 * The same LSASS attack written in every text dialect the importer reads (Event Viewer XML, Splunk
 * XmlWinEventLog, winlogbeat 8 with ECS fields, OTRF flat JSON) gives the same T1003.001 hits at
 * risk >= 50 on the same records: LSASS by PID through comsvcs {@code #-65512}, a Procmon64.exe
 * look-alike, procdump seen only by Security 4688 with hex PIDs, and an obfuscated Invoke-Mimikatz
 * seen only by PowerShell. (EVTX is the Event Viewer XML's twin: {@code EvtxSampleLogsTest} reads
 * both to the same events.)
 */
class LsassDialectVariantsTest {
  static final String HOST = "SRV-RED-01.acme.local";
  static final String SYSMON = "Microsoft-Windows-Sysmon/Operational";
  static final String SYSMON_P = "Microsoft-Windows-Sysmon";
  static final String LSASS = "C:\\Windows\\System32\\lsass.exe";

  record Ev(long record, int id, String channel, String provider, String time, Map<String, String> data) {}

  static Map<String, String> data(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The attack; records 2-5 must each get a T1003.001 hit at risk >= 50. */
  static List<Ev> attack() {
    return List.of(
        new Ev(1, 1, SYSMON, SYSMON_P, "2024-03-12T08:00:00.000", data("UtcTime", "2024-03-12 08:00:00.000", "ProcessGuid",
            "{5b1e0f3a-0000-65f0-0100-000000000a00}", "ProcessId", "624", "Image", LSASS, "CommandLine", "C:\\Windows\\system32\\lsass.exe",
            "ParentImage", "C:\\Windows\\System32\\wininit.exe")),
        new Ev(2, 1, SYSMON, SYSMON_P, "2024-03-12T09:00:00.000", data("UtcTime", "2024-03-12 09:00:00.000", "ProcessGuid",
            "{5b1e0f3a-0000-65f0-0200-000000000a00}", "ProcessId", "5000", "Image", "C:\\Windows\\System32\\rundll32.exe",
            "OriginalFileName", "RUNDLL32.EXE", "CommandLine", "\"C:\\Windows\\System32\\rundll32.exe\" C:\\windows\\System32\\comsvcs.dll, #-65512 0624 "
                + "\"C:\\Users\\Public\\a b.dmp\" full", "ParentImage", "C:\\Windows\\System32\\cmd.exe")),
        new Ev(3, 10, SYSMON, SYSMON_P, "2024-03-12T09:01:00.000", data("UtcTime", "2024-03-12 09:01:00.000", "SourceProcessGUID",
            "{5b1e0f3a-0000-65f0-0300-000000000a00}", "SourceProcessId", "6000", "SourceImage", "C:\\Users\\adm\\AppData\\Local\\Temp\\Procmon64.exe",
            "TargetProcessGUID", "{5b1e0f3a-0000-65f0-0100-000000000a00}", "TargetProcessId", "624", "TargetImage", LSASS, "GrantedAccess", "0x1FFFFF",
            "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4|C:\\Users\\adm\\AppData\\Local\\Temp\\Procmon64.exe+7b4d0")),
        new Ev(4, 4688, "Security", "Microsoft-Windows-Security-Auditing", "2024-03-12T09:02:00.000", data("NewProcessId", "0x1388",
            "NewProcessName", "C:\\Users\\adm\\pd.exe", "ProcessId", "0x44", "CommandLine", "pd.exe \u2013accepteula \u2013ma 0x270 C:\\t\\x.dmp",
            "ParentProcessName", "C:\\Windows\\System32\\cmd.exe")),
        new Ev(5, 4104, "Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell", "2024-03-12T09:03:00.000", data(
            "MessageNumber", "1", "MessageTotal", "1", "ScriptBlockText", "& ('Invoke-Mimi' + 'katz') -Du`mpCreds", "ScriptBlockId",
            "{0c1e2d3f-0000-0000-0000-000000000001}", "Path", "")));
  }

  static Stream<Arguments> dialects() {
    return Stream.of(
        Arguments.of("eventviewer.xml", (Function<List<Ev>, String>) evs -> "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>"
            + String.join("", evs.stream().map(LsassDialectVariantsTest::xml).toList()) + "</Events>\n"),
        Arguments.of("splunk.xml", (Function<List<Ev>, String>) evs -> String.join("\n", evs.stream().map(LsassDialectVariantsTest::xml).toList()) + "\n"),
        Arguments.of("winlogbeat8-ecs.ndjson", (Function<List<Ev>, String>) evs -> String.join("\n", evs.stream().map(LsassDialectVariantsTest::ecs).toList()) + "\n"),
        Arguments.of("otrf-flat.json", (Function<List<Ev>, String>) evs -> String.join("\n", evs.stream().map(LsassDialectVariantsTest::otrf).toList()) + "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dialects")
  void theSameAttackHitsInEveryDialect(String name, Function<List<Ev>, String> writer, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, writer.apply(attack()), StandardCharsets.UTF_8);
    ImportResult imported = new Importer().run(List.of(file.toString()), ImportProgress.NONE, new CancellationToken());
    EventStore store = imported.store();
    assertEquals(5, store.size(), name + ": every record read");
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken());
    Map<Long, Integer> best = new TreeMap<>();
    for (Hit h : r.hits()) {
      if (h.analytic().techniques().contains("T1003.001")) {
        best.merge(store.recordId(h.event()), h.risk(), Math::max);
      }
    }
    for (long rec = 2; rec <= 5; rec++) {
      assertTrue(best.getOrDefault(rec, 0) >= 50, name + ": record " + rec + " max T1003.001 risk " + best.get(rec) + " (all: " + best + ")");
    }
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;").replace("\"", "&quot;");
  }

  static String xml(Ev e) {
    StringBuilder b = new StringBuilder("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='")
        .append(e.provider()).append("'/><EventID>").append(e.id()).append("</EventID><TimeCreated SystemTime='").append(e.time())
        .append("0000Z'/><EventRecordID>").append(e.record()).append("</EventRecordID><Channel>").append(e.channel())
        .append("</Channel><Computer>").append(HOST).append("</Computer></System><EventData>");
    e.data().forEach((k, v) -> b.append("<Data Name='").append(k).append("'>").append(esc(v)).append("</Data>"));
    return b.append("</EventData></Event>").toString();
  }

  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String object(Map<String, String> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(json(k) + ":" + json(v)));
    return "{" + String.join(",", parts) + "}";
  }

  /** winlogbeat 8 with the Sysmon module: process fields under ECS {@code process.*}, the rest in winlog.event_data. */
  static String ecs(Ev e) {
    Map<String, String> rest = new LinkedHashMap<>(e.data());
    Map<String, String> process = new LinkedHashMap<>();
    if (e.channel().equals(SYSMON)) {
      boolean access = e.id() == 10;
      move(rest, process, access ? "SourceImage" : "Image", "executable");
      move(rest, process, access ? "SourceProcessId" : "ProcessId", "pid");
      move(rest, process, access ? "SourceProcessGUID" : "ProcessGuid", "entity_id");
      move(rest, process, "CommandLine", "command_line");
    }
    String proc = process.isEmpty() ? "" : ",\"process\":" + object(process);
    return "{\"@timestamp\":\"" + e.time() + "Z\",\"agent\":{\"type\":\"winlogbeat\",\"version\":\"8.12.2\"},\"ecs\":{\"version\":\"8.0.0\"},"
        + "\"event\":{\"code\":\"" + e.id() + "\",\"provider\":" + json(e.provider()) + "},\"host\":{\"name\":\"" + HOST.toLowerCase() + "\"}" + proc
        + ",\"winlog\":{\"channel\":" + json(e.channel()) + ",\"computer_name\":\"" + HOST + "\",\"event_id\":\"" + e.id()
        + "\",\"provider_name\":" + json(e.provider()) + ",\"record_id\":" + e.record() + ",\"event_data\":" + object(rest) + "}}";
  }

  private static void move(Map<String, String> from, Map<String, String> to, String field, String ecsName) {
    String v = from.remove(field);
    if (v != null) {
      to.put(ecsName, v);
    }
  }

  /** OTRF Security-Datasets: one flat object per line. */
  static String otrf(Ev e) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Hostname", HOST);
    m.put("Channel", e.channel());
    m.put("SourceName", e.provider());
    m.put("EventRecordID", Long.toString(e.record()));
    m.put("TimeCreated", e.time().replace('T', ' '));
    m.putAll(e.data());
    String o = object(m);
    return "{\"EventID\":" + e.id() + "," + o.substring(1);
  }
}
