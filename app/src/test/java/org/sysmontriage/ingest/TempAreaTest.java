package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;

/** Temporary copies of archive members never outlive the program, and a full temporary disk says so. */
class TempAreaTest {
  @TempDir Path tmp;

  private List<String> folders(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(TempArea.PREFIX)).sorted().toList();
    }
  }

  @Test
  void foldersOfProcessesThatAreGoneAreSweptAndThoseOfLiveOnesKept() throws Exception {
    Process gone = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
    gone.getInputStream().readAllBytes();
    gone.waitFor(60, TimeUnit.SECONDS);
    long live = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
    Files.writeString(Files.createDirectories(tmp.resolve("sysmon-triage-" + gone.pid() + "-123")).resolve("1-a.json"), "x");
    Files.createDirectories(tmp.resolve("sysmon-triage-" + live + "-456"));
    Path oldForm = Files.createDirectories(tmp.resolve("sysmon-triage-987654321"));
    Files.setLastModifiedTime(oldForm, FileTime.from(Instant.now().minus(TempArea.OLD_FORM_AGE).minusSeconds(60)));
    Files.createDirectories(tmp.resolve("sysmon-triage-123456789"));
    Files.createDirectories(tmp.resolve("sysmon-triage-notes"));

    assertEquals(2, TempArea.sweep(tmp, ProcessHandle.current().pid()));

    assertEquals(
        Stream.of("sysmon-triage-123456789", "sysmon-triage-" + live + "-456", "sysmon-triage-notes").sorted().toList(),
        folders(tmp));
  }

  @Test
  void closingRemovesEveryCopyAndRefusesNewOnes() throws Exception {
    TempArea area = new TempArea(tmp);
    Path f = area.newFile("logs/a.json");
    assertTrue(f.getParent().getFileName().toString().startsWith(TempArea.PREFIX + ProcessHandle.current().pid() + "-"));
    area.close();
    assertEquals(List.of(), folders(tmp));
    assertThrows(IOException.class, () -> area.newFile("b.json"));
  }

  @Test
  void aFullTemporaryDiskIsReportedAsAFullDiskNotAsADamagedArchive() throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(zip)) {
      z.putNextEntry(new ZipEntry("a.json"));
      z.write("{\"EventID\":1}\n".getBytes());
    }
    Path archive = Files.write(tmp.resolve("a.zip"), zip.toByteArray());
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    try (ArchiveStream in = new ZipArchiveStream(archive)) {
      in.nextMember();
      Path copy = tmp.resolve("copies/1-a.json");
      MemberCopy.TempWriteException e = assertThrows(MemberCopy.TempWriteException.class,
          () -> MemberCopy.copy(in, copy, full, new ExpansionBudget(ImportOptions.defaults()), new CancellationToken(), at -> { }));
      assertEquals("cannot copy the member to the temporary folder " + copy.getParent() + ": the disk is full (No space left on device);"
          + " free space there or use a folder on a bigger disk: java -Djava.io.tmpdir=/path/to/bigger/disk -jar ...", e.getMessage());
      assertFalse(e.getMessage().contains("damaged"));
    }
  }
}
