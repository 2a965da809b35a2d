package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.ingest.ImporterTestSupport.names;
import static org.sysmontriage.ingest.ImporterTestSupport.run;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;

class FolderImportTest {
  @TempDir
  Path dir;

  private void write(String rel, String content) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void walksFoldersSortedAndNamesSourcesByTheGivenPath() throws Exception {
    write("logs/b.json", "{1}\n");
    write("logs/a/z.xml", "<e/>\n<e/>\n");
    write("logs/a/y.json", "{1}\n");
    write("logs/c.zip.evidence", "{1}\n");
    String root = dir.resolve("logs").toString();

    ImportResult r = run(root);

    String s = File.separator;
    assertEquals(List.of(root + s + "a" + s + "y.json", root + s + "a" + s + "z.xml", root + s + "b.json", root + s + "c.zip.evidence"), names(r));
    assertEquals(2, source(r, root + s + "a" + s + "z.xml").events());
    assertEquals("json", source(r, root + s + "c.zip.evidence").format(), "sniffed by content, not by name");
  }

  @Test
  void listsFilesThatAreNotLogsInAFolderWithoutFailing() throws Exception {
    write("case/README.md", "# notes");
    write("case/LICENSE", "MIT");
    write("case/events.json", "{1}\n");

    ImportResult r = run(dir.resolve("case").toString());

    assertEquals(Importer.NOT_A_LOG, source(r, dir.resolve("case/README.md").toString()).format());
    assertTrue(source(r, dir.resolve("case/README.md").toString()).issues().isEmpty());
    assertEquals(1, r.store().size());
    assertFalse(r.damaged());
  }

  @Test
  void listsJsonAndXmlWithoutEventsFoundInAFolderAsNotALog() throws Exception {
    write("capture/metadata.json", "{\"name\": \"procdump capture\", \"date\": \"2024-03-15\"}\n");
    write("capture/manifest.xml", "<?xml version=\"1.0\"?><manifest><file>x</file></manifest>");
    write("capture/sysmon.json", "{\"EventID\":1,\"Hostname\":\"WS01\",\"UtcTime\":\"2024-03-15 10:00:00.000\",\"Image\":\"C:\\\\a.exe\"}\n");
    String folder = dir.resolve("capture").toString();
    String metadata = dir.resolve("capture/metadata.json").toString();

    ImportResult walked = new Importer().run(List.of(folder), ImportProgress.NONE, new CancellationToken());
    ImportResult named = new Importer().run(List.of(metadata), ImportProgress.NONE, new CancellationToken());

    assertEquals(Importer.NOT_A_LOG, source(walked, metadata).format());
    assertEquals(Importer.NOT_A_LOG, source(walked, dir.resolve("capture/manifest.xml").toString()).format());
    assertEquals(1, source(walked, dir.resolve("capture/sysmon.json").toString()).events());
    assertFalse(walked.damaged(), walked.sources().toString());
    assertEquals("json", source(named, metadata).format());
    assertTrue(named.damaged(), "named explicitly, a JSON without events is an error");
  }

  @Test
  void aFileNamedExplicitlyThatIsNotALogIsAnError() throws Exception {
    write("README.md", "# notes");
    String readme = dir.resolve("README.md").toString();

    ImportResult r = run(readme, dir.resolve("missing.json").toString());

    assertEquals(Importer.UNKNOWN, source(r, readme).format());
    assertTrue(source(r, readme).issues().get(0).message().startsWith("not a log format Sysmon Triage reads"));
    assertEquals("no such file or folder", source(r, dir.resolve("missing.json").toString()).issues().get(0).message());
    assertTrue(r.damaged());
  }

  @Test
  void survivesSymlinkLoops() throws Exception {
    write("loop/a.json", "{1}\n");
    Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop"));

    ImportResult r = run(dir.resolve("loop").toString());

    assertEquals(List.of(dir.resolve("loop/a.json").toString()), names(r));
  }

  @Test
  void aPipeNamedExplicitlyIsAnErrorNotAHang() throws Exception {
    Path fifo = dir.resolve("stream.json");
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("mkfifo is not available here: " + e.getMessage());
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");

    ImportResult r = run(fifo.toString());

    assertEquals(Importer.UNKNOWN, source(r, fifo.toString()).format());
    assertTrue(source(r, fifo.toString()).issues().get(0).message().startsWith("not a regular file (a pipe"));
    assertTrue(r.damaged());
  }

  @Test
  void fieldsBeyondTheStoresNameLimitAreReportedNotSilentlyLost() throws Exception {
    StringBuilder json = new StringBuilder();
    for (int line = 0; line < 70; line++) {
      json.append("{\"EventID\":1,\"Hostname\":\"h\"");
      for (int k = 0; k < 1000; k++) {
        json.append(",\"f").append(line).append('_').append(k).append("\":1");
      }
      json.append("}\n");
    }
    write("wide.json", json.toString());
    String wide = dir.resolve("wide.json").toString();

    ImportResult r = new Importer().run(List.of(wide), ImportProgress.NONE, new CancellationToken());

    assertEquals(70, source(r, wide).events());
    assertTrue(r.damaged(), source(r, wide).toString());
    assertTrue(source(r, wide).issues().stream().anyMatch(i -> i.message().startsWith(
        "this import holds more than 65,535 distinct field names; ")), source(r, wide).issues().toString());
  }
}
