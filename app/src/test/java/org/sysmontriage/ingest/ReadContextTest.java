package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;

class ReadContextTest {
  private final ReadContext ctx = new ReadContext("log.evtx", d -> { }, new CancellationToken(), b -> { });

  @Test
  void aNoteIsShownButIsNotDamage() {
    ctx.note("offset 0x0", "file header says 1 chunk, the file holds 9");

    List<ImportIssue> issues = ctx.issues();

    assertEquals(1, issues.size());
    assertFalse(issues.get(0).damage());
    assertEquals("note: log.evtx: offset 0x0: file header says 1 chunk, the file holds 9", issues.get(0).toString());
    assertFalse(source(issues, 0).damaged());
  }

  @Test
  void anIssueIsDamageEvenWithoutASkippedRecord() {
    ctx.note("offset 0x0", "dirty header");
    ctx.issue("chunk 0", "chunk header CRC32 mismatch; records read anyway");

    assertTrue(ctx.issues().get(1).damage());
    assertEquals("log.evtx: chunk 0: chunk header CRC32 mismatch; records read anyway", ctx.issues().get(1).toString());
    assertTrue(source(ctx.issues(), 0).damaged());
  }

  @Test
  void aSkippedRecordIsDamage() {
    ctx.skip("record 7", "record size 0 is invalid");

    assertEquals(1, ctx.skipped());
    assertTrue(ctx.issues().get(0).damage());
    assertTrue(source(List.of(), 1).damaged());
  }

  @Test
  void theThreeArgumentIssueDefaultsToDamage() {
    assertTrue(new ImportIssue("a", "file", "unreadable").damage());
    assertFalse(ImportIssue.note("a", "file", "fyi").damage());
  }

  @Test
  void issuesBeyondTheCapAreCountedAsDamageOnlyWhenOneOfThemIs() {
    for (int i = 0; i <= ReadContext.MAX_ISSUES; i++) {
      ctx.note("n" + i, "note");
    }
    List<ImportIssue> onlyNotes = ctx.issues();
    ctx.issue("x", "damage");
    List<ImportIssue> withDamage = ctx.issues();

    assertEquals("1 more issues not listed", onlyNotes.get(onlyNotes.size() - 1).message());
    assertFalse(source(onlyNotes, 0).damaged());
    assertEquals("2 more issues not listed", withDamage.get(withDamage.size() - 1).message());
    assertTrue(source(withDamage, 0).damaged());
  }

  private static SourceInfo source(List<ImportIssue> issues, long skipped) {
    return new SourceInfo("log.evtx", Path.of("log.evtx"), "evtx", "EVTX 3.1", "", 0, 9, skipped, issues);
  }

  @Test
  void aRecordWithTooManyFieldsKeepsTheFirstOnesAndSaysSo() {
    org.sysmontriage.event.EventDraft d = new org.sysmontriage.event.EventDraft();
    d.rawOffset = 4096;
    for (int i = 0; i < 200_000; i++) {
      d.field("k" + i, "v");
    }
    d.field("k3", "replaced");

    ctx.event(d);

    assertEquals(org.sysmontriage.event.EventDraft.MAX_FIELDS, d.fieldCount());
    assertEquals("replaced", d.get("k3"));
    assertEquals(1, ctx.events());
    assertEquals("log.evtx: byte offset 4096: the record has more than 1024 fields; 198976 were not kept",
        ctx.issues().get(0).toString());
    assertTrue(ctx.issues().get(0).damage());
  }
}
