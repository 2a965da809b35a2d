package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.ImportIssue;

/** Hostile and wrong XML: refused with a clear message, never expanded, never fatal. */
class XmlLogReaderHostileInputTest {
  @TempDir Path tmp;

  @Test
  void refusesBillionLaughsWithoutExpandingIt() throws Exception {
    XmlReadResult r = XmlReadResult.read(XmlLogReaderGoldenTest.resource("billion-laughs.xml"));
    assertEquals(0, r.events().size());
    assertEquals(1, r.ctx().skipped());
    ImportIssue issue = r.issues().get(0);
    assertEquals("line 2, column 1 (byte 0x16)", issue.where());
    assertTrue(issue.message().contains("declares a DTD") && issue.message().contains("billion laughs"), issue.message());
  }

  @Test
  void refusesExternalEntityDeclarationBeforeReadingAnyEvent() throws Exception {
    XmlReadResult r = XmlReadResult.read(XmlLogReaderGoldenTest.resource("xxe.xml"));
    assertEquals(0, r.events().size());
    assertTrue(r.issues().get(0).message().contains("XXE"), r.issues().get(0).message());
    assertFalse(r.canonical().contains("root:"), "no file content may leak into the result");
  }

  @Test
  void refusesUndeclaredEntityButDecodesPredefinedOnes() throws Exception {
    XmlReadResult r = XmlReadResult.read(XmlLogReaderGoldenTest.resource("entity-in-event.xml"));
    assertEquals(1, r.events().size());
    assertEquals("cmd /c echo a && echo A<>", r.events().get(0).get("CommandLine"));
    assertEquals(1, r.ctx().skipped());
    ImportIssue issue = r.issues().get(0);
    assertTrue(issue.where().startsWith("line 1, column "), issue.where());
    assertTrue(issue.message().contains("xxe"), issue.message());
  }

  @Test
  void skipsEventNestedTooDeepAndKeepsItsNeighbour() throws Exception {
    XmlReadResult r = XmlReadResult.read(XmlLogReaderGoldenTest.resource("too-deep.xml"));
    assertEquals(1, r.events().size());
    assertEquals("ok", r.events().get(0).get("Y"));
    assertTrue(r.issues().get(0).message().contains("nested deeper than 32"), r.issues().get(0).message());
  }

  @Test
  void reportsXmlThatIsNotAnEventLog() throws Exception {
    XmlReadResult r = XmlReadResult.read(XmlLogReaderGoldenTest.resource("not-events.xml"));
    assertEquals(0, r.events().size());
    assertEquals(0, r.ctx().skipped());
    String message = r.issues().get(0).message();
    assertTrue(message.contains("not a Windows event log") && message.contains("<project>"), message);
  }

  @Test
  void reportsEmptyFile() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.xml"), "", StandardCharsets.UTF_8);
    XmlReadResult r = XmlReadResult.read(empty);
    assertEquals(0, r.events().size());
    assertTrue(r.issues().get(0).message().contains("not a Windows event log"), r.issues().get(0).message());
  }

  @Test
  void skipsOversizedValueWithItsLocation() throws Exception {
    String big = "A".repeat(XmlLimits.MAX_TEXT_CHARS + 1);
    String xml = "<Event><System><EventID>1</EventID><EventRecordID>1</EventRecordID></System><EventData><Data Name=\"CommandLine\">"
        + big + "</Data></EventData></Event>\n<Event><System><EventID>1</EventID><EventRecordID>2</EventRecordID></System></Event>\n";
    XmlReadResult r = XmlReadResult.read(Files.writeString(tmp.resolve("big.xml"), xml, StandardCharsets.UTF_8));
    assertEquals(1, r.events().size());
    assertEquals(2, r.events().get(0).recordId);
    assertTrue(r.issues().get(0).message().contains("longer than"), r.issues().get(0).message());
  }

  @Test
  void resumesAfterTruncatedFileEnd() throws Exception {
    String xml = "<Events><Event><System><EventID>1</EventID><EventRecordID>1</EventRecordID></System></Event>\r\n"
        + "<Event><System><EventID>1</EventID><EventRecordID>2</Event";
    XmlReadResult r = XmlReadResult.read(Files.writeString(tmp.resolve("cut.xml"), xml, StandardCharsets.UTF_8));
    assertEquals(1, r.events().size());
    assertEquals(1, r.ctx().skipped());
    assertEquals("line 2, column 1 (byte 0x5e)", r.issues().get(0).where());
  }
}
