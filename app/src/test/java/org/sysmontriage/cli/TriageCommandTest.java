package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageCommandTest {
  @TempDir
  Path dir;

  @Test
  void aMistypedCommandIsTheCommandLineNotAPathForTheGui() {
    assertTrue(TriageCommand.isCommandLine(new String[] {"stat", "sample-logs"}));

    CliRun run = CliRun.of("stat", "sample-logs");

    assertEquals(2, run.exit());
    assertTrue(run.err().contains("stats"), run.err());
  }

  @Test
  void pathsStillOpenTheGui() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("evidence"));

    assertFalse(TriageCommand.isCommandLine(new String[0]));
    assertFalse(TriageCommand.isCommandLine(new String[] {folder.toString()}));
    assertFalse(TriageCommand.isCommandLine(new String[] {"missing.evtx"}));
    assertFalse(TriageCommand.isCommandLine(new String[] {"C:\\logs\\x.evtx"}));
  }
}
