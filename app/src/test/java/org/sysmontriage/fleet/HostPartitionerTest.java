package org.sysmontriage.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts are spread over the analysis tasks by their event counts, the heaviest task first. */
class HostPartitionerTest {
  @Test
  void theBiggestHostStartsFirstAndTheOthersFillTheOtherTasks() {
    Map<String, Long> events = new LinkedHashMap<>();
    events.put("small-1", 10L);
    events.put("big", 1_000L);
    events.put("mid", 400L);
    events.put("small-2", 300L);
    events.put("small-3", 200L);
    HostPartitioner p = HostPartitioner.of(events, 2);
    assertEquals(2, p.numPartitions());
    assertEquals(0, p.getPartition("big"), "the heaviest task is numbered first: Spark starts it first");
    for (String other : new String[] {"mid", "small-1", "small-2", "small-3"}) {
      assertEquals(1, p.getPartition(other), other + " goes beside the big host, not behind it");
    }
  }

  @Test
  void atMostOneTaskPerHostAndUnknownHostsStillPlaced() {
    HostPartitioner p = HostPartitioner.of(Map.of("a", 5L, "b", 7L, "c", 7L), 16);
    assertEquals(3, p.numPartitions());
    assertEquals(0, p.getPartition("b"), "equal counts: by name");
    assertEquals(1, p.getPartition("c"));
    assertEquals(2, p.getPartition("a"));
    int unknown = p.getPartition("not-counted");
    assertEquals(true, unknown >= 0 && unknown < 3);
    assertEquals(1, HostPartitioner.of(Map.of(), 8).numPartitions(), "no host: one empty task");
  }
}
