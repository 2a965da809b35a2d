package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar, plain or compressed (gzip, bzip2, xz), read front to back by Commons Compress: ustar and
 * its name prefix, pax extended headers, GNU long names and base-256 sizes, GNU and pax sparse files
 * (holes read as zeros). Only regular files are members; folders are passed over, links, devices and
 * pipes are passed over and listed ({@link #takeSkipped()}), never followed or created.
 */
final class TarArchiveStream extends ArchiveStream {
  private final TarArchiveInputStream tar;
  private final InputStream content;

  TarArchiveStream(Path file, Decompressors compression) throws IOException {
    super(file);
    tar = new TarArchiveInputStream(compression.open(archiveBytes()), "UTF-8");
    content = unclosable(tar);
  }

  @Override
  String nextMember() throws IOException {
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      if (isRegular(e)) {
        return e.getName();
      }
      String what = special(e);
      if (what != null) {
        skipped(e.getName(), what);
      }
    }
    return null;
  }

  /** Normal, old-style, contiguous and GNU sparse files (Commons Compress's isFile() also says yes to links). */
  private static boolean isRegular(TarArchiveEntry e) {
    byte flag = e.getLinkFlag();
    return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG
        || flag == TarConstants.LF_GNUTYPE_SPARSE;
  }

  /** What an entry is when it is passed over without being read; null for a folder. */
  private static String special(TarArchiveEntry e) {
    if (e.isDirectory()) {
      return null;
    }
    if (e.isLink()) {
      return "a hard link to " + e.getLinkName();
    }
    if (e.isSymbolicLink()) {
      return "a symbolic link to " + e.getLinkName();
    }
    if (e.isCharacterDevice()) {
      return "a character device";
    }
    if (e.isBlockDevice()) {
      return "a block device";
    }
    if (e.isFIFO()) {
      return "a named pipe (FIFO)";
    }
    char type = (char) (e.getLinkFlag() & 0xff);
    return "a tar entry of type '" + (type >= 0x20 && type < 0x7f ? String.valueOf(type) : String.format("\\x%02x", (int) type))
        + "' (not a regular file)";
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }
}
