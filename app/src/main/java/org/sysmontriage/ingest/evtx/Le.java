package org.sysmontriage.ingest.evtx;

/** Little-endian reads from a byte array, with the bounds check every read of hostile data needs. */
final class Le {
  private Le() {}

  /** Throws unless {@code n} bytes at {@code pos} lie before {@code end}. */
  static void need(int pos, int n, int end) {
    if (pos < 0 || n < 0 || pos > end - n) {
      throw new EvtxFormatException("truncated data: need " + n + " bytes at 0x" + Integer.toHexString(Math.max(pos, 0)));
    }
  }

  static int u8(byte[] b, int p) {
    return b[p] & 0xff;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
  }

  static int i32(byte[] b, int p) {
    return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
  }

  static long u32(byte[] b, int p) {
    return i32(b, p) & 0xffffffffL;
  }

  static long i64(byte[] b, int p) {
    return u32(b, p) | (long) i32(b, p + 4) << 32;
  }

  /** Appends {@code chars} UTF-16LE code units from {@code p}. */
  static void utf16(byte[] b, int p, int chars, StringBuilder out) {
    for (int i = 0; i < chars; i++, p += 2) {
      out.append((char) ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8));
    }
  }

  /**
   * Decodes {@code chars} UTF-16LE code units from {@code p} into a new string. Most event text
   * is Latin-1: that case builds the string's compact bytes directly.
   */
  static String utf16(byte[] b, int p, int chars) {
    boolean latin1 = true;
    for (int i = 1; i < 2 * chars; i += 2) {
      if (b[p + i] != 0) {
        latin1 = false;
        break;
      }
    }
    if (latin1) {
      byte[] l = new byte[chars];
      for (int i = 0; i < chars; i++) {
        l[i] = b[p + 2 * i];
      }
      return new String(l, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    char[] c = new char[chars];
    for (int i = 0; i < chars; i++, p += 2) {
      c[i] = (char) ((b[p] & 0xff) | (b[p + 1] & 0xff) << 8);
    }
    return new String(c);
  }
}
