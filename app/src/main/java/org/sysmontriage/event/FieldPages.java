package org.sysmontriage.event;

import java.util.Arrays;

/**
 * The builder's (field name id, value id) pairs in pages: growing allocates a new page and never copies, so a
 * big import does not need twice its field memory while it grows. The first page holds {@value #FIRST} pairs;
 * the next ones fill one heap region each ({@link HeapRegions}: G1 never copies them in a young pause), names
 * and values in pages of their own lengths.
 */
final class FieldPages {
  /** Pairs of the first page (a small import stays in it and never asks the heap's region size). */
  static final int FIRST = 1 << 16;

  private final Column names;
  private final Column values;
  private int count;

  FieldPages() {
    this(0, 0);
  }

  /** Pages after the first of {@code namesPage} names and {@code valuesPage} values (0: one heap region); tests use small pages. */
  FieldPages(int namesPage, int valuesPage) {
    names = new Column(namesPage, 2);
    values = new Column(valuesPage, 4);
  }

  void add(char name, int value) {
    if (names.full() || values.full()) { // both pages exist before either is used (OOM-safe)
      char[] n = names.full() ? new char[names.nextLength()] : null;
      int[] v = values.full() ? new int[values.nextLength()] : null;
      names.turn(n);
      values.turn(v);
    }
    ((char[]) names.page)[names.at++] = name;
    ((int[]) values.page)[values.at++] = value;
    count++;
  }

  int size() {
    return count;
  }

  /** Copies pairs {@code [from, from + n)} to {@code dn, dv} at {@code at}. */
  void copyTo(int from, int n, char[] dn, int[] dv, int at) {
    names.copyTo(from, n, dn, at);
    values.copyTo(from, n, dv, at);
  }

  /** Frees the pages wholly before pair {@code index} (already copied out). */
  void releaseBefore(int index) {
    names.releaseBefore(index);
    values.releaseBefore(index);
  }

  /** Heap bytes of the pages held. */
  long bytesUsed() {
    return names.bytesUsed() + values.bytesUsed();
  }

  /** One array of pages: page 0 holds pairs [0, FIRST), page p > 0 pairs [FIRST + (p - 1) * length, FIRST + p * length). */
  private static final class Column {
    private final int elementBytes;
    private int length; // of pages after the first; 0 until one is needed
    private Object[] pages = new Object[16];
    private int pageCount;
    private Object page; // the page being filled
    private int at; // next free slot in it
    private int pageLength;

    Column(int length, int elementBytes) {
      this.length = length;
      this.elementBytes = elementBytes;
      this.page = elementBytes == 2 ? new char[FIRST] : new int[FIRST];
      this.pageLength = FIRST;
      pages[0] = page;
      pageCount = 1;
    }

    boolean full() {
      return at == pageLength;
    }

    int nextLength() {
      if (length == 0) {
        length = HeapRegions.pageLength(elementBytes);
      }
      return length;
    }

    /** Starts filling {@code fresh} (null: the current page is not full). */
    void turn(Object fresh) {
      if (fresh == null) {
        return;
      }
      if (pageCount == pages.length) {
        pages = Arrays.copyOf(pages, pageCount * 2);
      }
      pages[pageCount++] = fresh;
      page = fresh;
      pageLength = length;
      at = 0;
    }

    private int pageOf(int index) {
      return index < FIRST ? 0 : length == 0 ? 1 : 1 + (index - FIRST) / length; // (no second page yet: index is FIRST)
    }

    private int startOf(int p) {
      return p == 0 ? 0 : FIRST + (p - 1) * length;
    }

    private int lengthOf(int p) {
      return p == 0 ? FIRST : length;
    }

    void copyTo(int from, int n, Object dest, int at) {
      while (n > 0) {
        int p = pageOf(from);
        int off = from - startOf(p);
        int len = Math.min(n, lengthOf(p) - off);
        System.arraycopy(pages[p], off, dest, at, len);
        from += len;
        at += len;
        n -= len;
      }
    }

    void releaseBefore(int index) {
      for (int p = pageOf(index) - 1; p >= 0 && pages[p] != null; p--) {
        pages[p] = null;
      }
    }

    long bytesUsed() {
      long b = 0;
      for (int p = 0; p < pageCount; p++) {
        b += pages[p] == null ? 0 : (long) lengthOf(p) * elementBytes;
      }
      return b;
    }
  }
}
