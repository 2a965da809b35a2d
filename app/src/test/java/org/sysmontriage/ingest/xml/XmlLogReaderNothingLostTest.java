package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.ImportIssue;

/** Nothing between events is dropped without a located issue; damaged text is replaced and reported. */
class XmlLogReaderNothingLostTest {
  @TempDir Path tmp;

  static String event(int record) {
    return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1</EventID>"
        + "<EventRecordID>" + record + "</EventRecordID></System><EventData><Data Name='Image'>C:\\a" + record + ".exe</Data>"
        + "</EventData></Event>";
  }

  private XmlReadResult read(String xml) throws Exception {
    return XmlReadResult.read(Files.writeString(tmp.resolve("log.xml"), xml, StandardCharsets.UTF_8));
  }

  @Test
  void anEventWithADamagedStartTagIsASkippedRecordWithItsLine() throws Exception {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Events>\n" + event(1) + "\n"
        + event(2).replace("<Event ", "<Evxnt ") + "\n" + event(3) + "\n</Events>\n";
    XmlReadResult r = read(xml);
    assertEquals(List.of(1L, 3L), r.events().stream().map(d -> d.recordId).toList());
    assertEquals(1, r.ctx().skipped());
    ImportIssue issue = r.issues().get(0);
    assertEquals("line 4, column 1 (byte 0x" + Integer.toHexString(xml.indexOf("<Evxnt")) + ")", issue.where());
    assertTrue(issue.message().startsWith("a damaged event: ") && issue.message().contains("\"<Evxnt xmlns="), issue.message());
    assertEquals(1, r.issues().size(), r.issues().toString());
  }

  @Test
  void junkTextBetweenEventsIsALocatedIssueAndEveryEventIsKept() throws Exception {
    String xml = event(1) + "\nhello junk\n" + event(2) + "<Other>x</Other>" + event(3) + "\n";
    XmlReadResult r = read(xml);
    assertEquals(3, r.events().size());
    assertEquals(0, r.ctx().skipped());
    assertEquals(2, r.issues().size(), r.issues().toString());
    assertEquals("line 2, column 1 (byte 0x" + Integer.toHexString(xml.indexOf("hello")) + ")", r.issues().get(0).where());
    assertTrue(r.issues().get(0).message().contains("11 bytes starting \"hello junk\""), r.issues().get(0).message());
    assertTrue(r.issues().get(1).message().contains("\"<Other>x</Other>\""), r.issues().get(1).message());
    assertTrue(r.issues().stream().allMatch(ImportIssue::damage));
  }

  @Test
  void prologCommentsAndTheEventsRootAreNotJunk() throws Exception {
    String xml = "\uFEFF<?xml version=\"1.0\"?>\n<!-- exported -->\n<Events xmlns:x='y'>\n" + event(1) + "\n<?pi x?>" + event(2)
        + "\n</Events>\n";
    XmlReadResult r = read(xml);
    assertEquals(2, r.events().size());
    assertEquals(List.of(), r.issues());
  }

  @Test
  void junkBeforeTheFirstEventIsReportedOnceAnEventIsFound() throws Exception {
    XmlReadResult r = read("garbage " + event(1));
    assertEquals(1, r.events().size());
    assertEquals("line 1, column 1 (byte 0x0)", r.issues().get(0).where());
  }

  @Test
  void aFileWhoseOnlyEventIsDamagedSaysSo() throws Exception {
    XmlReadResult r = read(event(1).replace("<Event ", "<Evxnt "));
    assertEquals(0, r.events().size());
    assertEquals(1, r.ctx().skipped());
    assertTrue(r.issues().get(0).message().startsWith("a damaged event"), r.issues().toString());
  }

  @Test
  void aLoneUtf16SurrogateIsReplacedAndReportedAndTheCharactersAfterItKept() throws Exception {
    String xml = "\uFEFF" + event(1).replace("C:\\a1.exe", "A\uD800BC") + "\n" + event(2) + "\n";
    byte[] bytes = new byte[xml.length() * 2];
    for (int i = 0; i < xml.length(); i++) {
      bytes[2 * i] = (byte) xml.charAt(i);
      bytes[2 * i + 1] = (byte) (xml.charAt(i) >> 8);
    }
    XmlReadResult r = XmlReadResult.read(Files.write(tmp.resolve("utf16.xml"), bytes));
    assertEquals(2, r.events().size());
    assertEquals("A\uFFFDBC", r.events().get(0).get("Image"));
    assertEquals(1, r.issues().size(), r.issues().toString());
    assertEquals("line 1, column 1 (byte 0x2)", r.issues().get(0).where());
    String m = r.issues().get(0).message();
    assertTrue(m.startsWith("1 damaged UTF-16 sequence(s) (a lone surrogate) in this event, the first at byte 0x"
        + Integer.toHexString(2 * xml.indexOf('\uD800'))), m);
  }

  @Test
  void invalidUtf8IsReplacedAndReportedAndTheCharactersAfterItKept() throws Exception {
    byte[] head = event(1).substring(0, event(1).indexOf("C:")).getBytes(StandardCharsets.UTF_8);
    byte[] tail = event(1).substring(event(1).indexOf("C:") + "C:\\a1.exe".length()).getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(head);
    out.write(new byte[] {'A', (byte) 0xff, 'B', (byte) 0xed, (byte) 0xa0, (byte) 0x80, 'C'});
    out.write(tail);
    out.write(("\n" + event(2) + "\n").getBytes(StandardCharsets.UTF_8));
    XmlReadResult r = XmlReadResult.read(Files.write(tmp.resolve("bad-utf8.xml"), out.toByteArray()));
    assertEquals(2, r.events().size());
    String image = r.events().get(0).get("Image");
    assertTrue(image.matches("A\uFFFDB\uFFFD+C"), image);
    assertEquals(1, r.issues().size(), r.issues().toString());
    assertTrue(r.issues().get(0).message().contains("damaged UTF-8 byte sequence(s) in this event, the first at byte 0x"
        + Integer.toHexString(head.length + 1)), r.issues().get(0).message());
  }
}
