package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Runs of events by key: found by binary search at both ends, each run in (order, order added). */
class EventRunsTest {
  @Test
  void noEventsNoKeys() {
    EventRuns r = new EventRuns.Builder().build();
    assertEquals(0, r.keys());
    assertEquals(-1, r.find(0, 0, 0));
    assertArrayEquals(new int[0], r.run(-1));
    assertEquals(r.from(-1), r.to(-1));
  }

  @Test
  void everyKeyIsFoundWithItsOwnEventsAtBothEndsOfTheOrder() {
    EventRuns.Builder b = new EventRuns.Builder();
    // keys given out of order, with the signed extremes: the sort and the search must agree on them
    b.add(0, -1, -1, 5, 10); // sorts before high 0 (signed)
    b.add(0, Long.MAX_VALUE, Long.MAX_VALUE, 0, 11); // the last key
    b.add(0, Long.MIN_VALUE, 0, 0, 12); // the first key
    b.add(0, -1, -1, 3, 13);
    b.add(1, 0, 0, 0, 14); // another tag: after every tag-0 key
    b.add(0, 0, 1, 9, 15);
    b.add(0, -1, -1, 5, 16); // same order as 10: after it (added later)
    b.add(0, 0, 1, 9, 17);
    for (int i = 0; i < 40; i++) { // more than the builder's first arrays hold
      b.add(2, i % 3, 0, 100 - i, 100 + i);
    }
    EventRuns r = b.build();
    assertEquals(8, r.keys());
    assertArrayEquals(new int[] {12}, r.run(r.find(0, Long.MIN_VALUE, 0)));
    assertEquals(0, r.find(0, Long.MIN_VALUE, 0));
    assertArrayEquals(new int[] {13, 10, 16}, r.run(r.find(0, -1, -1)));
    assertArrayEquals(new int[] {15, 17}, r.run(r.find(0, 0, 1)));
    assertArrayEquals(new int[] {11}, r.run(r.find(0, Long.MAX_VALUE, Long.MAX_VALUE)));
    assertArrayEquals(new int[] {14}, r.run(r.find(1, 0, 0)));
    assertEquals(r.keys() - 1, r.find(2, 2, 0));
    int[] last = r.run(r.find(2, 2, 0));
    assertEquals(13, last.length);
    assertEquals(138, last[0], "latest added has the smallest order: first");
    assertEquals(102, last[12]);
    // keys between, before and after the stored ones are absent
    for (long[] k : new long[][] {{0, Long.MIN_VALUE, 1}, {0, -1, -2}, {0, 0, 0}, {0, Long.MAX_VALUE, 0}, {3, 0, 0}, {-1, 0, 0},
        {1, 0, 1}, {2, 3, 0}}) {
      assertEquals(-1, r.find((int) k[0], k[1], k[2]), java.util.Arrays.toString(k));
    }
    int total = 0;
    for (int k = 0; k < r.keys(); k++) {
      assertEquals(r.to(k), k + 1 < r.keys() ? r.from(k + 1) : r.to(k), "runs lie side by side");
      total += r.to(k) - r.from(k);
    }
    assertEquals(48, total);
  }
}
