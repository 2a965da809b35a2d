package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sysmontriage.ingest.ImporterTestSupport.run;
import static org.sysmontriage.ingest.ImporterTestSupport.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;

/** Links, devices and pipes inside a tar are never followed or read, and never passed over without a note. */
class TarSpecialMembersTest {
  @TempDir Path dir;

  @Test
  void everyLinkDeviceAndPipeMemberGetsANoteAndTheLogsAroundThemAreRead() throws Exception {
    byte[] tar = new Archives.Tar()
        .file("a.json", "{1}\n")
        .special("evil-link.json", '2', "/etc/shadow")
        .special("hard.json", '1', "a.json")
        .special("tty", '3', "")
        .special("disk", '4', "")
        .special("pipe.json", '6', "")
        .dir("folder/")
        .file("b.json", "{2}\n")
        .bytes();
    String tgz = Files.write(dir.resolve("capture.tar.gz"), Archives.gzip(tar)).toString();

    ImportResult r = run(tgz);

    assertEquals(2, r.store().size());
    assertEquals(List.of("a symbolic link to /etc/shadow", "a hard link to a.json", "a character device", "a block device",
        "a named pipe (FIFO)"), List.of("evil-link.json", "hard.json", "tty", "disk", "pipe.json").stream()
        .map(m -> what(source(r, tgz + "::" + m))).toList());
    SourceInfo link = source(r, tgz + "::evil-link.json");
    assertEquals("not-a-log", link.format());
    ImportIssue note = link.issues().get(0);
    assertFalse(note.damage());
    assertEquals("archive", note.where());
    assertEquals("not read: this member is a symbolic link to /etc/shadow, not a regular file (links are never followed out of an archive)",
        note.message());
    assertFalse(r.damaged(), "a note is no damage");
    assertEquals(List.of(tgz + "::a.json", tgz + "::evil-link.json", tgz + "::hard.json", tgz + "::tty", tgz + "::disk",
        tgz + "::pipe.json", tgz + "::b.json"), r.sources().stream().map(SourceInfo::source).toList());
  }

  private static String what(SourceInfo s) {
    String m = s.issues().get(0).message();
    return m.substring("not read: this member is ".length(), m.indexOf(", not a regular file"));
  }
}
