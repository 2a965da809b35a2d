package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip read front to back by its local headers (not its central directory), so a truncated zip
 * still yields every member before the break. Names flagged UTF-8 are read as UTF-8.
 */
final class ZipArchiveStream extends ArchiveStream {
  /** Member names without the UTF-8 flag are CP437, as the zip specification says. */
  private static final Charset NAMES = Charset.isSupported("IBM437") ? Charset.forName("IBM437") : StandardCharsets.ISO_8859_1;

  private final ZipInputStream zip;
  private final InputStream content;

  ZipArchiveStream(Path file) throws IOException {
    super(file);
    zip = new ZipInputStream(archiveBytes(), NAMES);
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
