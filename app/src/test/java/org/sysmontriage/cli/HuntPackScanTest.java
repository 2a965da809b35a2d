package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --pack hunt}: the pack's rules run beside the LSASS analytics and each hit names its rule's author (DRL 1.1). */
class HuntPackScanTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("sysmon.triage.hunt");
  }

  @Test
  void huntHitsCarryTheirRulesAuthor() throws Exception {
    Path pack = Files.createDirectories(dir.resolve("hunt/process_creation"));
    Files.writeString(pack.resolve("proc_creation_win_whoami.yml"), """
        title: Whoami Execution
        id: 0f0b0c0d-1111-2222-3333-444455556666
        author: Jane Doe (Example Labs)
        level: medium
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\whoami.exe'
          condition: sel
        """);
    Path log = dir.resolve("p.ndjson");
    Files.writeString(log, "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":3,\"UtcTime\":\"2020-10-18 19:50:09.241\",\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\","
        + "\"CommandLine\":\"whoami /all\"}\n");
    System.setProperty("sysmon.triage.hunt", dir.resolve("hunt").toString());

    CliRun run = CliRun.of("scan", "--format", "jsonl", "--pack", "hunt", log.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode hit = run.jsonLines().stream().filter(h -> h.get("title").asText().equals("Whoami Execution")).findFirst().orElseThrow();
    assertEquals("Jane Doe (Example Labs)", hit.get("author").asText());
    assertEquals(40, hit.get("risk").asInt(), "risk from the level: medium = 50 x 80 / 100");
  }

  @Test
  void anUnknownPackIsAUsageError() throws Exception {
    Path log = dir.resolve("e.ndjson");
    Files.writeString(log, "");
    CliRun run = CliRun.of("scan", "--pack", "everything", log.toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("unknown pack 'everything'"), run.err());
  }
}
