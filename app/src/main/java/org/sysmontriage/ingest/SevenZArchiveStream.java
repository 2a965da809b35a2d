package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.sevenz.SevenZMethodConfiguration;

/**
 * A 7z (Commons Compress; LZMA, LZMA2, Deflate, BZip2, copy). Its file list sits at the end of the file,
 * so a 7z cut short is opened in recovery mode, and members whose data survive are read. The
 * decoder's memory is capped, so a 7z that asks for a huge dictionary is refused, not obeyed. For the
 * expansion-ratio limit the whole file counts as read once it is opened (7z compresses members
 * together in solid blocks).
 */
final class SevenZArchiveStream extends ArchiveStream {
  static final int MAX_MEMORY_KIB = 512 * 1024;

  private final SevenZFile sevenZ;
  private final long size;
  private final InputStream content;

  SevenZArchiveStream(Path file) throws IOException {
    super(file);
    size = Files.size(file);
    try {
      sevenZ = SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(MAX_MEMORY_KIB).setTryToRecoverBrokenArchives(true).get();
    } catch (PasswordRequiredException e) {
      throw new IOException("an encrypted 7z whose file list is password-protected: decrypt it with 7-Zip and open the result", e);
    }
    content = unclosable(new InputStream() {
      @Override
      public int read() throws IOException {
        return sevenZ.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return sevenZ.read(b, off, len);
      }
    });
  }

  @Override
  String nextMember() throws IOException {
    for (SevenZArchiveEntry e = sevenZ.getNextEntry(); e != null; e = sevenZ.getNextEntry()) {
      if (e.isDirectory() || e.isAntiItem()) {
        continue;
      }
      if (encrypted(e)) {
        unread(e.getName(), "an encrypted (password-protected) member, not read: decrypt the archive with 7-Zip and open the result");
        continue;
      }
      return e.getName();
    }
    return null;
  }

  private static boolean encrypted(SevenZArchiveEntry e) {
    for (SevenZMethodConfiguration m : e.getContentMethods()) {
      if (m.getMethod() == SevenZMethod.AES256SHA256) {
        return true;
      }
    }
    return false;
  }

  @Override
  long compressedPosition() {
    return size;
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    try {
      sevenZ.close();
    } finally {
      archiveBytes().close();
    }
  }
}
