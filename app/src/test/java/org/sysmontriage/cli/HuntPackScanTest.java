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

  private static final String AUTHOR = "Jane Doe (Example Labs), Richard Roe (Example Labs), Mary Major (Example Labs)";

  /** A one-rule hunt pack (in the temp folder) and a log where it fires; returns the log. */
  private Path packAndLog() throws Exception {
    Path pack = Files.createDirectories(dir.resolve("hunt/process_creation"));
    Files.writeString(pack.resolve("proc_creation_win_whoami.yml"), """
        title: Whoami Execution
        id: 0f0b0c0d-1111-2222-3333-444455556666
        author: %s
        level: medium
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\whoami.exe'
          condition: sel
        """.formatted(AUTHOR));
    Path log = dir.resolve("p.ndjson");
    Files.writeString(log, "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":3,\"UtcTime\":\"2020-10-18 19:50:09.241\",\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\","
        + "\"CommandLine\":\"whoami /all\"}\n");
    System.setProperty("sysmon.triage.hunt", dir.resolve("hunt").toString());
    return log;
  }

  @Test
  void huntHitsCarryTheirRulesAuthor() throws Exception {
    Path log = packAndLog();

    CliRun run = CliRun.of("scan", "--format", "jsonl", "--pack", "hunt", log.toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode hit = run.jsonLines().stream().filter(h -> h.get("title").asText().equals("Whoami Execution")).findFirst().orElseThrow();
    assertEquals(AUTHOR, hit.get("author").asText());
    assertEquals(40, hit.get("risk").asInt(), "risk from the level: medium = 50 x 80 / 100");
  }

  @Test
  void theCsvHasAnAuthorColumn() throws Exception {
    CliRun run = CliRun.of("scan", "--format", "csv", "--pack", "hunt", packAndLog().toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("analytic_id,title,author,"), run.out());
    assertTrue(run.out().contains("Whoami Execution,\"" + AUTHOR + "\","), run.out());
  }

  @Test
  void theTableCutsALongAuthorAndListsItWholeUnderTheHits() throws Exception {
    CliRun run = CliRun.of("scan", "--pack", "hunt", packAndLog().toString());

    assertEquals(0, run.exit(), run.err());
    String row = run.out().lines().filter(l -> l.contains("0f0b0c0d-1111-2222-3333-444455556666  ")).findFirst().orElseThrow();
    assertTrue(row.contains(AUTHOR.substring(0, 39) + "~"), row);
    assertTrue(run.out().contains("rule authors:\n  0f0b0c0d-1111-2222-3333-444455556666: " + AUTHOR + "\n"), run.out());
  }

  @Test
  void reportRunsThePackToo() throws Exception {
    Path out = dir.resolve("r.json");
    CliRun run = CliRun.of("report", "--type", "json", "--out", out.toString(), "--pack", "hunt", packAndLog().toString());

    assertEquals(0, run.exit(), run.err());
    JsonNode hits = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile()).get("hits");
    JsonNode hit = java.util.stream.StreamSupport.stream(hits.spliterator(), false)
        .filter(h -> h.get("analytic_id").asText().equals("0f0b0c0d-1111-2222-3333-444455556666")).findFirst().orElseThrow();
    assertEquals(AUTHOR, hit.get("author").asText());
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
