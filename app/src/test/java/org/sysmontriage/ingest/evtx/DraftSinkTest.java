package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/** The mapping of a record's XML onto an EventDraft, driven by hand. */
class DraftSinkTest {
  @Test
  void mapsSystemFieldsAndNamedData() {
    EventDraft d = new EventDraft();
    DraftSink s = new DraftSink();
    s.start(d);
    open(s, "Event");
    open(s, "System");
    element(s, "EventID", "10");
    element(s, "Channel", "Microsoft-Windows-Sysmon/Operational");
    element(s, "EventRecordID", "4434");
    s.endElement();
    open(s, "EventData");
    s.startElement("Data");
    s.attribute("Name");
    s.literal("GrantedAccess");
    s.closeStart();
    s.literal("0x001fffff");
    s.endElement();
    s.startElement("Data");
    s.attribute("Name");
    s.literal("UtcTime");
    s.closeStart();
    s.literal("2019-03-17 19:09:41.328");
    s.endElement();
    s.endElement();
    s.endElement();
    s.finish(Times.UNKNOWN);
    assertEquals(10, d.eventId);
    assertEquals(4434, d.recordId);
    assertEquals("Microsoft-Windows-Sysmon/Operational", d.channel);
    assertEquals("0x001fffff", d.get("GrantedAccess"));
    assertEquals(Times.parse("2019-03-17 19:09:41.328"), d.ticks);
  }

  @Test
  void userDataIsFlattenedToItsLeaves() {
    EventDraft d = new EventDraft();
    DraftSink s = new DraftSink();
    s.start(d);
    open(s, "Event");
    open(s, "UserData");
    open(s, "LogFileCleared");
    element(s, "SubjectUserName", "alice");
    element(s, "SubjectDomainName", "CORP");
    s.endElement();
    s.endElement();
    s.endElement();
    s.finish(Times.UNKNOWN);
    assertEquals("alice", d.get("SubjectUserName"));
    assertEquals("CORP", d.get("SubjectDomainName"));
  }

  /** Regression (fuzz mutation 24481 of seed 20261121): end tags without starts. */
  @Test
  void unmatchedEndElementsAreIgnored() {
    EventDraft d = new EventDraft();
    DraftSink s = new DraftSink();
    s.start(d);
    s.endElement();
    s.endElement();
    s.startElement("Event");
    s.closeEmpty();
    s.finish(Times.UNKNOWN);
    assertEquals(0, d.fieldCount());
  }

  private static void open(DraftSink s, String name) {
    s.startElement(name);
    s.closeStart();
  }

  private static void element(DraftSink s, String name, String text) {
    s.startElement(name);
    s.closeStart();
    s.literal(text);
    s.endElement();
  }
}
