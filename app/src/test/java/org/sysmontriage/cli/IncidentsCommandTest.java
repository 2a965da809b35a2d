package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.casefile.SourceCheck;
import org.sysmontriage.incident.Clock;
import org.sysmontriage.incident.ClockSkew;

class IncidentsCommandTest {
  /** procdump started and logged by Sysmon (UtcTime) and by Security with a clock 19 h behind. */
  private static final String LINES = """
      {"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":1,"UtcTime":"2023-08-16 00:37:47.023","ProcessGuid":"{19de6d3b-1a5b-64dc-450c-000000000c00}","ProcessId":"3420","Image":"C:\\\\Tools\\\\procdump.exe","CommandLine":"procdump.exe -accepteula -ma lsass.exe C:\\\\Windows\\\\Temp\\\\lsass_dump.dmp","User":"WS01\\\\alice","LogonId":"0x1a274c4"}
      {"EventID":10,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":2,"UtcTime":"2023-08-16 00:37:47.791","SourceProcessGUID":"{19de6d3b-1a5b-64dc-450c-000000000c00}","SourceProcessId":"3420","SourceImage":"C:\\\\Tools\\\\procdump.exe","TargetImage":"C:\\\\Windows\\\\system32\\\\lsass.exe","GrantedAccess":"0x1fffff","CallTrace":"C:\\\\Windows\\\\SYSTEM32\\\\dbghelp.dll+45e2a"}
      {"EventID":11,"Channel":"Microsoft-Windows-Sysmon/Operational","SourceName":"Microsoft-Windows-Sysmon","Hostname":"WS01","EventRecordID":3,"UtcTime":"2023-08-16 00:37:48.838","ProcessGuid":"{19de6d3b-1a5b-64dc-450c-000000000c00}","ProcessId":"3420","Image":"C:\\\\Tools\\\\procdump.exe","TargetFilename":"C:\\\\Windows\\\\Temp\\\\lsass_dump.dmp"}
      {"EventID":4688,"Channel":"Security","SourceName":"Microsoft-Windows-Security-Auditing","Hostname":"WS01","EventRecordID":4,"TimeCreated":"2023-08-15T05:37:47.023Z","NewProcessId":"0xd5c","NewProcessName":"C:\\\\Tools\\\\procdump.exe","ProcessId":"0x1b48","CommandLine":"procdump.exe -accepteula -ma lsass.exe C:\\\\Windows\\\\Temp\\\\lsass_dump.dmp","SubjectUserName":"alice","SubjectLogonId":"0x1a274c4"}
      """;

  @TempDir
  Path dir;
  private String log;

  @BeforeEach
  void writeLog() throws Exception {
    Path p = dir.resolve("capture.json");
    Files.writeString(p, LINES, StandardCharsets.UTF_8);
    log = p.toString();
  }

