package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.testing.SampleLogs;
import org.sysmontriage.testing.SpecialFiles;

/** {@code report --out} never writes over evidence or a special file: exit 2, the evidence's bytes unchanged. */
class EvidenceNeverOverwrittenTest {
  @TempDir Path dir;
  Path ev;
  Path zip;
  Path tgz;
  byte[] zipBytes;
  byte[] tgzBytes;

  @BeforeEach
  void copyEvidence() throws Exception {
    ev = Files.createDirectories(dir.resolve("ev"));
    zip = Files.copy(SampleLogs.dir().resolve("archives/capture_WKS-FIN-07_2024-03-15.zip"), ev.resolve("capture.zip"));
    tgz = Files.copy(SampleLogs.dir().resolve("archives/capture_servers_2024-03-15.tar.gz"), ev.resolve("capture.tar.gz"));
    zipBytes = Files.readAllBytes(zip);
    tgzBytes = Files.readAllBytes(tgz);
  }

  private CliRun report(String type, Path out, Path... inputs) {
    String[] args = Stream.concat(Stream.of("report", "--type", type, "--out", out.toString()),
        Stream.of(inputs).map(Path::toString)).toArray(String[]::new);
    return CliRun.of(args);
  }

  private void assertEvidenceUnchanged() throws Exception {
    assertArrayEquals(zipBytes, Files.readAllBytes(zip));
    assertArrayEquals(tgzBytes, Files.readAllBytes(tgz));
    try (Stream<Path> s = Files.list(ev)) {
      assertEquals(List.of("capture.tar.gz", "capture.zip"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void anArchiveInTheInputFolderIsNeverReplacedByTheReport() throws Exception {
    for (String type : List.of("json", "html", "csv", "navigator")) {
      for (Path target : List.of(zip, tgz)) {
        CliRun r = report(type, target, ev);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("is inside the input folder " + ev), r.err());
      }
    }
    assertEvidenceUnchanged();
  }

  @Test
  void aNewFileInsideTheInputFolderIsRefusedToo() throws Exception {
    CliRun r = report("html", ev.resolve("sub/report.html"), ev);
    assertEquals(2, r.exit(), r.err());
    assertFalse(Files.exists(ev.resolve("sub")));
    assertEvidenceUnchanged();
  }

  @Test
  void anInputFileNamedAsOutIsRefused() throws Exception {
    CliRun r = report("json", zip, zip);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("evidence is never overwritten"), r.err());
    CliRun relative = report("json", ev.resolve("../ev/./capture.tar.gz"), tgz);
    assertEquals(2, relative.exit(), relative.err());
    assertEvidenceUnchanged();
  }

  @Test
  void aSymbolicLinkToEvidenceIsRefusedAndStaysALink() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("report.json"), zip);
    CliRun r = report("json", link, ev);
    assertEquals(2, r.exit(), r.err());
    CliRun explicit = report("json", link, zip);
    assertEquals(2, explicit.exit(), explicit.err());
    assertTrue(Files.isSymbolicLink(link));
    assertEvidenceUnchanged();
  }

  @Test
  void aHardLinkToAnArchiveReadFromTheFolderIsRefused() throws Exception {
    Path hard = Files.createLink(dir.resolve("out.json"), zip);
    CliRun r = report("json", hard, ev);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("evidence is never overwritten"), r.err());
    assertEvidenceUnchanged();
    assertArrayEquals(zipBytes, Files.readAllBytes(hard));
  }

  @Test
  void aPipeOrAFolderAsOutIsRefusedAndLeftAsItWas() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("report.fifo"));
    CliRun r = report("json", fifo, ev);
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("is not a regular file"), r.err());
    assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(), "still a pipe");

    Path folder = Files.createDirectories(dir.resolve("reports"));
    CliRun f = report("json", folder, ev);
    assertEquals(2, f.exit(), f.err());
    assertTrue(f.err().contains("is a folder"), f.err());
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void aLinkToAPlainFileIsWrittenThroughAndStaysALink() throws Exception {
    Path real = Files.writeString(Files.createDirectories(dir.resolve("out")).resolve("r.json"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("latest.json"), real);
    CliRun r = report("json", link, ev);
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).contains("\"summary\""));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("gone.json"));
    CliRun d = report("json", dangling, ev);
    assertEquals(2, d.exit(), d.err());
    assertFalse(Files.exists(dir.resolve("gone.json")));
  }
}
