package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
  private static final String LINES = """
      {"EventID":10,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":7,"UtcTime":"2020-10-18 19:50:09.241","SourceImage":"C:\\\\Tools\\\\procdump.exe","TargetImage":"C:\\\\Windows\\\\system32\\\\lsass.exe","GrantedAccess":"0x001fffff","CallTrace":"C:\\\\Windows\\\\SYSTEM32\\\\dbghelp.dll+45e2a","SourceUser":"WS01\\\\alice"}
      {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":8,"UtcTime":"2020-10-18 19:50:10.000","Image":"C:\\\\Windows\\\\system32\\\\cmd.exe","CommandLine":"cmd /c calc"}
      """;

  @TempDir
  Path dir;
  private String log;

  @BeforeEach
  void writeLog() throws Exception {
    Path p = dir.resolve("sysmon.json");
    Files.writeString(p, LINES, StandardCharsets.UTF_8);
    log = p.toString();
  }

  @Test
  void jsonlHasOneLinePerHitWithTheDocumentedNames() {
    CliRun run = CliRun.of("scan", "--format", "jsonl", log);

    assertEquals(0, run.exit(), run.err());
    List<JsonNode> hits = run.jsonLines();
    JsonNode car = hits.stream().filter(h -> h.get("analytic_id").asText().equals("CAR-2020-05-001")).findFirst().orElseThrow();
    assertEquals("T1003.001", car.get("techniques").get(0).asText());
    assertEquals("credential-access", car.get("tactics").get(0).asText());
    assertEquals(64, car.get("risk").asInt());
    assertEquals("medium", car.get("severity").asText());
    assertEquals("2020-10-18T19:50:09.2410000Z", car.get("time").asText());
    assertEquals("WS01", car.get("computer").asText());
    assertEquals(log, car.get("source").asText());
    assertEquals(7, car.get("record_id").asLong());
    assertEquals(10, car.get("event_id").asInt());
    assertEquals("C:\\Windows\\SYSTEM32\\dbghelp.dll+45e2a", car.get("fields").get("CallTrace").asText());
    assertEquals("C:\\Tools\\procdump.exe", car.get("fields").get("SourceImage").asText());
  }

  @Test
  void minRiskLeavesOutLowerRisks() {
    CliRun run = CliRun.of("scan", "--format", "jsonl", "--min-risk", "70", log);

    assertTrue(run.jsonLines().stream().allMatch(h -> h.get("risk").asInt() >= 70), run.out());
    assertTrue(run.jsonLines().stream().anyMatch(h -> h.get("analytic_id").asText().equals("CAR-2019-07-002/process-access")));
  }

  @Test
  void userRulesRunBesideTheBuiltInOnesAndTheirErrorsAreReported() throws Exception {
    Path rules = Files.createDirectory(dir.resolve("rules"));
    Files.writeString(rules.resolve("calc.yml"), """
        title: calc
        id: user-calc
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            CommandLine|endswith: ' calc'
          condition: sel
        """);
    Files.writeString(rules.resolve("bad.yml"), "title: bad\nid: bad\nlogsource: {product: windows, category: nope}\ndetection: {sel: {a: b}, condition: sel}\n");
    CliRun run = CliRun.of("scan", "--format", "csv", "--rules", rules.toString(), log);

    assertEquals(1, run.exit(), "a rule error makes the exit code 1");
    assertTrue(run.out().startsWith(HitCsvWriter.HEADER), run.out());
    assertTrue(run.out().contains("user-calc"), run.out());
    assertTrue(run.err().contains("bad.yml:3: logsource category 'nope' is not supported"), run.err());
  }

  @Test
  void tableEndsWithGroupingsAndRiskPerHostAndUser() {
    CliRun run = CliRun.of("scan", log);

    assertTrue(run.out().contains("fb4c31b0-13e8-4155-8aa5-24de4b8d6717: count 1"), run.out());
    assertTrue(run.out().contains("risk host WS01"), run.out());
    assertTrue(run.out().contains("risk user WS01\\alice"), run.out());
  }

  @Test
  void tableShowsWholeAnalyticIdsAndComputersWithTheSourceLastAndEvidenceAligned() throws Exception {
    Path longHost = dir.resolve("a-much-longer-folder-name-than-the-other-one");
    Files.createDirectories(longHost);
    Path second = longHost.resolve("sysmon.json");
    Files.writeString(second, LINES.replace("\"WS01\"", "\"WKS-FIN-07.acme.local.example\""), StandardCharsets.UTF_8);
    CliRun run = CliRun.of("scan", log, second.toString());

    List<String> rows = run.out().lines().takeWhile(l -> !l.isEmpty()).toList();
    String header = rows.get(0);
    assertTrue(header.matches("TIME +RISK +SEVERITY +ANALYTIC +TECHNIQUE +COMPUTER +AUTHOR +EVIDENCE +SOURCE#RECORD"), header);
    assertTrue(run.out().contains("fb4c31b0-13e8-4155-8aa5-24de4b8d6717 "), run.out());
    assertTrue(run.out().contains("WKS-FIN-07.acme.local.example "), run.out());
    int author = header.indexOf("AUTHOR");
    for (String row : rows.subList(1, rows.size())) {
      assertTrue(!row.substring(0, author).contains("~ "), "ids and computers are never cut: " + row);
    }
    int evidence = header.indexOf("EVIDENCE");
    int source = header.indexOf("SOURCE#RECORD");
    for (String row : rows.subList(1, rows.size())) {
      assertTrue(row.charAt(evidence - 1) == ' ' && row.charAt(evidence) != ' ', row);
      assertTrue(row.substring(source).matches(".*sysmon\\.json#[78]"), row);
    }
  }

  @Test
  void rulesCheckPrintsEveryErrorWithFileAndLine() throws Exception {
    Path bad = dir.resolve("bad.yml");
    Files.writeString(bad, "title: t\nid: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n  sel:\n    Image|nope: x\n  condition: sel\n");
    CliRun run = CliRun.of("rules", "check", bad.toString());

    assertEquals(1, run.exit());
    assertTrue(run.out().contains(bad + ":6: unsupported modifier 'nope'"), run.out());
  }

  @Test
  void rulesListShowsEverySeedAnalytic() {
    CliRun run = CliRun.of("rules", "list");

    assertEquals(0, run.exit(), run.err());
    for (String id : List.of("CAR-2019-08-001", "CAR-2020-05-001", "CAR-2019-07-002", "CAR-2019-07-002/process-access",
        "e102e297-dbe6-4a19-b319-5c08f4c19a06", "fb4c31b0-13e8-4155-8aa5-24de4b8d6717")) {
      assertTrue(run.out().contains(id), id);
    }
  }
}
