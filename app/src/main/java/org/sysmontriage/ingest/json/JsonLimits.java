package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Explicit parser limits for hostile input. A real event record nests 4-6 levels and its longest
 * value (a script block, a task XML) stays well under a megabyte.
 */
final class JsonLimits {
  static final int MAX_NESTING = 64;
  static final int MAX_STRING = 16 * 1024 * 1024;
  static final int MAX_NUMBER = 64;
  static final int MAX_NAME = 4096;
  /** Longest record (line or object) read; a longer one is skipped with an issue. */
  static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING)
          .maxStringLength(MAX_STRING)
          .maxNumberLength(MAX_NUMBER)
          .maxNameLength(MAX_NAME)
          .build())
      .build();

  private JsonLimits() {}

  /** The shared factory (thread-safe; its symbol table canonicalises field names across parsers). */
  static JsonFactory factory() {
    return FACTORY;
  }
}
