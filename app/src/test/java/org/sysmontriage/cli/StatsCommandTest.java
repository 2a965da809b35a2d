package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
  @TempDir
  Path dir;

  @Test
  void missingPathIsAUsageError() {
    CliRun run = CliRun.of("stats");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("PATH"), run.err());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, CliRun.of("stats", "--format", "yaml", dir.toString()).exit());
    assertEquals(2, CliRun.of("events", "--bogus", dir.toString()).exit());
  }

  @Test
  void garbageGetsOneClearLineAndExitOne() throws Exception {
    Path garbage = Files.write(dir.resolve("garbage.bin"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});

    CliRun run = CliRun.of("stats", garbage.toString());

    assertEquals(1, run.exit());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith(garbage + ": file: not a log format Sysmon Triage reads"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void jsonlHasOneLinePerInputThenASummary() throws Exception {
    Files.writeString(dir.resolve("README.md"), "# notes");
    Files.write(dir.resolve("a.evtx"), "ElfFile\0".getBytes());

    CliRun run = CliRun.of("stats", "--format", "jsonl", dir.toString());

    List<JsonNode> lines = run.jsonLines();
    assertEquals(3, lines.size(), run.out());
    JsonNode log = lines.get(1);
    assertEquals(dir.resolve("a.evtx").toString(), log.get("source").asText());
    assertEquals(Set.of("source", "format", "dialect", "sha256", "events", "skipped", "issues"), fieldNames(log));
    assertEquals("evtx", log.get("format").asText());
    assertEquals(64, log.get("sha256").asText().length());
    assertEquals(Set.of("where", "message"), fieldNames(log.get("issues").get(0)));
    assertEquals("not-a-log", lines.get(0).get("format").asText());
    JsonNode summary = lines.get(2);
    assertTrue(summary.get("summary").asBoolean());
    assertEquals(0, summary.get("events").asLong());
    assertTrue(summary.get("store_bytes").asLong() > 0);
    assertEquals(1, run.exit());
  }

  @Test
  void aFolderWithoutDamageExitsZero() throws Exception {
    Files.writeString(dir.resolve("LICENSE"), "MIT");

    CliRun run = CliRun.of("stats", dir.toString());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("skipped (not a log)"), run.out());
    assertTrue(run.err().startsWith("note: no log found in " + dir), run.err());
  }

  @Test
  void theTableKeepsItsColumnsInLineWhateverTheSourceLength() throws Exception {
    String event = "{\"EventID\":1,\"Hostname\":\"H\",\"UtcTime\":\"2024-03-15 09:12:44.123\",\"Image\":\"C:\\\\a.exe\"}\n";
    Path shortName = Files.writeString(dir.resolve("a.json"), event);
    Path longName = Files.writeString(dir.resolve("x".repeat(150) + ".json"), event + event);
    Files.writeString(dir.resolve("b-notes.txt"), "not a log");

    CliRun run = CliRun.of("stats", dir.toString());

    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.out().lines().toList();
    int sourceColumn = lines.get(0).indexOf("SOURCE");
    int eventsEnd = lines.get(0).indexOf("EVENTS") + "EVENTS".length();
    assertEquals(shortName.toString(), lines.get(1).substring(sourceColumn));
    assertTrue(lines.get(2).startsWith("skipped (not a log)"), run.out());
    assertEquals(dir.resolve("b-notes.txt").toString(), lines.get(2).substring(sourceColumn));
    assertEquals(" 2  ", lines.get(3).substring(eventsEnd - 2, eventsEnd + 2), run.out());
    assertEquals(longName.toString(), lines.get(3).substring(sourceColumn));
    assertEquals("3 events from 2 logs", lines.get(5).substring(0, "3 events from 2 logs".length()), run.out());
  }

  @Test
  void sizesAreHumanFriendly() {
    assertEquals("999 bytes", StatsTableWriter.size(999));
    assertEquals("1.5 KB", StatsTableWriter.size(1_500));
    assertEquals("59.1 MB", StatsTableWriter.size(59_111_680));
    assertEquals("8.6 GB", StatsTableWriter.size(8_600_000_000L));
  }

  @Test
  void aDirtyEvtxHeaderIsANoteAndExitsZero() {
    // the header says 1 chunk, the file holds 9 (a copy of a live log): every record is read
    Path dirty = org.sysmontriage.testing.Corpus.dir().resolve("omerbenamram-evtx/samples/sysmon.evtx");

    CliRun table = CliRun.of("stats", dirty.toString());
    CliRun jsonl = CliRun.of("stats", "--format", "jsonl", dirty.toString());

    assertEquals(0, table.exit(), table.err());
    assertTrue(table.err().startsWith("note: " + dirty + ": offset 0x0: file header says 1 chunk"), table.err());
    assertEquals(0, jsonl.exit(), jsonl.err());
    JsonNode log = jsonl.jsonLines().get(0);
    assertEquals(0, log.get("skipped").asLong());
    assertTrue(log.get("issues").get(0).get("message").asText().startsWith("note: file header says"), jsonl.out());
  }

  @Test
  void anEvtxCutShortOfTheChunksItsHeaderCountsIsDamage() throws Exception {
    Path whole = org.sysmontriage.testing.Corpus.dir()
        .resolve("omerbenamram-evtx/samples/2-system-Microsoft-Windows-LiveId%4Operational.evtx");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.evtx"), java.util.Arrays.copyOf(bytes, 4096 + 2 * 65536));

    CliRun run = CliRun.of("stats", cut.toString());

    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().startsWith(cut + ": offset 0x0: file header says 16 chunks, only 2 found"), run.err());
  }

  @Test
  void controlCharactersInEvidenceNamesCannotDriveTheTerminal() throws Exception {
    Path hostile = Files.write(dir.resolve("evil\u001b[31mRED\nfake: line.evtx"), new byte[] {1, 2, 3});

    CliRun run = CliRun.of("stats", hostile.toString());

    assertEquals(1, run.exit());
    assertFalse(run.out().contains("\u001b") || run.err().contains("\u001b"), run.out() + run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith(dir + "/evil\\x1b[31mRED\\nfake: line.evtx: file: not a log format"), run.err());
    assertTrue(run.out().contains("evil\\x1b[31mRED\\nfake: line.evtx\n"), run.out());
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> names = new java.util.HashSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
