package org.sysmontriage.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A dictionary of strings kept as UTF-8 bytes in one growing arena, so millions of repeated
 * values (image paths, GUIDs, host names) cost one copy each and a 4-byte id per use.
 * Interning is synchronised; reads after {@link #freeze()} are lock-free.
 */
public final class StringPool {
  /** An id's place: page << ADDRESS_BITS | position; pages up to 64 MiB. */
  private static final int ADDRESS_BITS = 26;
  private static final int POSITION_MASK = (1 << ADDRESS_BITS) - 1;
  /** The first page grows up to this size before the heap's region size is asked for (small pools never ask). */
  private static final int SMALL_PAGE = 1 << 19;

  private byte[][] pages = new byte[1][];
  private int pageCount;
  private long used; // the place after the last byte used
  /** Bytes of a full page: one heap region ({@link HeapRegions}); 0 until a pool first needs one. */
  private int pageBytes;
  private long[] offsets = new long[1024]; // id -> place (page << ADDRESS_BITS | position)
  private int[] lengths = new int[1024];
  private int size;
  private int[] table = new int[2048]; // open addressing: id + 1, 0 = empty
  private boolean frozen;
  private String[] cache; // decoded strings for small pools (names), filled lazily

  public StringPool() {
    this(0);
  }

  /** A pool whose full pages hold {@code pageBytes} bytes (0: one heap region); tests use small pages. */
  StringPool(int pageBytes) {
    this.pageBytes = pageBytes;
    pages[0] = new byte[Math.min(4096, pageBytes == 0 ? 4096 : pageBytes)];
    pageCount = 1;
  }

  /** Returns the id of {@code s}, adding it when new. The empty string has an id like any other. */
  public synchronized int intern(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return intern(b, 0, b.length);
  }

  /** Returns the id of the UTF-8 bytes {@code b[off, off+len)}, adding them when new. */
  public synchronized int intern(byte[] b, int off, int len) {
    if (frozen) {
      throw new IllegalStateException("string pool is frozen");
    }
    int h = hash(b, off, len);
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int entry = table[slot];
      if (entry == 0) {
        int id = add(b, off, len);
        table[slot] = id + 1;
        if (size * 2 > table.length) {
          rehash();
        }
        return id;
      }
      if (equalsAt(entry - 1, b, off, len)) {
        return entry - 1;
      }
    }
  }

  /** Looks up an id without adding; -1 when absent. */
  public int find(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int h = hash(b, 0, b.length);
    int[] t = table;
    int mask = t.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int entry = t[slot];
      if (entry == 0) {
        return -1;
      }
      if (equalsAt(entry - 1, b, 0, b.length)) {
        return entry - 1;
      }
    }
  }

  public String get(int id) {
    String[] c = cache;
    if (c != null && c[id] != null) {
      return c[id];
    }
    long at = offsets[id];
    byte[] page = pages[(int) (at >>> ADDRESS_BITS)];
    int pos = (int) (at & POSITION_MASK);
    String s = new String(page, pos, lengths[id], StandardCharsets.UTF_8);
    if (c != null) {
      c[id] = s;
    }
    return s;
  }

  public int size() {
    return size;
  }

  /** Stops growth, trims arrays; small pools (field names, hosts) keep decoded strings. */
  public synchronized void freeze() {
    frozen = true;
    offsets = Arrays.copyOf(offsets, size);
    lengths = Arrays.copyOf(lengths, size);
    if (size <= 65536) {
      cache = new String[size];
    }
  }

  /** Approximate heap bytes held by this pool. */
  public long bytesUsed() {
    long b = 0;
    for (int i = 0; i < pageCount; i++) {
      b += pages[i].length + 16L;
    }
    return b + offsets.length * 8L + lengths.length * 4L + table.length * 4L + cacheBytes();
  }

  /** The decoded-string cache: its slots, and each String already decoded (header, array, chars). */
  private long cacheBytes() {
    String[] c = cache;
    if (c == null) {
      return 0;
    }
    long b = 16L + 4L * c.length;
    for (String s : c) {
      b += s == null ? 0 : 40L + s.length();
    }
    return b;
  }

  private int add(byte[] b, int off, int len) {
    long at = reserve(len);
    byte[] page = pages[(int) (at >>> ADDRESS_BITS)];
    System.arraycopy(b, off, page, (int) (at & POSITION_MASK), len);
    if (size == offsets.length) { // allocate both before changing either: an OutOfMemoryError leaves the pool whole
      long[] o = Arrays.copyOf(offsets, size * 2);
      int[] l = Arrays.copyOf(lengths, size * 2);
      offsets = o;
      lengths = l;
    }
    offsets[size] = at;
    lengths[size] = len;
    return size++;
  }

  /**
   * Finds room for {@code len} bytes; a string never spans two pages. The first page grows by doubling up to
   * a full page; then each page is one heap region, allocated whole (G1 never copies it).
   */
  private long reserve(int len) {
    int page = pageCount - 1;
    long pos = used - ((long) page << ADDRESS_BITS);
    byte[] cur = pages[page];
    if (pos + len <= cur.length && pos + len <= POSITION_MASK) { // (after a huge value's page the position is past any page)
      used += len;
      return used - len;
    }
    if (page == 0) { // grow the first page: up to SMALL_PAGE without asking the heap, then up to a full page
      long limit = pageBytes == 0 && pos + len <= SMALL_PAGE ? SMALL_PAGE : pageBytes();
      if (pos + len <= limit) {
        pages[0] = Arrays.copyOf(cur, (int) Math.min(limit, Math.max(cur.length * 2L, pos + len)));
        used += len;
        return used - len;
      }
    }
    if (len > pageBytes()) { // a huge value (hostile or not) gets a page of its own; the next value starts a new page
      long at = newPage(new byte[len]);
      used = (long) pageCount << ADDRESS_BITS;
      return at;
    }
    long at = newPage(new byte[pageBytes()]);
    used = at + len;
    return at;
  }

  private int pageBytes() {
    if (pageBytes == 0) {
      pageBytes = HeapRegions.pageLength(1);
    }
    return pageBytes;
  }

  private long newPage(byte[] fresh) {
    if (pageCount == pages.length) {
      pages = Arrays.copyOf(pages, pageCount * 2);
    }
    pages[pageCount] = fresh;
    pageCount++;
    return (long) (pageCount - 1) << ADDRESS_BITS;
  }

  private boolean equalsAt(int id, byte[] b, int off, int len) {
    if (lengths[id] != len) {
      return false;
    }
    long at = offsets[id];
    byte[] page = pages[(int) (at >>> ADDRESS_BITS)];
    int pos = (int) (at & POSITION_MASK);
    return Arrays.equals(page, pos, pos + len, b, off, off + len);
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      long at = offsets[id];
      byte[] page = pages[(int) (at >>> ADDRESS_BITS)];
      int h = hash(page, (int) (at & POSITION_MASK), lengths[id]);
      int slot = h & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = id + 1;
    }
    table = t;
  }

  private static int hash(byte[] b, int off, int len) {
    int h = 0x9E3779B9;
    for (int i = off; i < off + len; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
