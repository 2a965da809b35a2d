package org.sysmontriage.detect.sigma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads from a range of a byte array, as {@link java.io.DataOutputStream} wrote them (the
 * rule cache's entries): reading past the range is an IOException, never an index error or a huge
 * allocation, so a damaged entry is only a cache miss.
 */
public final class CacheInput {
  private final byte[] b;
  private int pos;
  private final int end;

  public CacheInput(byte[] b, int from, int end) {
    if (from < 0 || end > b.length || from > end) {
      throw new IllegalArgumentException("range " + from + ".." + end + " outside " + b.length + " bytes");
    }
    this.b = b;
    this.pos = from;
    this.end = end;
  }

  public int position() {
    return pos;
  }

  public int remaining() {
    return end - pos;
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) throws IOException {
    need(n);
    pos += n;
  }

  private void need(int n) throws IOException {
    if (n < 0 || n > end - pos) {
      throw new IOException("cache entry ends early");
    }
  }

  public byte readByte() throws IOException {
    need(1);
    return b[pos++];
  }

  public boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  public int readShort() throws IOException {
    need(2);
    int v = ((b[pos] & 0xff) << 8) | (b[pos + 1] & 0xff);
    pos += 2;
    return v;
  }

  public int readInt() throws IOException {
    need(4);
    int v = ((b[pos] & 0xff) << 24) | ((b[pos + 1] & 0xff) << 16) | ((b[pos + 2] & 0xff) << 8) | (b[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  public long readLong() throws IOException {
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  /** An unsigned 32-bit LEB128 varint as {@link CacheOutput} writes it (at most 5 bytes). */
  public int readVarint() throws IOException {
    int v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = readByte();
      v |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("varint longer than 5 bytes");
  }

  /** A varint count of items that each take at least one byte (a damaged count cannot ask for a huge array). */
  public int readVarCount() throws IOException {
    int n = readVarint();
    need(n);
    return n;
  }

  /** A count of items that each take at least one byte (so a damaged count cannot ask for a huge array). */
  public int readCount() throws IOException {
    int n = readInt();
    need(n);
    return n;
  }

  public String readUtf8(int n) throws IOException {
    need(n);
    String s = new String(b, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  /** A text written as its UTF-8 length (int) and bytes. */
  public String readText() throws IOException {
    return readUtf8(readInt());
  }

  /** Bytes written as their length (int) and the bytes. */
  public byte[] readBytes() throws IOException {
    int n = readCount();
    byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
    pos += n;
    return out;
  }
}
