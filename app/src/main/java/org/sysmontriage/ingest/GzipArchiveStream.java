package org.sysmontriage.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A plain .gz: one member, named by the gzip header's original file name (FNAME) when present,
 * else by the archive's name without {@code .gz}.
 */
final class GzipArchiveStream extends ArchiveStream {
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;

  private final Path file;
  private final InputStream content;
  private boolean started;

  GzipArchiveStream(Path file) throws IOException {
    super(file);
    this.file = file;
    content = unclosable(new GZIPInputStream(archiveBytes(), ExpansionBudget.INFLATE_BUFFER));
  }

  @Override
  String nextMember() throws IOException {
    if (started) {
      return null;
    }
    started = true;
    String name = originalName(file);
    return name != null && !name.isBlank() ? name : stripGz(file.getFileName().toString());
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    archiveBytes().close();
  }

  static String stripGz(String name) {
    String lower = name.toLowerCase();
    if (lower.endsWith(".tgz")) {
      return name.substring(0, name.length() - 4) + ".tar";
    }
    for (String ext : new String[] {".gzip", ".gz"}) {
      if (lower.endsWith(ext) && lower.length() > ext.length()) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }

  /** FNAME from the gzip header (RFC 1952), or null. */
  private static String originalName(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      byte[] h = in.readNBytes(10);
      if (h.length < 10 || (h[3] & FNAME) == 0) {
        return null;
      }
      if ((h[3] & FEXTRA) != 0) {
        int xlen = in.read() | in.read() << 8;
        in.skipNBytes(xlen);
      }
      byte[] name = new byte[1024];
      int n = 0;
      for (int b = in.read(); b > 0 && n < name.length; b = in.read()) {
        name[n++] = (byte) b;
      }
      String s = new String(name, 0, n, StandardCharsets.ISO_8859_1);
      return s.substring(s.lastIndexOf('/') + 1);
    }
  }
}
