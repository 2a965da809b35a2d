package org.sysmontriage.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The regular-file members of an archive, one after another, read in place (read-only). */
abstract class ArchiveStream implements Closeable {
  private final CountingInputStream counted;

  ArchiveStream(Path file) throws IOException {
    counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
  }

  /** A member that is not a regular file (a link, a device, a pipe), passed over, and what it is. */
  record Skipped(String name, String what) {}

  private final List<Skipped> skipped = new ArrayList<>();

  /** Moves to the next regular-file member and returns its name, or null at the end. */
  abstract String nextMember() throws IOException;

  /** Notes a member passed over; {@link #takeSkipped()} hands it to the caller. */
  final void skipped(String name, String what) {
    skipped.add(new Skipped(name, what));
  }

  private final List<Skipped> unread = new ArrayList<>();

  /** Notes a regular-file member whose bytes cannot be read (encrypted, unsupported method), and why. */
  final void unread(String name, String why) {
    unread.add(new Skipped(name, why));
  }

  /** The unreadable members met since the last call. */
  final List<Skipped> takeUnread() {
    List<Skipped> out = List.copyOf(unread);
    unread.clear();
    return out;
  }

  /** The members passed over since the last call (folders are not listed). */
  final List<Skipped> takeSkipped() {
    List<Skipped> out = List.copyOf(skipped);
    skipped.clear();
    return out;
  }

  /** The current member's bytes; ends where the member ends. Do not close it. */
  abstract InputStream content();

  /** The archive file's bytes, counted. */
  final CountingInputStream archiveBytes() {
    return counted;
  }

  /** Bytes of the archive file consumed so far, for the expansion-ratio limit. */
  long compressedPosition() {
    return counted.count();
  }

  /** {@code in}, except that closing it does nothing (a member ends, the archive stays open). */
  static InputStream unclosable(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // closed with the archive
      }
    };
  }
}
