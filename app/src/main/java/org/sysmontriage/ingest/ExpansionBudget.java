package org.sysmontriage.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** The archive limits of one import: total bytes expanded, and the ratio of each member. */
final class ExpansionBudget {
  /** Compressed input an inflater may hold ahead of its output; the ratio allows for it. */
  static final int INFLATE_BUFFER = 8192;
  private static final long SLACK = 2L * INFLATE_BUFFER;

  private final ImportOptions options;
  private final AtomicLong expanded = new AtomicLong();

  ExpansionBudget(ImportOptions options) {
    this.options = options;
  }

  /** Counts {@code n} more expanded bytes; false once the import-wide total is exceeded. */
  boolean spend(long n) {
    return expanded.addAndGet(n) <= options.maxExpandedBytes();
  }

  /** True when a member has expanded too far beyond its compressed size. */
  boolean ratioExceeded(long expandedBytes, long compressedBytes) {
    return expandedBytes > options.ratioFloor() && expandedBytes > options.maxRatio() * (Math.max(compressedBytes, 0) + SLACK);
  }

  long maxExpandedBytes() {
    return options.maxExpandedBytes();
  }

  long maxRatio() {
    return options.maxRatio();
  }
}
