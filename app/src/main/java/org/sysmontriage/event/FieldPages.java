package org.sysmontriage.event;

import java.util.Arrays;

/**
 * The builder's (field name id, value id) pairs in fixed-size pages: growing allocates a new page
 * and never copies, so a big import does not need twice its field memory while it grows.
 */
final class FieldPages {
  private static final int BITS = 16;
  private static final int PAGE = 1 << BITS;
  private static final int MASK = PAGE - 1;

  private char[][] names = new char[16][];
  private int[][] values = new int[16][];
  private int count;

  void add(char name, int value) {
    int p = count >>> BITS;
    if (p == names.length) {
      char[][] n = Arrays.copyOf(names, p * 2);
      values = Arrays.copyOf(values, p * 2);
      names = n;
    }
    if (values[p] == null) { // both pages exist before either is used (OOM-safe)
      char[] n = new char[PAGE];
      values[p] = new int[PAGE];
      names[p] = n;
    }
    names[p][count & MASK] = name;
    values[p][count & MASK] = value;
    count++;
  }

  int size() {
    return count;
  }

  /** Copies pairs {@code [from, from + n)} to {@code dn, dv} at {@code at}. */
  void copyTo(int from, int n, char[] dn, int[] dv, int at) {
    while (n > 0) {
      int p = from >>> BITS;
      int off = from & MASK;
      int len = Math.min(n, PAGE - off);
      System.arraycopy(names[p], off, dn, at, len);
      System.arraycopy(values[p], off, dv, at, len);
      from += len;
      at += len;
      n -= len;
    }
  }

  /** Frees the pages wholly before pair {@code index} (already copied out). */
  void releaseBefore(int index) {
    for (int p = (index >>> BITS) - 1; p >= 0 && names[p] != null; p--) {
      names[p] = null;
      values[p] = null;
    }
  }

  /** Heap bytes of the pages held. */
  long bytesUsed() {
    long b = 0;
    for (char[] page : names) {
      b += page == null ? 0 : PAGE * 6L;
    }
    return b;
  }
}
