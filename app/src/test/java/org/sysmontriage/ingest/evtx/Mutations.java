package org.sysmontriage.ingest.evtx;

import java.util.Random;

/** Damage done to real EVTX bytes by the fuzz tests. */
final class Mutations {
  private Mutations() {}

  /** Mutates {@code b} in place; returns the length to keep (truncation). */
  static int apply(byte[] b, Random random) {
    int kind = random.nextInt(6);
    int length = b.length;
    switch (kind) {
      case 0 -> flipBits(b, random, 1 + random.nextInt(16));
      case 1 -> randomBytes(b, random, 1 + random.nextInt(8));
      case 2 -> randomIntegers(b, random, 1 + random.nextInt(6));
      case 3 -> length = 1 + random.nextInt(b.length);
      case 4 -> zeroRun(b, random);
      default -> {
        flipBits(b, random, 4);
        randomIntegers(b, random, 2);
        length = b.length - random.nextInt(b.length / 2);
      }
    }
    return length;
  }

  private static void flipBits(byte[] b, Random random, int n) {
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(b.length);
      b[at] ^= (byte) (1 << random.nextInt(8));
    }
  }

  private static void randomBytes(byte[] b, Random random, int n) {
    for (int i = 0; i < n; i++) {
      b[random.nextInt(b.length)] = (byte) random.nextInt(256);
    }
  }

  /** Random sizes, counts and offsets written where structures keep them (4-byte aligned or not). */
  private static void randomIntegers(byte[] b, Random random, int n) {
    int[] interesting = {0, 1, 0xff, 0xffff, 0x7fffffff, -1, 0x200, 0x10000, 24, 28, 512};
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(b.length - 4);
      int v = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt();
      b[at] = (byte) v;
      b[at + 1] = (byte) (v >> 8);
      b[at + 2] = (byte) (v >> 16);
      b[at + 3] = (byte) (v >> 24);
    }
  }

  private static void zeroRun(byte[] b, Random random) {
    int at = random.nextInt(b.length);
    int n = Math.min(b.length - at, 1 + random.nextInt(256));
    java.util.Arrays.fill(b, at, at + n, (byte) 0);
  }

  /** A valid-looking chunk holding one record whose BinXml is {@code binxml} (CRCs not set). */
  static byte[] chunkWithOneRecord(byte[] binxml) {
    byte[] c = new byte[Chunk.SIZE];
    System.arraycopy(new byte[] {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0}, 0, c, 0, 8);
    int size = 24 + binxml.length + 4;
    put32(c, 48, 512 + size); // free space offset
    put32(c, 512, 0x2a2a);
    put32(c, 516, size);
    c[520] = 1; // record id 1
    System.arraycopy(binxml, 0, c, 536, binxml.length);
    put32(c, 512 + size - 4, size);
    return c;
  }

  private static void put32(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >> 8);
    b[at + 2] = (byte) (v >> 16);
    b[at + 3] = (byte) (v >> 24);
  }
}
