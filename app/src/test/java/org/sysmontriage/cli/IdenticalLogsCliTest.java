package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line shares the importer: a log named twice under two paths is read once, with a note line. */
class IdenticalLogsCliTest {
  @Test
  void statsReadsACopyOnceAndSaysSoWithoutAnErrorExit(@TempDir Path dir) throws Exception {
    Path sample = Path.of(System.getProperty("sample.logs.dir", "../sample-logs"), "json", "otrf-flat_SRV-FILE-01_sysmon.json");
    Path a = Files.copy(sample, dir.resolve("a.json"));
    Path b = Files.copy(sample, dir.resolve("b.json"));
    CliRun one = CliRun.of("stats", "--format", "jsonl", a.toString());
    CliRun two = CliRun.of("stats", "--format", "jsonl", a.toString(), b.toString());

    assertEquals(0, two.exit(), two.err());
    long events = one.jsonLines().get(one.jsonLines().size() - 1).get("events").asLong();
    assertEquals(events, two.jsonLines().get(two.jsonLines().size() - 1).get("events").asLong());
    assertTrue(two.err().contains("note: " + b + ": file: identical to " + a + " (same SHA-256): read once"), two.err());
    assertTrue(two.err().contains("note: " + a + ": file: also opened as " + b), two.err());
  }
}
