package org.sysmontriage.ingest;

/**
 * How an import runs.
 *
 * @param threads files read in parallel
 * @param maxExpandedBytes archive members expanded in one import, at most (all archives together)
 * @param maxRatio a member expanding more than this many times its compressed size is refused...
 * @param ratioFloor ...once it has expanded past this many bytes (small members may compress well)
 * @param readIdenticalOnce logs with the same bytes (SHA-256) in one import are read once, the others
 *     listed with a note (the default); off, every copy is read (per-file checks such as a rule
 *     regression suite whose cases share a sample)
 */
public record ImportOptions(int threads, long maxExpandedBytes, long maxRatio, long ratioFloor, boolean readIdenticalOnce) {
  public static final long GIB = 1L << 30;
  public static final long MIB = 1L << 20;

  public ImportOptions {
    if (threads < 1 || maxExpandedBytes < 0 || maxRatio < 1 || ratioFloor < 0) {
      throw new IllegalArgumentException("bad import options: " + threads + " threads, " + maxExpandedBytes + " bytes, ratio " + maxRatio);
    }
  }

  /** System property overriding the 8 GiB total, e.g. {@code -Dsysmontriage.archive.maxBytes=32g}. */
  public static final String MAX_BYTES_PROPERTY = "sysmontriage.archive.maxBytes";
  /** System property overriding the 200:1 ratio, e.g. {@code -Dsysmontriage.archive.maxRatio=1000}. */
  public static final String MAX_RATIO_PROPERTY = "sysmontriage.archive.maxRatio";

  /**
   * One thread per processor, 8 GiB expanded at most, 200:1 past 1 MiB; the two archive limits can be
   * raised with the system properties {@link #MAX_BYTES_PROPERTY} and {@link #MAX_RATIO_PROPERTY}.
   */
  public static ImportOptions defaults() {
    return new ImportOptions(Runtime.getRuntime().availableProcessors(),
        size(System.getProperty(MAX_BYTES_PROPERTY), 8 * GIB), size(System.getProperty(MAX_RATIO_PROPERTY), 200), MIB, true);
  }

  /** {@code 123}, {@code 512m}, {@code 32g} (binary units); {@code fallback} when absent or not a size. */
  static long size(String text, long fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    String t = text.strip().toLowerCase();
    long unit = switch (t.charAt(t.length() - 1)) {
      case 'k' -> 1L << 10;
      case 'm' -> MIB;
      case 'g' -> GIB;
      case 't' -> GIB << 10;
      default -> 1;
    };
    try {
      long n = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1));
      return n > 0 && n <= Long.MAX_VALUE / unit ? n * unit : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public ImportOptions withThreads(int n) {
    return new ImportOptions(n, maxExpandedBytes, maxRatio, ratioFloor, readIdenticalOnce);
  }

  public ImportOptions withLimits(long maxBytes, long ratio, long floor) {
    return new ImportOptions(threads, maxBytes, ratio, floor, readIdenticalOnce);
  }

  /** Every copy of an identical log is read (see {@link #readIdenticalOnce}). */
  public ImportOptions readingEveryCopy() {
    return new ImportOptions(threads, maxExpandedBytes, maxRatio, ratioFloor, false);
  }
}
