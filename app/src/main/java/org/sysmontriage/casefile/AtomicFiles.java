package org.sysmontriage.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a
 * torn mix: a temporary file in the same folder, flushed to the disk, then renamed over the
 * target. On any failure the temporary file is removed and the target keeps its last good state.
 */
public final class AtomicFiles {
  /** Writes the content to a stream; the stream is closed by {@link #write}. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  /** Temporary files being written now: removed at exit too, should the JVM end mid-write (signal, out of memory). */
  private static final java.util.Set<Path> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(p -> p.toFile().delete()), "sysmon-triage-partial-cleanup"));
  }

  private AtomicFiles() {}

  /** A replaced file keeps its permissions; a new one gets the usual ones (umask), not a temporary file's 0600. */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (Files.exists(target) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }
  }

  /**
   * Writes {@code target} whole or not at all. A symbolic link is followed (the file it names is
   * replaced, the link stays); a folder, device, pipe or socket is refused, never replaced.
   */
  public static void write(Path target, Body body) throws IOException {
    Path abs = target.toAbsolutePath();
    if (Files.exists(abs)) {
      abs = abs.toRealPath();
      if (!Files.isRegularFile(abs)) {
        throw new FileSystemException(target.toString(), null, Files.isDirectory(abs)
            ? "Is a folder; name a file in it" : "Not a regular file (a device, pipe or socket); only regular files are written");
      }
    }
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
    Files.createFile(tmp);
    OPEN.add(tmp);
    try {
      keepPermissions(abs, tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        OutputStream out = Channels.newOutputStream(ch);
        body.writeTo(out);
        out.flush();
        ch.force(true);
      }
      move(tmp, abs);
      syncFolder(dir);
    } finally {
      Files.deleteIfExists(tmp);
      OPEN.remove(tmp);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target.getParent() + " cannot replace files atomically", e);
    }
  }

  /** Makes the rename itself durable where the platform allows (Linux, macOS); a no-op elsewhere. */
  private static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a folder as a channel; NTFS journals the rename itself.
    }
  }
}
