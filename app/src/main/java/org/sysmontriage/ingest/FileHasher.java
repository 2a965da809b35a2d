package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sysmontriage.event.CancellationToken;

/** SHA-256 of a file's bytes, read-only. */
final class FileHasher {
  private FileHasher() {}

  /** The hex digest, or "" when the file cannot be read (the reader then reports why). */
  static String sha256(Path file, CancellationToken cancel) {
    warmUp();
    MessageDigest sha = newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[(int) Math.min(1 << 20, Math.max(SLICE, Files.size(file)))];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        for (int at = 0; at < n; at += SLICE) {
          sha.update(buf, at, Math.min(SLICE, n - at));
        }
        cancel.check();
      }
    } catch (IOException e) {
      return "";
    }
    return hex(sha);
  }

  /**
   * Bytes per digest call. The JIT replaces SHA-256's Java code by the CPU's SHA instructions (about 5x faster:
   * 256 MB in 0.26 s instead of 1.4 s here) only in a compiled caller, and it compiles a method after enough calls,
   * a number it raises while its queue is long (the import's and rules' big methods): many small calls get the
   * compiled form requested within the first megabytes even then.
   */
  private static final int SLICE = 1 << 11;

  private static volatile boolean warm;

  /**
   * Gets SHA-256's compiled (CPU-instruction) form before the readers' and rules' big methods fill the JIT
   * queue: until then a large input is hashed by slow profiling code (seen: 40% of an EVTX import's
   * CPU). Hashing 4 MiB of zeros in 8,192 calls (the JIT counts calls) costs a few ms.
   */
  static void warmUp() {
    if (warm) {
      return;
    }
    warm = true;
    MessageDigest sha = newDigest();
    byte[] zeros = new byte[1 << 9];
    for (int i = 0; i < 8192; i++) {
      sha.update(zeros, 0, zeros.length);
    }
    sha.digest();
  }

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  static String hex(MessageDigest sha) {
    return HexFormat.of().formatHex(sha.digest());
  }
}
