package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private temporary folder for archive members of one import (never the evidence folder),
 * created on first use with owner-only permissions and removed when the JVM exits (normal exit,
 * SIGTERM, SIGINT: a shutdown hook), or at once when the import is cancelled. Members stay until
 * exit so raw records can be re-read. The folder is named {@code sysmon-triage-PID-RANDOM}; when
 * the first one is made, folders left by processes that are gone (killed with -9, power loss) are
 * swept away.
 */
final class TempArea {
  static final String PREFIX = "sysmon-triage-";
  /** Folders in the old name form (no process id) are swept once they are this old. */
  static final Duration OLD_FORM_AGE = Duration.ofHours(24);

  private final AtomicInteger counter = new AtomicInteger();
  private final Path root;
  private Path dir;
  private boolean closed;

  /** A temp area under {@code root}, or under the system's temporary folder when null. */
  TempArea(Path root) {
    this.root = root;
  }

  /** A new empty file whose name ends with the member's base name, for readable diagnostics. */
  synchronized Path newFile(String memberName) throws IOException {
    if (closed) {
      throw new IOException("the program is exiting: no more archive members are copied");
    }
    if (dir == null) {
      Path base = root == null ? Path.of(System.getProperty("java.io.tmpdir")) : root;
      sweep(base, ProcessHandle.current().pid());
      String prefix = PREFIX + ProcessHandle.current().pid() + "-";
      dir = root == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(root, prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sysmon-triage-temp-cleanup"));
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

  /** At exit: no new member file after this, then the folder goes (import threads may still be copying). */
  synchronized void close() {
    closed = true;
    if (dir != null) {
      for (int pass = 0; pass < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); pass++) {
        delete(dir);
      }
    }
  }

  /**
   * Removes the {@code sysmon-triage-PID-*} folders under {@code base} whose process is gone (and
   * old-form folders older than {@link #OLD_FORM_AGE}); folders of running processes stay.
   *
   * @return how many folders were removed
   */
  static int sweep(Path base, long self) {
    int removed = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path f : folders) {
        if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) && isStale(f, self)) {
          delete(f);
          removed += Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? 0 : 1;
        }
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // best effort: another user's folders or an unreadable temp folder are left alone
    }
    return removed;
  }

  private static boolean isStale(Path folder, long self) throws IOException {
    String rest = folder.getFileName().toString().substring(PREFIX.length());
    int dash = rest.indexOf('-');
    if (dash > 0) {
      try {
        long pid = Long.parseLong(rest.substring(0, dash));
        return pid != self && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
      } catch (NumberFormatException e) {
        return false;
      }
    }
    Instant modified = Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant();
    return rest.chars().allMatch(Character::isDigit) && modified.isBefore(Instant.now().minus(OLD_FORM_AGE));
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit: the next start sweeps what is left
    }
  }
}
