package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** The single-stream compressors an archive or log may come in: gzip, bzip2, xz (Commons Compress). */
enum Decompressors {
  NONE(""),
  GZIP(".gz"),
  BZIP2(".bz2"),
  XZ(".xz");

  private final String extension;

  Decompressors(String extension) {
    this.extension = extension;
  }

  /** The decompressor of an archive kind: tar.gz and gz are gzip, and so on. */
  static Decompressors of(SniffedFormat kind) {
    return switch (kind) {
      case TAR_GZ, GZIP -> GZIP;
      case TAR_BZ2, BZIP2 -> BZIP2;
      case TAR_XZ, XZ -> XZ;
      default -> NONE;
    };
  }

  /** {@code in} decompressed; concatenated streams (pigz, pbzip2, multi-stream xz) are read whole. */
  InputStream open(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case XZ -> new XZCompressorInputStream(in, true);
    };
  }

  /** The member's name from the archive's: {@code Security.evtx.gz} -> {@code Security.evtx}, {@code x.tgz} -> {@code x.tar}. */
  String memberName(String archiveName) {
    String lower = archiveName.toLowerCase(Locale.ROOT);
    for (String tarAlias : new String[] {".tgz", ".tbz2", ".tbz", ".txz"}) {
      if (lower.endsWith(tarAlias)) {
        return archiveName.substring(0, archiveName.length() - tarAlias.length()) + ".tar";
      }
    }
    for (String ext : new String[] {extension, ".gzip", ".bzip2"}) {
      if (!ext.isEmpty() && lower.endsWith(ext) && lower.length() > ext.length()) {
        return archiveName.substring(0, archiveName.length() - ext.length());
      }
    }
    return archiveName;
  }
}