  @Test
  void jsonlHasExactlyTheIssuesKeysAndTheSkewIsOnlyAppliedOnRequest() {
    CliRun before = CliRun.of("incidents", "--format", "jsonl", log);
    assertEquals(0, before.exit(), before.err());
    assertEquals(2, before.jsonLines().size(), before.out());
    assertTrue(before.err().contains("note: clock skew: Security events of " + log + " are +19:00:00.000 off Sysmon's UtcTime"), before.err());
    assertTrue(before.err().contains("not applied"), before.err());

    CliRun after = CliRun.of("incidents", "--format", "jsonl", "--apply-skew", log);
    List<JsonNode> incidents = after.jsonLines();
    assertEquals(1, incidents.size(), after.out());
    JsonNode i = incidents.get(0);
    List<String> keys = new ArrayList<>();
    i.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("id", "hosts", "users", "start", "end", "score", "outcome", "techniques", "tactics", "sources", "steps", "hit_count"), keys);
    assertEquals("INC-001", i.get("id").asText());
    assertEquals("dump", i.get("outcome").asText());
    assertEquals("WS01", i.get("hosts").get(0).asText());
    assertEquals("2023-08-16T00:37:47.0230000Z", i.get("start").asText());
    JsonNode step = i.get("steps").get(0);
    List<String> stepKeys = new ArrayList<>();
    step.fieldNames().forEachRemaining(stepKeys::add);
    assertEquals(List.of("time", "summary", "analytic_id", "source", "record_id"), stepKeys);
    assertEquals(log, step.get("source").asText());
    assertTrue(i.get("score").asInt() >= 50, i.toString());
    assertTrue(i.get("hit_count").asInt() >= 3, i.toString());
  }

  @Test
  void tableShowsTheFormulaTheOutcomeReasonAndRawTimesOfCorrectedSteps() {
    CliRun run = CliRun.of("incidents", "--apply-skew", log);
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("INC-001  score "), run.out());
    assertTrue(run.out().contains("(strongest hit, "), run.out());
    assertTrue(run.out().contains("outcome:  dump file written: procdump.exe wrote C:\\Windows\\Temp\\lsass_dump.dmp"), run.out());
    assertTrue(run.out().contains("[raw time 2023-08-15T05:37:47.0230000Z]"), run.out());
  }

  @Test
  void aCaseAppliesItsConfirmedSkewAndShowsTheIncidentVerdict() throws Exception {
    Path log = Path.of(this.log);
    ClockSkew skew = new ClockSkew(new Clock(0, "Security"), this.log, SourceCheck.sha256(log), 19 * 3600 * 10_000_000L, 1, 1);
    CaseFile c = CaseFile.of(List.of()).withSkew(skew);
    Path caseFile = dir.resolve("case.json");
    CaseFiles.save(caseFile, c, EvidenceGuard.NONE);
    CliRun run = CliRun.of("incidents", "--case", caseFile.toString(), this.log);
    assertTrue(run.out().contains("INC-001") && !run.out().contains("INC-002"), run.out());
    assertTrue(run.out().contains("  verdict:  new"), run.out());
    assertTrue(run.err().contains("applied (raw times kept in the table)"), run.err());
  }

  @Test
  void csvHasOneRowPerIncidentAndANegativeWindowIsAUsageError() {
    CliRun csv = CliRun.of("incidents", "--format", "csv", log);
    assertTrue(csv.out().startsWith(IncidentWriters.CSV_HEADER + "\r\n"), csv.out());
    assertEquals(3, csv.out().split("\r\n").length, csv.out());
    CliRun bad = CliRun.of("incidents", "--window", "-5", log);
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--window must be"), bad.err());
  }

  @Test
  void aCorrelationRuleDroppedIntoTheRuleFolderDefinesAnIncident() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("my-rules"));
    Files.writeString(rules.resolve("same_dump_command.yml"), """
        title: One dumping command line logged twice in a day
        id: U-SAME-DUMP-COMMAND
        correlation:
          type: event_count
          rules: [ST-LSASS-DUMP-COMMAND]
          group-by: [Computer, CommandLine]
          timespan: 1d
          condition: {gte: 2}
        level: high
        """, StandardCharsets.UTF_8);
    CliRun without = CliRun.of("incidents", "--format", "jsonl", log);
    assertEquals(2, without.jsonLines().size(), "Security's copy is 19 h off: two incidents without the rule");

    CliRun with = CliRun.of("incidents", "--format", "jsonl", "--rules", rules.toString(), log);
    assertEquals(0, with.exit(), with.err());
    assertEquals(1, with.jsonLines().size(), with.out());
    assertEquals(List.of("Security", "Sysmon"), sorted(with.jsonLines().get(0).get("sources")));

    Path json = dir.resolve("report.json");
    CliRun report = CliRun.of("report", "--type", "json", "--out", json.toString(), "--rules", rules.toString(), log);
    assertEquals(0, report.exit(), report.err());
    JsonNode incidents = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("incidents");
    assertEquals(1, incidents.size(), "the report's incidents use the rule folder's correlation rules too");
    assertTrue(incidents.get(0).get("correlations").findValuesAsText("rule_id").contains("U-SAME-DUMP-COMMAND"), incidents.toString());

    CliRun table = CliRun.of("incidents", "--rules", rules.toString(), log);
    assertTrue(table.out().contains("tied by:  correlation rule 'One dumping command line logged twice in a day' (U-SAME-DUMP-COMMAND, "
        + "event_count, high) on Computer=WS01, CommandLine=procdump.exe -accepteula -ma lsass.exe"), table.out());
  }

  private static List<String> sorted(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    out.sort(null);
    return out;
  }
}
