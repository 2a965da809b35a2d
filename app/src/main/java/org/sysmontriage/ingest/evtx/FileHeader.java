package org.sysmontriage.ingest.evtx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The file header (first 4 KiB; 128 bytes used): signature {@code ElfFile\0}, chunk numbers,
 * next record id, version, chunk count, flags, CRC32. Informational only: files copied from live
 * machines lie about their chunk count, so chunks are found by their own signature.
 */
record FileHeader(boolean hasMagic, int majorVersion, int minorVersion, int chunkCount,
    long nextRecordId, long flags, boolean crcOk) {
  static final int SIZE = 4096;
  static final long FLAG_DIRTY = 0x1;
  static final long FLAG_FULL = 0x2;
  /** Version 3.2 files may say their chunks carry no CRC32. */
  static final long FLAG_NO_CRC32 = 0x4;
  private static final byte[] MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

  static FileHeader read(FileChannel ch) throws IOException {
    byte[] b = new byte[128];
    ByteBuffer buf = ByteBuffer.wrap(b);
    while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
      // positional reads until 128 bytes or end of file
    }
    return parse(b, buf.position());
  }

  static FileHeader parse(byte[] b, int length) {
    if (length < 128) {
      return new FileHeader(false, 0, 0, 0, 0, 0, false);
    }
    CRC32 crc = new CRC32();
    crc.update(b, 0, 120);
    return new FileHeader(Arrays.equals(b, 0, 8, MAGIC, 0, 8), Le.u16(b, 38), Le.u16(b, 36),
        Le.u16(b, 42), Le.i64(b, 24), Le.u32(b, 120), crc.getValue() == Le.u32(b, 124));
  }

  boolean dirty() {
    return (flags & FLAG_DIRTY) != 0;
  }

  boolean hasCrc() {
    return !hasMagic || (flags & FLAG_NO_CRC32) == 0;
  }

  String version() {
    return majorVersion + "." + minorVersion;
  }
}
