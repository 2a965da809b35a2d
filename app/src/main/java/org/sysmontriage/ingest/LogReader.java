package org.sysmontriage.ingest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one log format. Implementations are stateless and thread-safe: the importer calls them
 * in parallel on different files. A damaged record is reported through {@link
 * ReadContext#skip} and reading goes on; only an unreadable file throws.
 */
public interface LogReader {
  /** {@code evtx}, {@code xml} or {@code json}. */
  String format();

  /** Reads every event of {@code file} into {@code ctx}. Never modifies the file. */
  void read(Path file, ReadContext ctx) throws IOException;

  /** Re-reads the raw record (XML or JSON text as stored) that starts at {@code offset}. */
  String readRaw(Path file, long offset) throws IOException;
}
