package org.sysmontriage.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.Partitioner;

/**
 * Spreads hosts over the tasks that analyse them by the number of events each host has (known once
 * the pieces are read): biggest host first, each into the task with the fewest events so far, and
 * the tasks numbered heaviest first, since Spark starts a stage's tasks in that order. A host with
 * most of the events then starts at once and the others fill the remaining cores around it, instead
 * of hash placement putting two big hosts into one task while another core waits.
 */
final class HostPartitioner extends Partitioner {
  private static final long serialVersionUID = 1L;
  private final Map<String, Integer> partitionOf;
  private final int partitions;

  private HostPartitioner(Map<String, Integer> partitionOf, int partitions) {
    this.partitionOf = partitionOf;
    this.partitions = partitions;
  }

  /** At most {@code tasks} tasks (one per host when there are fewer hosts). */
  static HostPartitioner of(Map<String, Long> eventsByHost, int tasks) {
    List<Map.Entry<String, Long>> hosts = new ArrayList<>(eventsByHost.entrySet());
    hosts.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
    int n = Math.max(1, Math.min(tasks, hosts.size()));
    long[] load = new long[n];
    int[] bin = new int[hosts.size()];
    for (int h = 0; h < hosts.size(); h++) {
      int least = 0;
      for (int b = 1; b < n; b++) {
        if (load[b] < load[least]) {
          least = b;
        }
      }
      load[least] += hosts.get(h).getValue();
      bin[h] = least;
    }
    Integer[] heaviestFirst = new Integer[n];
    for (int b = 0; b < n; b++) {
      heaviestFirst[b] = b;
    }
    java.util.Arrays.sort(heaviestFirst, Comparator.comparingLong((Integer b) -> load[b]).reversed().thenComparingInt(b -> b));
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[heaviestFirst[r]] = r;
    }
    Map<String, Integer> partitionOf = new HashMap<>();
    for (int h = 0; h < hosts.size(); h++) {
      partitionOf.put(hosts.get(h).getKey(), rank[bin[h]]);
    }
    return new HostPartitioner(partitionOf, n);
  }

  @Override
  public int numPartitions() {
    return partitions;
  }

  @Override
  public int getPartition(Object host) {
    Integer p = partitionOf.get(host);
    return p != null ? p : Math.floorMod(host.hashCode(), partitions); // not counted: cannot happen, still placed
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostPartitioner p && p.partitions == partitions && p.partitionOf.equals(partitionOf);
  }

  @Override
  public int hashCode() {
    return partitionOf.hashCode() * 31 + partitions;
  }
}
