package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ui.bench.SyntheticStore;

class SyntheticStoreTest {
  @Test
  void everyCopyHasItsOwnPathsGuidsAndTimesButKeepsFileNamesAndHosts() {
    EventStore real = Fixtures.store();
    EventStore s = SyntheticStore.replicate(real, real.size() * 3, new CancellationToken());
    assertEquals(real.size() * 3, s.size());
    int original = Fixtures.PROCDUMP_START;
    int copy = original + real.size() * 2;
    assertEquals("C:\\Tools\\procdump64.exe", s.field(original, "Image"));
    assertEquals("C:\\Tools\\k2\\procdump64.exe", s.field(copy, "Image"));
    assertNotEquals(s.field(original, "ProcessGuid"), s.field(copy, "ProcessGuid"));
    assertEquals(s.field(copy, "ProcessGuid"), s.field(Fixtures.PROCDUMP_ACCESS + real.size() * 2, "SourceProcessGUID"),
        "a copy keeps its own process links");
    assertTrue(s.ticks(copy) > s.ticks(original));
    assertEquals(real.computer(original), s.computer(copy));
    assertTrue(s.valueCount() > real.valueCount() * 2, "the dictionaries grow with the copies");
  }
}
