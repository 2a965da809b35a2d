package org.sysmontriage.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.ImportIssue;

/** Unreadable records before the events never cost the events: every good one after them is kept. */
class JsonJunkBeforeEventsTest {
  static final int GOOD = 365;

  @TempDir Path tmp;

  static String event(int record) {
    return "{\"EventID\":10,\"Hostname\":\"H\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"RecordNumber\":" + record + ",\"UtcTime\":\"2020-10-18 23:50:06.120\",\"SourceImage\":\"C:\\\\x.exe\",\"TargetImage\":\"C:\\\\windows\\\\system32\\\\lsass.exe\"}\n";
  }

  private Path file(int junk, int padToBytes) throws Exception {
    StringBuilder b = new StringBuilder();
    b.append("{}\n".repeat(junk));
    for (int i = 1; i <= GOOD; i++) {
      b.append(event(i));
    }
    while (b.length() < padToBytes) {
      b.append(event(GOOD + 1 + b.length()));
    }
    return Files.writeString(tmp.resolve("junk-" + junk + ".ndjson"), b, StandardCharsets.UTF_8);
  }

  @Test
  void ninetyNineOneHundredOrAThousandJunkLinesBeforeTheEventsKeepEveryEvent() throws Exception {
    for (int junk : List.of(99, 100, 101, 1000)) {
      CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), file(junk, 0));
      assertEquals(GOOD, r.ctx().events(), junk + " junk lines: " + r.ctx().issues());
      assertEquals(junk, r.ctx().skipped(), junk + " junk lines");
      List<ImportIssue> issues = r.ctx().issues();
      assertEquals("line 1", issues.get(0).where());
      if (junk > 100) {
        assertEquals(101, issues.size(), issues.toString());
        ImportIssue run = issues.get(100);
        assertEquals("lines 101-" + junk, run.where());
        assertTrue(run.message().startsWith((junk - 100) + " more unreadable records after the first 100"), run.message());
      } else {
        assertEquals(junk, issues.size());
      }
    }
  }

  @Test
  void junkBeforeTheEventsOfABigFileReadInParallelKeepsEveryEvent() throws Exception {
    Path big = file(500, 9 << 20);
    CanonicalDump.Result one = CanonicalDump.read(new JsonLogReader(1), big);
    CanonicalDump.Result four = CanonicalDump.read(new JsonLogReader(4), big);
    assertTrue(one.ctx().events() > GOOD);
    assertEquals(one.ctx().events(), four.ctx().events());
    assertEquals(500, four.ctx().skipped());
  }

  @Test
  void aFileWithoutAnyEventSaysItIsNoEventLogAndCountsEveryRecord() throws Exception {
    Path junk = Files.writeString(tmp.resolve("none.ndjson"), "{}\n".repeat(250));
    CanonicalDump.Result r = CanonicalDump.read(new JsonLogReader(1), junk);
    assertEquals(0, r.ctx().events());
    assertEquals(250, r.ctx().skipped());
    ImportIssue last = r.ctx().issues().get(r.ctx().issues().size() - 1);
    assertEquals("lines 101-250", last.where());
    assertTrue(last.message().startsWith("not a JSON event log"), last.message());
  }
}
