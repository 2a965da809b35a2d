package org.sysmontriage.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.LongConsumer;
import org.sysmontriage.event.CancellationToken;

/**
 * One archive member copied to a private file while hashing it and enforcing the limits.
 *
 * @param refusal why the member was refused (limits), or null; the file is then deleted
 * @param damage why the archive broke inside this member, or null; the bytes before are kept
 */
record MemberCopy(Path file, long size, String sha256, String refusal, String damage) {
  private static final int BUFFER = 1 << 16;

  /** True when nothing after this member can be read. */
  boolean stopsArchive() {
    return refusal != null || damage != null;
  }

  /**
   * Writing the temporary copy failed (the temporary folder's disk is full, or it is not
   * writable): the archive is fine, the machine is not; the message says what to do.
   */
  static final class TempWriteException extends IOException {
    TempWriteException(Path file, IOException cause) {
      super("cannot copy the member to the temporary folder " + file.getParent() + ": " + what(cause)
          + "; free space there or use a folder on a bigger disk: java -Djava.io.tmpdir=/path/to/bigger/disk -jar ...", cause);
    }

    private static String what(IOException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("No space left") || m.contains("not enough space") || m.contains("Disk quota")
          ? "the disk is full (" + m + ")" : m;
    }
  }

  /** Copies the current member to {@code file}; {@code position} hears the archive bytes consumed. */
  static MemberCopy copy(ArchiveStream archive, Path file, ExpansionBudget budget, CancellationToken cancel,
      LongConsumer position) throws IOException {
    OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new TempWriteException(file, e);
    }
    return copy(archive, file, out, budget, cancel, position);
  }

  /** As above, into {@code out} (which is closed); a failure to write is a {@link TempWriteException}. */
  static MemberCopy copy(ArchiveStream archive, Path file, OutputStream target, ExpansionBudget budget, CancellationToken cancel,
      LongConsumer position) throws IOException {
    MessageDigest sha = FileHasher.newDigest();
    long start = archive.compressedPosition();
    long n = 0;
    byte[] buf = new byte[BUFFER];
    InputStream in = archive.content();
    try (OutputStream out = target) {
      while (true) {
        int r;
        try {
          r = in.read(buf);
        } catch (IOException e) {
          return new MemberCopy(file, n, FileHasher.hex(sha), null, "the archive breaks inside this member after " + n
              + " bytes (" + reason(e) + ")" + (n > 0 ? "; the bytes before were read" : ""));
        }
        if (r < 0) {
          return new MemberCopy(file, n, FileHasher.hex(sha), null, null);
        }
        n += r;
        String refusal = refusal(budget, n, archive.compressedPosition() - start, r);
        if (refusal != null) {
          out.close();
          Files.deleteIfExists(file);
          return new MemberCopy(null, n, "", refusal, null);
        }
        cancel.check();
        position.accept(archive.compressedPosition());
        sha.update(buf, 0, r);
        try {
          out.write(buf, 0, r);
        } catch (IOException e) {
          throw new TempWriteException(file, e);
        }
      }
    }
  }

  private static String refusal(ExpansionBudget budget, long expanded, long compressed, int more) {
    if (budget.ratioExceeded(expanded, compressed)) {
      return "refused: this member expands more than " + budget.maxRatio() + " times its compressed size"
          + " (a zip bomb?); it and the rest of the archive were not read (if you trust it: java -D"
          + ImportOptions.MAX_RATIO_PROPERTY + "=2000 -jar ...)";
    }
    if (!budget.spend(more)) {
      return "refused: the archives of this import expand to more than " + (budget.maxExpandedBytes() >> 20)
          + " MiB in total; this member and the rest of the archive were not read (to allow more: java -D"
          + ImportOptions.MAX_BYTES_PROPERTY + "=32g -jar ...)";
    }
    return null;
  }

  static String reason(IOException e) {
    if (e instanceof EOFException || String.valueOf(e.getMessage()).contains("Unexpected end")) {
      return "the file is truncated" + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
