package org.sysmontriage.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** The archive limits of one import: total bytes expanded, and the ratio of each member. */
final class ExpansionBudget {
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
    return expandedBytes > options.ratioFloor() && expandedBytes > options.maxRatio() * Math.max(compressedBytes, 1);
  }

  long maxExpandedBytes() {
    return options.maxExpandedBytes();
  }

  long maxRatio() {
    return options.maxRatio();
  }
}
