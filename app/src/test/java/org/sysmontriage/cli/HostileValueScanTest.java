package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;

/**
 * Issue 9's reproductions of a log value that stalled detection, through {@code scan}: a backtracking
 * regex took 64 s on one of these events and an allowlist wildcard 25 s on the other. The guard is
 * generous; the point is that they finish, and still give the right answer.
 */
class HostileValueScanTest {
  private static final Duration GUARD = Duration.ofMinutes(5); // wall time on a shared, overloaded machine

  @TempDir Path dir;

  private static String fileEvent(long record, String targetFilename) {
    return "{\"EventID\":11,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":" + record + ",\"UtcTime\":\"2020-10-18 19:50:09.241\","
        + "\"Image\":\"C:\\\\Tools\\\\x.exe\",\"TargetFilename\":\"" + targetFilename + "\"}\n";
  }

  private static String accessEvent(long record, String sourceImage) {
    return "{\"EventID\":10,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":" + record + ",\"UtcTime\":\"2020-10-18 19:50:09.241\","
        + "\"SourceImage\":\"" + sourceImage + "\",\"TargetImage\":\"C:\\\\Windows\\\\system32\\\\lsass.exe\","
        + "\"GrantedAccess\":\"0x001fffff\",\"CallTrace\":\"C:\\\\Windows\\\\SYSTEM32\\\\dbghelp.dll+45e2a\"}\n";
  }

  @Test
  void lsassRepeated400000TimesInATargetFilenameScansAndTheRealDumpStillFires() throws Exception {
    Path log = dir.resolve("hostile.ndjson");
    String lsass = "lsass".repeat(400_000);
    Files.writeString(log, fileEvent(1, lsass) + fileEvent(2, "C:\\\\Temp\\\\" + lsass + ".dmp"));

    CliRun run = assertTimeoutPreemptively(GUARD, () -> CliRun.of("scan", "--format", "jsonl", log.toString()));

    assertEquals(0, run.exit(), run.err());
    List<JsonNode> hits = run.jsonLines();
    assertTrue(hits.stream().anyMatch(h -> h.get("analytic_id").asText().equals("ST-LSASS-DUMP-FILE") && h.get("record_id").asLong() == 2),
        "the .dmp named after lsass is still found");
    assertFalse(hits.stream().anyMatch(h -> h.get("record_id").asLong() == 1), "no hit without a dump extension");
  }

  @Test
  void aLongSourceImageAgainstAnAllowlistWildcardScans() throws Exception {
    Path log = dir.resolve("access.ndjson");
    String deep = "C:\\\\Windows\\\\" + "\\\\".repeat(80_000) + "x";
    String allowed = "C:\\\\Windows\\\\" + "a\\\\".repeat(40_000) + "x.exe";
    Files.writeString(log, accessEvent(1, deep) + accessEvent(2, allowed));
    List<JsonNode> all = CliRun.of("scan", "--format", "jsonl", log.toString()).jsonLines();
    String analytic = all.stream().filter(h -> h.get("record_id").asLong() == 1).findFirst().orElseThrow()
        .get("analytic_id").asText();
    Path caseFile = dir.resolve("case.json");
    CaseFiles.save(caseFile, CaseFile.empty().withAllow(new AllowEntry(analytic, "SourceImage", "C:\\Windows\\*\\*.exe", "", "", "")),
        EvidenceGuard.NONE);

    CliRun run = assertTimeoutPreemptively(GUARD,
        () -> CliRun.of("scan", "--format", "jsonl", "--case", caseFile.toString(), log.toString()));

    assertEquals(0, run.exit(), run.err());
    List<JsonNode> hits = run.jsonLines();
    assertTrue(hits.stream().anyMatch(h -> h.get("analytic_id").asText().equals(analytic) && h.get("record_id").asLong() == 1),
        "not an .exe: kept");
    assertFalse(hits.stream().anyMatch(h -> h.get("analytic_id").asText().equals(analytic) && h.get("record_id").asLong() == 2),
        "C:\\Windows\\...\\x.exe: allowlisted");
  }
}
