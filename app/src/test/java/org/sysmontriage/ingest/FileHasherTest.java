package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;

/** The file hash reads in 1 MiB buffers and digests them in small slices: every byte counts once, in order. */
class FileHasherTest {
  @TempDir Path dir;

  @Test
  void everySizeAroundTheSliceAndBufferEdgesHashesLikeOneDigestOfTheWholeFile() throws Exception {
    Random random = new Random(8);
    int[] sizes = {0, 1, 511, 2047, 2048, 2049, 4096 + 7, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 2050};
    for (int size : sizes) {
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      Path file = dir.resolve("log-" + size + ".evtx");
      Files.write(file, bytes);
      assertEquals(expected(bytes), FileHasher.sha256(file, new CancellationToken()), "size " + size);
    }
  }

  @Test
  void aFileThatCannotBeReadHasNoHash() throws IOException {
    assertEquals("", FileHasher.sha256(dir.resolve("missing.evtx"), new CancellationToken()));
  }

  private static String expected(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
