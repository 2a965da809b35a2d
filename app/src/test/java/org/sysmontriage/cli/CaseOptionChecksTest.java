package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.CaseSource;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.testing.SpecialFiles;

/** {@code --case} gets the checks of an input before any import; what a case says reaches the terminal made safe. */
class CaseOptionChecksTest {
  @TempDir Path dir;
  Path log;

  @BeforeEach
  void writeLog() throws Exception {
    log = Files.writeString(dir.resolve("access.ndjson"), ReportCommandTest.ACCESS);
  }

  private CliRun run(String command, Path caseFile) {
    return command.equals("scan") ? CliRun.of("scan", "--case", caseFile.toString(), log.toString())
        : CliRun.of("report", "--type", "json", "--out", dir.resolve("r.json").toString(), "--case", caseFile.toString(), log.toString());
  }

  @Test
  void aPipeAsCaseFileIsRefusedAtOnceInsteadOfHanging() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("case.json"));
    for (String command : List.of("scan", "report")) {
      CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(command, fifo));
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().contains("is not a regular file (a pipe, socket or device)"), r.err());
      assertFalse(r.err().contains("at org."), r.err());
    }
    assertFalse(Files.exists(dir.resolve("r.json")));
  }

  @Test
  void aFolderOrAnOversizedFileAsCaseFileIsRefusedBeforeTheImport() throws Exception {
    CliRun folder = run("scan", Files.createDirectories(dir.resolve("cases")));
    assertEquals(2, folder.exit(), folder.err());
    assertTrue(folder.err().contains("is a folder"), folder.err());
    Path huge = dir.resolve("huge.case.json");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(300L << 20); // sparse: no disk space used
    }
    CliRun big = run("report", huge);
    assertEquals(2, big.exit(), big.err());
    assertTrue(big.err().contains("is larger than a case file can be (256 MB)"), big.err());
    assertFalse(Files.exists(dir.resolve("r.json")));
  }

  @Test
  void aHostileSourcePathInACaseCannotDriveTheTerminal() throws Exception {
    String hostile = "\u001b[2J\u001b[1;32mall clear\u001b[0m\u202Eexe.txt";
    Path caseFile = dir.resolve("c.case.json");
    CaseFiles.save(caseFile, new CaseFile(CaseFile.FORMAT, CaseFile.VERSION, List.of(new CaseSource(hostile, "0".repeat(64), 1)),
        null, null), EvidenceGuard.NONE);
    CliRun r = run("scan", caseFile);
    assertFalse(r.err().contains("\u001b") || r.err().contains("\u202E"), r.err());
    assertTrue(r.err().contains("\\x1b[2J\\x1b[1;32mall clear\\x1b[0m\\u202eexe.txt"), r.err());
  }
}
