package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;

/** A key given twice in one object is never resolved silently: the first value wins everywhere, with a note. */
class JsonDuplicateKeysTest {
  @TempDir Path tmp;

  private CanonicalDump.Result read(String ndjson) throws Exception {
    return CanonicalDump.read(new JsonLogReader(1), Files.writeString(tmp.resolve("dup.ndjson"), ndjson));
  }

  @Test
  void repeatedEventIdAndRecordNumberKeepTheFirstValueAndSaySo() throws Exception {
    String good = "{\"EventID\":1,\"Hostname\":\"H\",\"RecordNumber\":7,\"Image\":\"C:\\\\a.exe\"}\n";
    String dup = "{\"EventID\":1,\"Hostname\":\"H\",\"RecordNumber\":8,\"Image\":\"C:\\\\first.exe\",\"EventID\":10,"
        + "\"RecordNumber\":9,\"Image\":\"C:\\\\second.exe\"}\n";
    CanonicalDump.Result r = read(good + dup);
    assertEquals(2, r.events().size());
    EventDraft e = r.events().get(1);
    assertEquals(1, e.eventId);
    assertEquals(8, e.recordId);
    assertEquals("C:\\first.exe", e.get("Image"));
    List<ImportIssue> issues = r.ctx().issues();
    assertEquals(1, issues.size(), issues.toString());
    ImportIssue note = issues.get(0);
    assertFalse(note.damage());
    assertEquals("byte offset " + good.length(), note.where());
    assertEquals("the key \"EventID\" is given more than once in this record (and 2 more repeated keys); "
        + "the first value of each was used, the later one (10) ignored", note.message());
    assertEquals(0, r.ctx().skipped());
  }

  @Test
  void objectsInAnArrayRepeatingTheirKeysAreNoDuplicates() throws Exception {
    CanonicalDump.Result r = read("{\"EventID\":1,\"Hostname\":\"H\",\"tags\":[{\"k\":1},{\"k\":2}],\"list\":[1,2]}\n");
    assertEquals(1, r.events().size());
    assertTrue(r.ctx().issues().isEmpty(), r.ctx().issues().toString());
    CanonicalDump.Result collision = read("{\"EventID\":1,\"Hostname\":\"H\",\"winlog\":{\"x\":1},\"winlog.x\":2}\n");
    assertEquals("the key \"winlog.x\" is given more than once in this record; the first value of each was used, the later one (2) ignored",
        collision.ctx().issues().get(0).message());
  }

  @Test
  void aRecordWithManyKeysStillFindsItsOneDuplicate() throws Exception {
    StringBuilder b = new StringBuilder("{\"EventID\":1,\"Hostname\":\"H\"");
    for (int i = 0; i < 5000; i++) {
      b.append(",\"f").append(i).append("\":").append(i);
    }
    b.append(",\"f4321\":0}\n");
    CanonicalDump.Result r = read(b.toString());
    assertEquals(1, r.events().size());
    assertTrue(r.ctx().issues().stream().anyMatch(i -> i.message().startsWith("the key \"f4321\" is given more than once")),
        r.ctx().issues().toString());
  }
}
