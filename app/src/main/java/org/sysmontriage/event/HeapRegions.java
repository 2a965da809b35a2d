package org.sysmontriage.event;

import java.lang.management.ManagementFactory;

/**
 * Page sizes for the store's big, long-lived arrays, from the garbage collector's heap regions. G1 gives an
 * array of more than half a region regions of its own in the old generation ("humongous") and never copies
 * it; a smaller one is born young and copied by each young collection until it is old, with every
 * application thread stopped (bench ui at 1M events: the string and field pages of 128 KB-1 MB of an
 * import were copied in the young pauses of the window's pulse gaps). A page that fills one region wastes
 * none of it.
 */
final class HeapRegions {
  /** A region of G1's smallest size, assumed when the collector is not G1 or does not say. */
  static final long SMALLEST_REGION = 1 << 20;
  /** Room left in a region for the array's header (16 bytes with compressed class pointers; 24 without). */
  private static final int HEADER_ROOM = 64;

  private HeapRegions() {}

  /** Elements of {@code elementBytes} each in an array that fills one region of {@code regionBytes} whole (header included). */
  static int pageLength(long regionBytes, int elementBytes) {
    return (int) Math.min(Integer.MAX_VALUE - 8, (regionBytes - HEADER_ROOM) / elementBytes);
  }

  /** As {@link #pageLength(long, int)} with this JVM's region size (read once, when a store first needs a full page). */
  static int pageLength(int elementBytes) {
    return pageLength(Region.BYTES, elementBytes);
  }

  /** Read on first use: the management beans cost tens of milliseconds to start, which a small import never pays. */
  private static final class Region {
    static final long BYTES = read();

    private static long read() {
      try {
        var hotspot = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        if (hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue())) {
          long bytes = Long.parseLong(hotspot.getVMOption("G1HeapRegionSize").getValue());
          return Math.max(SMALLEST_REGION, Math.min(bytes, 1L << 26));
        }
      } catch (RuntimeException | LinkageError notHotSpot) {
        // another JVM or collector: pages of the smallest region size
      }
      return SMALLEST_REGION;
    }
  }
}
