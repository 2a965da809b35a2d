package org.sysmontriage.ingest.evtx;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One 64 KiB chunk: a 512-byte header (signature {@code ElfChnk\0}, record numbers, free space
 * offset, CRC32 of the header and of the records), then records. Names and template definitions
 * are referenced by offset inside the chunk, so a chunk decodes on its own. One instance per
 * worker thread, refilled for each chunk.
 */
final class Chunk {
  static final int SIZE = 65536;
  static final int HEADER_SIZE = 512;
  private static final byte[] MAGIC = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
  private static final int MAX_NAME_CHARS = 4096;

  final byte[] data = new byte[SIZE];
  /** Bytes of this chunk present in the file (less than {@link #SIZE} when the file is truncated). */
  int size;
  int index;
  long fileOffset;
  final Templates templates = new Templates();
  private int[] nameKeys = new int[256];
  private String[] nameValues = new String[256];
  private int nameCount;

  /** Takes a new chunk's bytes (already in {@link #data}); clears the per-chunk tables. */
  void reset(int index, long fileOffset, int size) {
    this.index = index;
    this.fileOffset = fileOffset;
    this.size = size;
    templates.clear();
    Arrays.fill(nameValues, null);
    nameCount = 0;
  }

  static boolean hasMagic(byte[] b, int at, int limit) {
    return limit - at >= 8 && Arrays.equals(b, at, at + 8, MAGIC, 0, 8);
  }

  boolean hasMagic() {
    return hasMagic(data, 0, size);
  }

  long firstRecordId() {
    return Le.i64(data, 24);
  }

  long lastRecordId() {
    return Le.i64(data, 32);
  }

  long freeSpaceOffset() {
    return Le.u32(data, 48);
  }

  boolean headerCrcOk() {
    CRC32 crc = new CRC32();
    crc.update(data, 0, 120);
    crc.update(data, 128, HEADER_SIZE - 128);
    return crc.getValue() == Le.u32(data, 124);
  }

  /** CRC32 of the records area [512, free space offset); false when that offset is out of range. */
  boolean dataCrcOk() {
    long free = freeSpaceOffset();
    if (free < HEADER_SIZE || free > size) {
      return false;
    }
    CRC32 crc = new CRC32();
    crc.update(data, HEADER_SIZE, (int) free - HEADER_SIZE);
    return crc.getValue() == Le.u32(data, 52);
  }

  /** The name stored at {@code offset}: next offset u32, hash u16, length u16, UTF-16, NUL. */
  String name(long offset) {
    if (offset < HEADER_SIZE || offset > size - 8) {
      throw new EvtxFormatException("name offset 0x" + Long.toHexString(offset) + " outside the chunk");
    }
    int at = (int) offset;
    int mask = nameKeys.length - 1;
    int slot = (at * 0x9E3779B9 >>> 16) & mask;
    for (String s; (s = nameValues[slot]) != null; slot = (slot + 1) & mask) {
      if (nameKeys[slot] == at) {
        return s;
      }
    }
    int chars = Le.u16(data, at + 6);
    if (chars > MAX_NAME_CHARS) {
      throw new EvtxFormatException("name of " + chars + " characters at 0x" + Integer.toHexString(at));
    }
    Le.need(at + 8, chars * 2, size);
    String name = Le.utf16(data, at + 8, chars).intern();
    if (nameCount * 2 >= nameKeys.length) {
      growNames();
      return name(offset);
    }
    nameKeys[slot] = at;
    nameValues[slot] = name;
    nameCount++;
    return name;
  }

  /** Bytes an inline name occupies: 8 bytes of header, the characters, a NUL. */
  static int nameSize(String name) {
    return 10 + 2 * name.length();
  }

  private void growNames() {
    int[] keys = nameKeys;
    String[] values = nameValues;
    nameKeys = new int[keys.length * 2];
    nameValues = new String[keys.length * 2];
    int mask = nameKeys.length - 1;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        int slot = (keys[i] * 0x9E3779B9 >>> 16) & mask;
        while (nameValues[slot] != null) {
          slot = (slot + 1) & mask;
        }
        nameKeys[slot] = keys[i];
        nameValues[slot] = values[i];
      }
    }
  }
}
