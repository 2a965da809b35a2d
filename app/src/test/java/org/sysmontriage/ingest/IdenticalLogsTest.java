package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;

/** Identical logs (same SHA-256) opened in one import are read once, with a note on each naming the other. */
class IdenticalLogsTest {
  static final Path SAMPLE = Path.of(System.getProperty("sample.logs.dir", "../sample-logs"), "json", "otrf-flat_SRV-FILE-01_sysmon.json");

  private static ImportResult run(Path... paths) {
    return new Importer().run(java.util.Arrays.stream(paths).map(Path::toString).toList(), ImportProgress.NONE, new CancellationToken());
  }

  private static SourceInfo source(ImportResult r, Path p) {
    return r.sources().stream().filter(s -> s.source().equals(p.toString())).findFirst().orElseThrow(() -> new AssertionError(p + " in " + r.sources()));
  }

  private static List<String> notes(SourceInfo s) {
    return s.issues().stream().filter(i -> !i.damage()).map(ImportIssue::message).toList();
  }

  @Test
  void aLogAndItsCopyInAFolderAreReadOnceWithANoteNamingBoth(@TempDir Path dir) throws IOException {
    Path log = Files.copy(SAMPLE, dir.resolve("srv.json"));
    Path folder = Files.createDirectories(dir.resolve("case"));
    Path copy = Files.copy(SAMPLE, folder.resolve("copy-of-srv.json"));
    long once = run(log).store().size();

    ImportResult both = run(log, folder);

    assertEquals(once, both.store().size(), "the copy's events are not read again");
    SourceInfo first = source(both, log);
    SourceInfo second = source(both, copy);
    assertEquals(once, first.events());
    assertEquals(0, second.events());
    assertEquals(first.sha256(), second.sha256());
    assertEquals(List.of("also opened as " + copy + " (same SHA-256): read once"), notes(first));
    assertEquals(List.of(Importer.IDENTICAL + log + " (same SHA-256): read once, its events are shown under that name"), notes(second));
    assertTrue(second.issues().stream().noneMatch(ImportIssue::damage), "a note, not damage");
  }

  @Test
  void theSamePathTwiceAndAnArchiveMemberWithTheSameBytesAreReadOnce(@TempDir Path dir) throws IOException {
    Path log = Files.copy(SAMPLE, dir.resolve("srv.json"));
    String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
    Path zip = Files.write(dir.resolve("capture.zip"), Archives.zip("logs/srv.json", text));
    long once = run(log).store().size();

    ImportResult r = run(log, zip);

    assertEquals(once, r.store().size());
    SourceInfo member = r.sources().stream().filter(s -> s.source().endsWith("::logs/srv.json")).findFirst().orElseThrow();
    assertEquals(0, member.events());
    assertTrue(notes(member).get(0).startsWith(Importer.IDENTICAL + log), notes(member).toString());
  }

  @Test
  void aLogOfTheSameSizeWithOtherBytesIsReadAgain(@TempDir Path dir) throws IOException {
    Path log = Files.copy(SAMPLE, dir.resolve("srv.json"));
    byte[] bytes = Files.readAllBytes(SAMPLE);
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = text.indexOf("SRV-FILE-01");
    bytes[at + 4] = 'X'; // SRV-XILE-01: same size, another host name
    Path other = Files.write(dir.resolve("other.json"), bytes);
    long once = run(log).store().size();

    ImportResult r = run(log, other);

    assertEquals(2 * once, r.store().size());
    assertFalse(source(r, log).sha256().equals(source(r, other).sha256()));
    assertEquals(List.of(), notes(source(r, other)));
  }
}
