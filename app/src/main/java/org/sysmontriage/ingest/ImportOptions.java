package org.sysmontriage.ingest;

/**
 * How an import runs.
 *
 * @param threads files read in parallel
 * @param maxExpandedBytes archive members expanded in one import, at most (all archives together)
 * @param maxRatio a member expanding more than this many times its compressed size is refused...
 * @param ratioFloor ...once it has expanded past this many bytes (small members may compress well)
 */
public record ImportOptions(int threads, long maxExpandedBytes, long maxRatio, long ratioFloor) {
  public static final long GIB = 1L << 30;
  public static final long MIB = 1L << 20;

  public ImportOptions {
    if (threads < 1 || maxExpandedBytes < 0 || maxRatio < 1 || ratioFloor < 0) {
      throw new IllegalArgumentException("bad import options: " + threads + " threads, " + maxExpandedBytes + " bytes, ratio " + maxRatio);
    }
  }

  /** One thread per processor, 8 GiB expanded at most, 200:1 past 1 MiB. */
  public static ImportOptions defaults() {
    return new ImportOptions(Runtime.getRuntime().availableProcessors(), 8 * GIB, 200, MIB);
  }

  public ImportOptions withThreads(int n) {
    return new ImportOptions(n, maxExpandedBytes, maxRatio, ratioFloor);
  }

  public ImportOptions withLimits(long maxBytes, long ratio, long floor) {
    return new ImportOptions(threads, maxBytes, ratio, floor);
  }
}
