package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings of Sigma correlation rules in {@code scan} (table, JSONL) and in the JSON and HTML reports, each with the hits it groups. */
class CorrelationOutputTest {
  @TempDir Path dir;
  private Path rules;
  private Path log;

  @BeforeEach
  void files() throws Exception {
    rules = dir.resolve("recon.yml");
    Files.writeString(rules, """
        title: Whoami
        id: rule-whoami
        name: whoami
        author: Jane Doe
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\whoami.exe'
          condition: sel
        ---
        title: Net user
        id: rule-net
        name: net_user
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\net.exe'
          condition: sel
        ---
        title: Discovery burst by one user
        id: corr-recon
        author: Richard Roe
        correlation:
          type: temporal
          rules: [whoami, net_user]
          group-by: [User]
          timespan: 5m
        """);
    log = dir.resolve("ws01.ndjson");
    Files.writeString(log, event(11, "2020-10-18 19:50:00.000", "whoami.exe", "alice") + event(12, "2020-10-18 19:51:00.000", "net.exe", "alice")
        + event(13, "2020-10-18 19:52:00.000", "whoami.exe", "bob") + event(14, "2020-10-18 21:00:00.000", "net.exe", "bob"));
  }

  private static String event(int record, String time, String image, String user) {
    return "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":" + record + ",\"UtcTime\":\"" + time + "\",\"Image\":\"C:\\\\Windows\\\\System32\\\\"
        + image + "\",\"User\":\"CORP\\\\" + user + "\"}\n";
  }

  @Test
  void theTableListsEachFindingWithTheHitsItGroups() {
    CliRun run = CliRun.of("scan", "--rules", rules.toString(), log.toString());

    assertEquals(0, run.exit(), run.err());
    String out = run.out();
    int at = out.indexOf("correlation corr-recon Discovery burst by one user: temporal all rules within 5m, grouped by User=CORP\\alice, count 2");
    assertTrue(at >= 0, out);
    List<String> grouped = out.substring(at).lines().skip(1).takeWhile(l -> l.startsWith("  ")).toList();
    assertEquals(List.of("  2020-10-18T19:50:00  WS01  rule-whoami  " + log + "#11", "  2020-10-18T19:51:00  WS01  rule-net  " + log + "#12"), grouped);
    assertTrue(!out.contains("User=CORP\\bob"), "bob's two hits are 68 minutes apart: " + out);
  }

  @Test
  void jsonlEndsWithOneLinePerFinding() {
    CliRun run = CliRun.of("scan", "--format", "jsonl", "--rules", rules.toString(), log.toString());

    List<JsonNode> lines = run.jsonLines();
    List<JsonNode> findings = lines.stream().filter(l -> l.has("correlation_id")).toList();
    assertEquals(1, findings.size(), lines.toString());
    JsonNode f = findings.get(0);
    assertEquals(lines.get(lines.size() - 1), f, "after the hits");
    assertEquals("Richard Roe", f.get("author").asText());
    assertEquals("CORP\\alice", f.get("group").get("User").asText());
    assertEquals(2, f.get("hits").size());
    assertEquals("rule-whoami", f.get("hits").get(0).get("analytic_id").asText());
    assertEquals(12, f.get("hits").get(1).get("record_id").asInt());
  }

  @Test
  void reportsShowTheFindingsWithTheirHits() throws Exception {
    Path json = dir.resolve("out/r.json");
    Path html = dir.resolve("out/r.html");
    assertEquals(0, CliRun.of("report", "--type", "json", "--out", json.toString(), "--rules", rules.toString(), log.toString()).exit());
    assertEquals(0, CliRun.of("report", "--type", "html", "--out", html.toString(), "--rules", rules.toString(), log.toString()).exit());

    JsonNode findings = new ObjectMapper().readTree(json.toFile()).get("correlations");
    assertEquals(1, findings.size());
    assertEquals("corr-recon", findings.get(0).get("correlation_id").asText());
    assertEquals(2, findings.get(0).get("hits").size());
    String page = Files.readString(html);
    assertTrue(page.contains("<section id=\"correlations\""), page);
    assertTrue(page.contains("Discovery burst by one user"), page);
    assertTrue(page.contains("<td class=\"mono\">rule-net</td>"), page);
  }
}
