package org.sysmontriage.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.testing.SpecialFiles;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aPipeIsNeverReplacedByARegularFile() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("p"));
    FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(fifo, o -> o.write(1)));
    assertTrue(e.getMessage().contains("Not a regular file"), e.getMessage());
    assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther());
    TriageException t = assertThrows(TriageException.class, () -> CaseFiles.save(fifo, CaseFile.empty(), EvidenceGuard.NONE));
    assertTrue(t.getMessage().startsWith("the case file " + fifo + " is not a regular file"), t.getMessage());
    assertEquals(List.of("p"), names());
  }

  @Test
  void aFailingWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
    Path file = Files.writeString(dir.resolve("r.json"), "old");
    assertThrows(java.io.IOException.class, () -> AtomicFiles.write(file, o -> {
      o.write("half".getBytes());
      throw new java.io.IOException("disk full");
    }));
    assertEquals("old", Files.readString(file));
    assertEquals(List.of("r.json"), names());
  }

  @Test
  void aCaseFileIsNeverSavedOverALogTheInvestigationRead() throws Exception {
    Path log = Files.writeString(dir.resolve("a.json"), "{}\n");
    EvidenceGuard evidence = EvidenceGuard.ofGiven(List.of(log.toString()));
    TriageException t = assertThrows(TriageException.class, () -> CaseFiles.save(log, CaseFile.empty(), evidence));
    assertTrue(t.getMessage().contains("evidence is never overwritten"), t.getMessage());
    assertEquals("{}\n", Files.readString(log));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
