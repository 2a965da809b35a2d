package org.sysmontriage.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A split (multi-volume) zip: {@code case.z01}, {@code case.z02}, ..., {@code case.zip}. Its first part
 * starts with the spanning signature {@code PK\7\8}; members that cross into the next part are cut
 * off. Every message about such an archive names this, so the investigator knows to join the parts.
 */
final class SplitZip {
  static final String MESSAGE = "this is one part of a split (multi-volume) zip; members that go on in the next part"
      + " cannot be read from it: join the parts first (zip -s 0 case.zip --out whole.zip, or 7-Zip on case.zip.001)"
      + " and open the whole zip";

  private SplitZip() {}

  /** True when the file starts with the spanning signature {@code PK 07 08} followed by a local header. */
  static boolean isFirstPart(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] h = in.readNBytes(8);
      return h.length == 8 && h[0] == 'P' && h[1] == 'K' && h[2] == 7 && h[3] == 8 && h[4] == 'P' && h[5] == 'K'
          && h[6] == 3 && h[7] == 4;
    }
  }

  /** A member's bytes whose read errors say the archive is split. */
  static final class Guard extends FilterInputStream {
    Guard(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw new IOException(MESSAGE + " (" + MemberCopy.reason(e) + ")", e);
      }
    }
  }
}
