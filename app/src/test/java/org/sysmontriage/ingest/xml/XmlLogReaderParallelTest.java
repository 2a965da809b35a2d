package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.ingest.ReadContext;

/** A big file parsed on several threads gives the same events and issues as on one thread. */
class XmlLogReaderParallelTest {
  @TempDir Path tmp;

  @Test
  void parallelParsingOfABigFileMatchesSingleThreaded() throws Exception {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Events>");
    int n = 0;
    while (xml.length() < XmlLogReader.PARALLEL_FROM_BYTES + 1_000_000) {
      n++;
      String cmd = n % 5000 == 0 ? "&bad;" : "\"C:\\Windows\\system32\\cmd.exe\" /c echo " + n + " &amp;&amp; exit";
      xml.append("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon'/>")
          .append("<EventID>1</EventID><TimeCreated SystemTime='2024-03-12T08:00:00.0000000Z'/><EventRecordID>").append(n)
          .append("</EventRecordID><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>WS1</Computer></System>")
          .append("<EventData><Data Name='UtcTime'>2024-03-12 08:00:00.000</Data><Data Name='CommandLine'>").append(cmd)
          .append("</Data></EventData></Event>");
    }
    xml.append("</Events>");
    Path file = Files.writeString(tmp.resolve("big.xml"), xml, StandardCharsets.UTF_8);
    Outcome one = read(new XmlLogReader(1), file);
    Outcome two = read(new XmlLogReader(2), file);
    assertEquals(n - n / 5000, one.records().size());
    assertEquals(n / 5000, one.issues().size());
    assertEquals(one.records(), two.records());
    assertEquals(one.issues(), two.issues());
    assertEquals(XmlLogReader.EVENT_VIEWER, two.dialect());
    assertTrue(one.commandLinesDecoded() && two.commandLinesDecoded());
  }

  record Outcome(Set<Long> records, Set<String> issues, String dialect, boolean commandLinesDecoded) {}

  private static Outcome read(XmlLogReader reader, Path file) throws Exception {
    List<EventDraft> events = new ArrayList<>();
    ReadContext ctx = new ReadContext("big.xml", d -> {
      synchronized (events) {
        events.add(d.copy());
      }
    }, new CancellationToken(), b -> { });
    reader.read(file, ctx);
    Set<Long> records = new TreeSet<>();
    boolean decoded = true;
    for (EventDraft d : events) {
      records.add(d.recordId);
      decoded &= d.get("CommandLine").endsWith(" " + d.recordId + " && exit");
    }
    Set<String> issues = new TreeSet<>();
    for (ImportIssue i : ctx.issues()) {
      issues.add(i.where() + ": " + i.message());
    }
    return new Outcome(records, issues, ctx.dialect(), decoded);
  }
}
