package org.sysmontriage.event;

/** Stable sort of event indexes by a primitive key, without boxing: a bottom-up merge sort. */
final class IndexSort {
  private IndexSort() {}

  /** The indexes {@code 0..n-1} in the order of {@code key[i]}, equal keys in index order. */
  static int[] byKey(long[] key, int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    if (isSorted(key, n)) {
      return a;
    }
    int[] b = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          b[k++] = key[a[j]] < key[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          b[k++] = a[i++];
        }
        while (j < hi) {
          b[k++] = a[j++];
        }
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  private static boolean isSorted(long[] key, int n) {
    for (int i = 1; i < n; i++) {
      if (key[i] < key[i - 1]) {
        return false;
      }
    }
    return true;
  }
}
