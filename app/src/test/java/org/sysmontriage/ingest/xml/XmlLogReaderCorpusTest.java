package org.sysmontriage.ingest.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.testing.Corpus;

/** Every plain XML log of the real-log corpus imports with exactly the number LABELS.csv lists. */
class XmlLogReaderCorpusTest {
  @Test
  void importsEveryCorpusXmlLogWithItsLabelledEventCount() throws Exception {
    List<Corpus.Label> xml = Corpus.labels().stream()
        .filter(l -> l.format().startsWith("xml") && !l.isArchiveMember()).toList();
    assertFalse(xml.isEmpty(), "LABELS.csv lists no XML log");
    for (Corpus.Label label : xml) {
      XmlReadResult r = XmlReadResult.read(Corpus.file(label.path()));
      assertEquals(label.events(), r.events().size(), label.path() + " " + r.issues());
      assertEquals(List.of(), r.issues(), label.path());
    }
  }

  @Test
  void readsZircoliteFixtureSystemMembersAndFields() throws Exception {
    XmlReadResult r = XmlReadResult.read(Corpus.file("Zircolite-fixtures/tests/fixtures/xml_events_sample.xml"));
    assertEquals(2, r.events().size());
    assertEquals(4672, r.events().get(0).eventId);
    assertEquals("Security", r.events().get(0).channel);
    assertEquals("HOST.local", r.events().get(0).computer);
    assertEquals(4398962269L, r.events().get(0).recordId);
    assertEquals("SeSecurityPrivilege", r.events().get(0).get("PrivilegeList"));
    assertEquals(XmlLogReader.PRETTY, r.ctx().dialect());
  }
}
