package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;

/** A note (a dirty but complete EVTX header) is shown as a note and never counted as damage. */
class ImportNotesInReportsTest {
  private static final String NOTE = "file header says 1 chunk, the file holds 9; all 9 read";
  private static final String DAMAGE = "record size 0 is invalid";

  @Test
  void notesAreShownAsNotesAndOnlyDamageCountsAsImportIssues() throws Exception {
    EventStoreBuilder b = new EventStoreBuilder();
    int s = b.addSource("sysmon.evtx");
    b.setSource(s, new SourceInfo("sysmon.evtx", Path.of("sysmon.evtx"), "evtx", "EVTX 3.1", "d".repeat(64), 1024, 0, 1,
        List.of(ImportIssue.note("sysmon.evtx", "offset 0x0", NOTE), new ImportIssue("sysmon.evtx", "chunk 1", DAMAGE))));
    EventStore store = b.freeze();
    ReportData data = ReportData.of(ReportInput.of(store, List.of()).withGeneratedAt(ReportFixture.GENERATED)
        .withToolVersion(ReportFixture.VERSION));

    assertEquals(1, data.importIssues(), "the note is not an import issue; the damage is");
    String json = write(ReportType.JSON, data);
    assertTrue(json.contains("\"note: " + NOTE + "\""), json);
    assertTrue(json.contains("\"" + DAMAGE + "\""), json);
    assertTrue(write(ReportType.HTML, data).contains("note: " + NOTE));
  }

  private static String write(ReportType type, ReportData data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Reports.writer(type).write(data, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
