package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventStoreTest {
  private static EventDraft draft(int eventId, String time, String computer, long offset) {
    EventDraft d = new EventDraft();
    d.eventId = eventId;
    d.ticks = time == null ? Times.UNKNOWN : Times.parse(time);
    d.computer = computer;
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.rawOffset = offset;
    return d;
  }

  @Test
  void keepsFieldsInTheirOrderAndFindsThemByName() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    b.accept(draft(10, "2020-01-01 00:00:00", "WS01", 0).field("TargetImage", "lsass.exe").field("GrantedAccess", "0x1410"), src);
    EventStore s = b.freeze();

    assertEquals(Map.of("TargetImage", "lsass.exe", "GrantedAccess", "0x1410"), s.fields(0));
    assertEquals(List.of("TargetImage", "GrantedAccess"), List.copyOf(s.fields(0).keySet()));
    assertEquals("0x1410", s.field(0, "GrantedAccess"));
    assertNull(s.field(0, "CommandLine"));
    assertEquals("WS01", s.computer(0));
  }

  @Test
  void sharesOneDictionaryEntryPerDistinctValue() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    for (int i = 0; i < 1000; i++) {
      b.accept(draft(1, null, "WS01", i).field("Image", "C:\\Windows\\System32\\cmd.exe").field("User", "CORP\\alice"), src);
    }
    EventStore s = b.freeze();

    assertEquals(2, s.valueCount());
    int image = s.nameId("Image");
    assertEquals(s.valueId(0, image), s.valueId(999, image));
  }

  @Test
  void ordersByTimeStablyWithUnknownTimesFirst() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    b.accept(draft(1, "2020-01-01 00:00:02", "A", 0), src);
    b.accept(draft(2, "2020-01-01 00:00:01", "A", 1), src);
    b.accept(draft(3, "2020-01-01 00:00:02", "A", 2), src);
    b.accept(draft(4, null, "A", 3), src);
    b.accept(draft(5, "2020-01-01 00:00:01", "A", 4), src);
    EventStore s = b.freeze();

    assertArrayEquals(new int[] {3, 1, 4, 0, 2}, s.byTime());
  }

  @Test
  void indexesByEventIdAndComputer() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    b.accept(draft(10, null, "A", 0), src);
    b.accept(draft(1, null, "B", 1), src);
    b.accept(draft(10, null, "B", 2), src);
    EventStore s = b.freeze();

    assertArrayEquals(new int[] {0, 2}, s.byEventId(10));
    assertArrayEquals(new int[0], s.byEventId(7));
    assertArrayEquals(new int[] {1, 10}, s.eventIds());
    assertArrayEquals(new int[] {1, 2}, s.byComputerId(s.computerId(1)));
    assertEquals(List.of("A", "B"), s.computers());
  }

  @Test
  void freezesEventsInSourceThenFileOrderWhateverTheArrival() {
    EventStoreBuilder b = new EventStoreBuilder();
    int first = b.addSource("first.json");
    int second = b.addSource("second.json");
    b.accept(draft(2, null, "A", 100), second);
    b.accept(draft(1, null, "A", 50), first);
    b.accept(draft(3, null, "A", 200), second);
    b.accept(draft(4, null, "A", 10), first);
    EventStore s = b.freeze();

    int[] ids = new int[s.size()];
    for (int e = 0; e < s.size(); e++) {
      ids[e] = s.eventId(e);
    }
    assertArrayEquals(new int[] {4, 1, 2, 3}, ids);
    assertEquals("first.json", s.source(0).source());
    assertEquals(10, s.rawOffset(0));
  }

  @Test
  void keepsEachEventsFieldsWhenReorderingAcrossFieldPages() {
    EventStoreBuilder b = new EventStoreBuilder();
    int first = b.addSource("first.json");
    int second = b.addSource("second.json");
    for (int i = 0; i < 20_000; i++) {
      int src = i % 2 == 0 ? second : first;
      EventDraft d = draft(i, null, "A", i);
      for (int k = 0; k < 7; k++) {
        d.field("F" + k, i + ":" + k);
      }
      b.accept(d, src);
    }
    EventStore s = b.freeze();

    for (int e = 0; e < s.size(); e++) {
      int id = s.eventId(e);
      assertEquals(e < 10_000 ? 1 : 0, id % 2, "source order");
      assertEquals(id + ":6", s.field(e, "F6"));
      assertEquals(7, s.fieldCount(e));
    }
  }

  @Test
  void staysAtAFewHundredBytesAnEvent() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    for (int i = 0; i < 50_000; i++) {
      EventDraft d = draft(10, "2020-01-01 00:00:00", "WS0" + (i % 5), i * 300L);
      d.recordId = i;
      d.field("UtcTime", "2020-01-01 00:00:" + (i % 60)).field("SourceProcessGUID", "{" + (i % 500) + "}")
          .field("SourceImage", "C:\\Windows\\" + (i % 50) + ".exe").field("TargetImage", "C:\\Windows\\system32\\lsass.exe")
          .field("GrantedAccess", "0x1410").field("CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+" + (i % 1000))
          .field("SourceProcessId", Integer.toString(i % 700)).field("RuleName", "-");
      b.accept(d, src);
    }
    EventStore s = b.freeze();

    long perEvent = s.bytesUsed() / s.size();
    assertTrue(perEvent > 60 && perEvent < 300, perEvent + " bytes per event");
  }

  @Test
  void refusesEventsOnceFrozen() {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("a.json");
    EventStore s = b.freeze();
    assertEquals(0, s.size());
    assertThrows(IllegalStateException.class, () -> b.accept(draft(1, null, "A", 0), src));
  }
}
