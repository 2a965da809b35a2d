package org.sysmontriage.ui.details;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.Times;

/** The time window lists the host's nearest events, at most LIMIT of them, in time order. */
class RelatedEventsTest {
  private static final long T0 = Times.parse("2024-03-01T10:00:00Z");

  @Test
  void keepsTheNearestInTheOrderAddedWithTiesByThatOrder() {
    RelatedEvents.Nearby n = new RelatedEvents.Nearby();
    long[] away = {50, 10, 30, 10, 20, 30, 40};
    for (int i = 0; i < away.length; i++) {
      n.add(100 + i, away[i]);
    }
    assertArrayEquals(new int[] {101, 102, 103, 104}, n.nearest(4), "10, 30 (first of two), 10, 20");
    assertArrayEquals(new int[] {101, 103}, n.nearest(2));
    assertArrayEquals(new int[] {100, 101, 102, 103, 104, 105, 106}, n.nearest(7));
    assertArrayEquals(new int[] {100, 101, 102, 103, 104, 105, 106}, n.nearest(100), "fewer than the limit: all");
  }

  @Test
  void growsPastItsFirstArrays() {
    RelatedEvents.Nearby n = new RelatedEvents.Nearby();
    for (int i = 0; i < 1000; i++) {
      n.add(i, 1000 - i);
    }
    assertArrayEquals(IntStream.range(990, 1000).toArray(), n.nearest(10));
  }

  @Test
  void aDenseHostListsTheLimitNearestEventsInTimeOrder() {
    int side = RelatedEvents.LIMIT; // LIMIT events on each side of the selected one, one a second
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("dense.json");
    for (int s = -side; s <= side; s++) {
      EventDraft d = new EventDraft();
      d.eventId = 3;
      d.computer = "WKS-01";
      d.ticks = T0 + s * Times.TICKS_PER_SECOND;
      d.recordId = s + side;
      d.field("Image", "C:\\Windows\\System32\\svchost.exe");
      b.accept(d, src);
    }
    EventStore store = b.freeze();
    int selected = side; // added in time order: index = seconds + side
    List<RelatedEvent> found = RelatedEvents.find(store, selected, 3600 * Times.TICKS_PER_SECOND, new CancellationToken());
    assertEquals(1 + RelatedEvents.LIMIT, found.size(), "the selected event, then LIMIT of the window");
    assertEquals(new RelatedEvent(selected, "▶ selected event"), found.get(0));
    List<RelatedEvent> window = found.subList(1, found.size());
    // the nearest 2,000: 1,000 s before to 1,000 s after (2,000 more further out are left)
    int[] expected = IntStream.rangeClosed(-1000, 1000).filter(s -> s != 0).map(s -> s + side).toArray();
    assertArrayEquals(expected, window.stream().mapToInt(RelatedEvent::event).toArray());
    assertEquals("same host −1000 s", window.get(0).relation());
    assertEquals("same host +1000 s", window.get(window.size() - 1).relation());
  }
}
