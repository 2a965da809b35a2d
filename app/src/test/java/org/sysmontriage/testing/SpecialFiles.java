package org.sysmontriage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Special files for hostile-input tests, made in a temporary folder (never a real device). */
public final class SpecialFiles {
  private SpecialFiles() {}

  /** A named pipe at {@code path} (the test is skipped where mkfifo is missing). */
  public static Path fifo(Path path) throws IOException, InterruptedException {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not available here: " + e.getMessage());
      return path;
    }
    Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(path), "mkfifo failed");
    return path;
  }
}
