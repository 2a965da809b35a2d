package org.sysmontriage.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** The regular-file members of an archive, one after another, read in place. */
interface ArchiveStream extends Closeable {
  /** Moves to the next regular-file member and returns its name, or null at the end. */
  String nextMember() throws IOException;

  /** The current member's bytes; ends where the member ends. Do not close it. */
  InputStream content();

  /** Bytes of the archive file consumed so far, for the expansion-ratio limit. */
  long compressedPosition();
}
