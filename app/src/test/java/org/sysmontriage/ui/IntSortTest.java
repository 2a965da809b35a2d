package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sysmontriage.ui.common.IntSort;

class IntSortTest {
  @Test
  void sortsLikeAStableBoxedSort() {
    Random r = new Random(7);
    for (int n : new int[] {0, 1, 2, 15, 16, 17, 100, 5000}) {
      int[] keys = r.ints(n, 0, 20).toArray();
      int[] ids = new int[n];
      Arrays.setAll(ids, i -> i);
      int[] expected = Arrays.stream(ids).boxed().sorted(Comparator.comparingInt(i -> keys[i])).mapToInt(Integer::intValue).toArray();
      IntSort.sort(ids, (a, b) -> Integer.compare(keys[a], keys[b]));
      assertArrayEquals(expected, ids, "n=" + n);
    }
  }
}
