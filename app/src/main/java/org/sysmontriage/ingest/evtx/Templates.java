package org.sysmontriage.ingest.evtx;

import java.util.Arrays;

/**
 * A chunk's template definitions, compiled on first use and cached by chunk offset. A definition
 * is: next-definition offset u32, GUID (16 bytes), data size u32, then a BinXml fragment.
 */
final class Templates {
  static final int HEADER_SIZE = 24;

  private int[] keys = new int[64];
  private Fragment[] values = new Fragment[64];
  private int size;

  void clear() {
    Arrays.fill(keys, 0, keys.length, 0);
    Arrays.fill(values, null);
    size = 0;
  }

  /** The compiled definition at {@code offset} of {@code chunk}. */
  Fragment get(Chunk chunk, int offset) {
    if (offset < Chunk.HEADER_SIZE || offset > chunk.size - HEADER_SIZE) {
      throw new EvtxFormatException("template definition offset 0x" + Integer.toHexString(offset) + " outside the chunk");
    }
    int mask = keys.length - 1;
    int slot = Integer.hashCode(offset * 0x9E3779B9) & mask;
    while (values[slot] != null) {
      if (keys[slot] == offset) {
        return values[slot];
      }
      slot = (slot + 1) & mask;
    }
    long dataSize = Le.u32(chunk.data, offset + 20);
    int start = offset + HEADER_SIZE;
    int end = (int) Math.min(chunk.size, start + dataSize);
    Fragment f = BinXmlCompiler.compile(chunk, start, end, true);
    put(offset, f);
    return f;
  }

  private void put(int offset, Fragment f) {
    if (size * 2 >= keys.length) {
      int[] oldKeys = keys;
      Fragment[] oldValues = values;
      keys = new int[oldKeys.length * 2];
      values = new Fragment[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldValues[i] != null) {
          put(oldKeys[i], oldValues[i]);
        }
      }
    }
    int mask = keys.length - 1;
    int slot = Integer.hashCode(offset * 0x9E3779B9) & mask;
    while (values[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = offset;
    values[slot] = f;
    size++;
  }

  /** Skips an inline definition that starts at {@code pos}; returns the position after it. */
  static int skipDefinition(Chunk chunk, int pos, int end) {
    Le.need(pos, HEADER_SIZE, end);
    long dataSize = Le.u32(chunk.data, pos + 20);
    if (dataSize > end - pos - HEADER_SIZE) {
      throw new EvtxFormatException("template definition of " + dataSize + " bytes exceeds the record");
    }
    return pos + HEADER_SIZE + (int) dataSize;
  }
}
