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
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        sha.update(buf, 0, n);
        cancel.check();
      }
    } catch (IOException e) {
      return "";
    }
    return hex(sha);
  }

  private static volatile boolean warm;

  /**
   * Gets SHA-256's compiled (CPU-instruction) form before the readers' big methods fill the JIT
   * queue: until then a large input is hashed by slow profiling code (seen: 40% of an EVTX import's
   * CPU). Hashing 4 MiB of zeros costs a few ms.
   */
  static void warmUp() {
    if (warm) {
      return;
    }
    warm = true;
    MessageDigest sha = newDigest();
    byte[] zeros = new byte[1 << 16];
    for (int i = 0; i < 64; i++) {
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
