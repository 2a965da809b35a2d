package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private temporary folder for archive members of one import (never the evidence folder),
 * created on first use with owner-only permissions and removed when the JVM exits, or at once
 * when the import is cancelled. Members stay until exit so raw records can be re-read.
 */
final class TempArea {
  private final AtomicInteger counter = new AtomicInteger();
  private final Path root;
  private Path dir;

  /** A temp area under {@code root}, or under the system's temporary folder when null. */
  TempArea(Path root) {
    this.root = root;
  }

  /** A new empty file whose name ends with the member's base name, for readable diagnostics. */
  synchronized Path newFile(String memberName) throws IOException {
    if (dir == null) {
      dir = root == null ? Files.createTempDirectory("sysmon-triage-") : Files.createTempDirectory(root, "sysmon-triage-");
      Path d = dir;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(d), "sysmon-triage-temp-cleanup"));
    }
    String base = memberName.substring(memberName.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.length() > 80) {
      base = base.substring(base.length() - 80);
    }
    return Files.createFile(dir.resolve(counter.incrementAndGet() + "-" + base));
  }

  /** Removes every member file now (after a cancelled import). */
  synchronized void deleteAll() {
    if (dir != null) {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit: the OS cleans its temp folder
    }
  }
}
