package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FieldPagesTest {
  private static final int PAIRS = FieldPages.FIRST + 1_000;

  /** Names and values pages of different small lengths after the first: every run crosses their ends apart. */
  private static FieldPages filled() {
    FieldPages f = new FieldPages(7, 5);
    for (int i = 0; i < PAIRS; i++) {
      f.add((char) (i % 65_000), i * 3);
    }
    return f;
  }

  @Test
  void copiesAnyRunOfPairsAcrossPagesOfDifferentLengths() {
    FieldPages f = filled();
    assertEquals(PAIRS, f.size());
    for (int from = FieldPages.FIRST - 20, n = 1; from + n <= PAIRS; from += n, n = n % 13 + 1) {
      char[] names = new char[n + 2];
      int[] values = new int[n + 2];
      f.copyTo(from, n, names, values, 2);
      for (int k = 0; k < n; k++) {
        assertEquals((char) ((from + k) % 65_000), names[k + 2], "name of pair " + (from + k));
        assertEquals((from + k) * 3, values[k + 2], "value of pair " + (from + k));
      }
    }
  }

  @Test
  void releasedPagesGoAndTheRestStaysReadable() {
    FieldPages f = filled();
    long all = f.bytesUsed();
    f.releaseBefore(FieldPages.FIRST + 30);
    assertTrue(f.bytesUsed() < all - 6L * FieldPages.FIRST, f.bytesUsed() + " of " + all);
    char[] names = new char[PAIRS - (FieldPages.FIRST + 30)];
    int[] values = new int[names.length];
    f.copyTo(FieldPages.FIRST + 30, names.length, names, values, 0);
    int[] expected = new int[names.length];
    java.util.Arrays.setAll(expected, k -> (FieldPages.FIRST + 30 + k) * 3);
    assertArrayEquals(expected, values);
  }

  @Test
  void aFullFirstPageCanBeReleasedBeforeASecondExists() {
    FieldPages f = new FieldPages(7, 5);
    for (int i = 0; i < FieldPages.FIRST; i++) {
      f.add('a', i);
    }
    f.releaseBefore(FieldPages.FIRST);
    assertEquals(0, f.bytesUsed());
  }
}
