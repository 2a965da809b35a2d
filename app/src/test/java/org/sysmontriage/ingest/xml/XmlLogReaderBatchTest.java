package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.ingest.ReadContext;

/** Many events per StAX reader must give exactly what parsing each event alone gives. */
class XmlLogReaderBatchTest {
  @TempDir Path tmp;

  @Test
  void brokenEventsInsideBatchesLoseOnlyThemselves() throws Exception {
    StringBuilder xml = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      String data = i == 100 ? "<Data Name=\"CommandLine\">a</Dat>" : i == 150 ? "<Data Name=\"CommandLine\">&custom;</Data>"
          : "<Data Name=\"CommandLine\">cmd &amp; " + i + "</Data>";
      xml.append("<Event><System><EventID>1</EventID><EventRecordID>").append(i).append("</EventRecordID></System><EventData>")
          .append(data).append("</EventData></Event>\n");
    }
    XmlReadResult r = XmlReadResult.read(Files.writeString(tmp.resolve("batch.xml"), xml, StandardCharsets.UTF_8));
    assertEquals(198, r.events().size());
    assertEquals(2, r.ctx().skipped());
    assertTrue(r.issues().get(0).where().startsWith("line 100, column "), r.issues().toString());
    assertTrue(r.issues().get(1).where().startsWith("line 150, column "), r.issues().toString());
    long previous = 0;
    for (EventDraft d : r.events()) {
      assertTrue(d.recordId > previous);
      assertEquals("cmd & " + d.recordId, d.get("CommandLine"));
      previous = d.recordId;
    }
  }

  @Test
  void stopsWhenTheImportIsCancelled() throws Exception {
    String event = "<Event><System><EventID>1</EventID></System></Event>\n";
    Path file = Files.writeString(tmp.resolve("many.xml"), event.repeat(1000), StandardCharsets.UTF_8);
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();
    List<EventDraft> events = new ArrayList<>();
    ReadContext ctx = new ReadContext("many.xml", d -> events.add(d.copy()), cancel, b -> { });
    assertThrows(CancelledException.class, () -> new XmlLogReader().read(file, ctx));
    assertTrue(events.size() < 1000, events.size() + " events read after cancelling");
  }
}
