package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapRegionsTest {
  @Test
  void aPageFillsOneRegionAndIsMoreThanHalfOfIt() {
    for (long region = 1 << 20; region <= 1 << 26; region <<= 1) {
      for (int element : new int[] {1, 2, 4, 8}) {
        long bytes = 24 + (long) HeapRegions.pageLength(region, element) * element; // header of 16 (24 without compressed class pointers)
        assertTrue(bytes <= region, "one region of " + region + ": " + bytes + " bytes of " + element + "-byte elements");
        assertTrue(bytes - 24 > region / 2, "humongous in a region of " + region + ": " + bytes);
      }
    }
  }

  @Test
  void thisJvmsPagesAreAtLeastThoseOfTheSmallestRegion() {
    assertTrue(HeapRegions.pageLength(4) >= HeapRegions.pageLength(HeapRegions.SMALLEST_REGION, 4));
  }
}
