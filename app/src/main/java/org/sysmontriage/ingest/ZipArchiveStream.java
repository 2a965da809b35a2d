package org.sysmontriage.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip read front to back by its local headers (not its central directory), so a truncated zip
 * still yields every member before the break.
 */
final class ZipArchiveStream implements ArchiveStream {
  private final CountingInputStream counted;
  private final ZipInputStream zip;
  private final InputStream content;

  ZipArchiveStream(Path file) throws IOException {
    counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    zip = new ZipInputStream(counted);
    content = new FilterInputStream(zip) {
      @Override
      public void close() {
        // the member ends, the archive stays open
      }
    };
  }

  @Override
  public String nextMember() throws IOException {
    for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
      if (!e.isDirectory()) {
        return e.getName();
      }
    }
    return null;
  }

  @Override
  public InputStream content() {
    return content;
  }

  @Override
  public long compressedPosition() {
    return counted.count();
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
