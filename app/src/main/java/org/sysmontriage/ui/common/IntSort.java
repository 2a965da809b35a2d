package org.sysmontriage.ui.common;

/** A stable merge sort of int row ids with a primitive comparator: no boxing for a million rows. */
public final class IntSort {
  /** Compares two row ids. */
  @FunctionalInterface
  public interface IntComparator {
    int compare(int a, int b);

    default IntComparator reversed() {
      return (a, b) -> compare(b, a);
    }

    default IntComparator then(IntComparator next) {
      return (a, b) -> {
        int c = compare(a, b);
        return c != 0 ? c : next.compare(a, b);
      };
    }
  }

  private IntSort() {}

  /** Sorts {@code ids} in place. */
  public static void sort(int[] ids, IntComparator cmp) {
    if (ids.length < 2) {
      return;
    }
    int[] tmp = ids.clone();
    mergeSort(tmp, ids, 0, ids.length, cmp);
  }

  // Classic top-down merge sort alternating between the two arrays; insertion sort for short runs.
  private static void mergeSort(int[] src, int[] dst, int lo, int hi, IntComparator cmp) {
    if (hi - lo < 16) {
      for (int i = lo + 1; i < hi; i++) {
        int v = dst[i];
        int j = i - 1;
        while (j >= lo && cmp.compare(dst[j], v) > 0) {
          dst[j + 1] = dst[j];
          j--;
        }
        dst[j + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(dst, src, lo, mid, cmp);
    mergeSort(dst, src, mid, hi, cmp);
    if (cmp.compare(src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, lo, dst, lo, hi - lo);
      return;
    }
    for (int i = lo, p = lo, q = mid; i < hi; i++) {
      if (q >= hi || (p < mid && cmp.compare(src[p], src[q]) <= 0)) {
        dst[i] = src[p++];
      } else {
        dst[i] = src[q++];
      }
    }
  }
}
