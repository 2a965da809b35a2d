package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip read front to back by its local headers (not its central directory), so a truncated zip
 * still yields every member before the break.
 */
final class ZipArchiveStream extends ArchiveStream {
  private final ZipInputStream zip;
  private final InputStream content;

  ZipArchiveStream(Path file) throws IOException {
    super(file);
    zip = new ZipInputStream(archiveBytes());
    content = unclosable(zip);
  }

  @Override
  String nextMember() throws IOException {
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      if (!e.isDirectory()) {
        return e.getName();
      }
    }
    return null;
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
