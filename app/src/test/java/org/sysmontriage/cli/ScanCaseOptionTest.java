package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.casefile.SourceCheck;

class ScanCaseOptionTest {
  @TempDir Path dir;

  @Test
  void scanWithACaseHidesAllowlistedHitsAndShowsStatuses() throws Exception {
    Path log = dir.resolve("access.ndjson");
    Files.writeString(log, ReportCommandTest.ACCESS);
    List<JsonNode> all = scan("--format", "jsonl", log.toString());
    assertTrue(all.size() >= 2, all.toString());
    String sha = SourceCheck.sha256(log);
    JsonNode first = all.get(0);
    String kept = first.get("analytic_id").asText();
    String suppressed = all.stream().map(h -> h.get("analytic_id").asText()).filter(id -> !id.equals(kept)).findFirst().orElseThrow();
    CaseFile c = CaseFile.empty()
        .withTriage(new HitKey(sha, -1, 0, kept), new HitTriage(HitStatus.FALSE_POSITIVE, List.of("lab"), "test rig", "", ""))
        .withAllow(new AllowEntry(suppressed, "TargetImage", "C:\\WINDOWS\\system32\\LSASS.exe", "", "", ""));
    Path caseFile = dir.resolve("case.json");
    CaseFiles.save(caseFile, c, EvidenceGuard.NONE);
    List<JsonNode> withCase = scan("--format", "jsonl", "--case", caseFile.toString(), log.toString());
    assertFalse(withCase.stream().anyMatch(h -> h.get("analytic_id").asText().equals(suppressed)));
    JsonNode triaged = withCase.stream().filter(h -> h.get("analytic_id").asText().equals(kept)).findFirst().orElseThrow();
    assertEquals("false_positive", triaged.get("status").asText());
    assertEquals("test rig", triaged.get("notes").asText());
  }

  private static List<JsonNode> scan(String... args) throws Exception {
    StringWriter out = new StringWriter();
    var cl = TriageCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    List<String> a = new ArrayList<>(List.of("scan"));
    a.addAll(List.of(args));
    assertEquals(0, cl.execute(a.toArray(String[]::new)));
    List<JsonNode> hits = new ArrayList<>();
    ObjectMapper m = new ObjectMapper();
    for (String line : out.toString().split("\n")) {
      if (!line.isBlank()) {
        hits.add(m.readTree(line));
      }
    }
    return hits;
  }
}
