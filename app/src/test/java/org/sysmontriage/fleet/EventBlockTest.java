package org.sysmontriage.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/** Events survive the trip from the piece that read them to their host's task exactly. */
class EventBlockTest {
  @Test
  void everyValueComesBackExactlyInReadingOrder() {
    List<EventDraft> sent = List.of(
        draft(1, 638_000_000_000_000_000L, 7, 4096, "C:\\Windows\\System32\\lsass.exe", "s\u00e9curit\u00e9"),
        draft(-1, Times.UNKNOWN, -1, -1, "", "caf\u00e9 \u2603 \ud83d\ude00"), // unknown id, time, record, offset; beyond Latin-1
        draft(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, "broken \ud800 surrogate", "\udfff"),
        draft(10, 1, 0, 0, "C:\\Windows\\System32\\lsass.exe", "s\u00e9curit\u00e9")); // repeats earlier strings
    EventBlock.Writer w = new EventBlock.Writer(3, 5);
    sent.forEach(d -> w.add(d, d.eventId == 10 ? "b.evtx" : "a.evtx"));
    EventBlock block = w.finish();
    assertEquals(3, block.file());
    assertEquals(5, block.part());
    assertEquals(sent.size(), block.events());

    List<String> got = new ArrayList<>();
    block.read((d, source) -> got.add(source + " " + text(d)));
    List<String> want = new ArrayList<>();
    sent.forEach(d -> want.add((d.eventId == 10 ? "b.evtx" : "a.evtx") + " " + text(d)));
    assertEquals(want, got);
  }

  @Test
  void repeatedStringsAreWrittenOnce() {
    EventBlock.Writer w = new EventBlock.Writer(0, 0);
    String image = "C:\\Program Files\\Some Vendor\\Agent\\agent-service-with-a-long-name.exe";
    for (int i = 0; i < 1000; i++) {
      w.add(draft(10, i, i, i * 100L, image, "0x1010"), "a.evtx");
    }
    assertTrue(w.finish().data().length < 1000 * 20, "an image path repeated 1,000 times is kept once");
  }

  private static EventDraft draft(int id, long ticks, long record, long offset, String image, String user) {
    EventDraft d = new EventDraft();
    d.eventId = id;
    d.ticks = ticks;
    d.computer = "WS1.example.org";
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.recordId = record;
    d.rawOffset = offset;
    d.field("Image", image).field("User", user).field("Empty", "");
    return d;
  }

  private static String text(EventDraft d) {
    StringBuilder b = new StringBuilder(d.eventId + "|" + d.ticks + "|" + d.computer + "|" + d.channel + "|" + d.provider + "|"
        + d.recordId + "|" + d.rawOffset);
    for (int i = 0; i < d.fieldCount(); i++) {
      b.append('|').append(d.name(i)).append('=').append(d.value(i));
    }
    return b.toString();
  }
}
