package org.sysmontriage.ingest.evtx;

/**
 * A template instance's substitution array: a count, then (size u16, type u8, padding u8) per
 * value, then the values back to back. Reused across records (one per nesting depth).
 */
final class Substitutions {
  int count;
  int[] type = new int[32];
  int[] pos = new int[32];
  int[] size = new int[32];

  /** Reads the array at {@code at}; every value must end before {@code end}. Returns the end. */
  int read(byte[] b, int at, int end) {
    Le.need(at, 4, end);
    long n = Le.u32(b, at);
    at += 4;
    if (n > (end - at) / 4) {
      throw new EvtxFormatException("substitution count " + n + " exceeds the record");
    }
    int c = (int) n;
    ensure(c);
    int value = at + 4 * c;
    for (int i = 0; i < c; i++) {
      int descriptor = at + 4 * i;
      size[i] = Le.u16(b, descriptor);
      type[i] = Le.u8(b, descriptor + 2);
      pos[i] = value;
      value += size[i];
    }
    Le.need(at, value - at, end);
    count = c;
    return value;
  }

  /** The end of the substitution array at {@code at}, without keeping it. */
  static int skip(byte[] b, int at, int end) {
    Le.need(at, 4, end);
    long n = Le.u32(b, at);
    at += 4;
    if (n > (end - at) / 4) {
      throw new EvtxFormatException("substitution count " + n + " exceeds the record");
    }
    int value = at + 4 * (int) n;
    for (int i = 0; i < n; i++) {
      value += Le.u16(b, at + 4 * i);
    }
    Le.need(at, value - at, end);
    return value;
  }

  private void ensure(int c) {
    if (c > type.length) {
      int cap = Math.max(c, type.length * 2);
      type = new int[cap];
      pos = new int[cap];
      size = new int[cap];
    }
  }
}
