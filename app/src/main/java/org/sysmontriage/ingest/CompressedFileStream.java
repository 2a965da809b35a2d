package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * A plain .gz, .bz2 or .xz file: one member, named by the gzip header's original file name (FNAME)
 * when present, else by the archive's name without its extension.
 */
final class CompressedFileStream extends ArchiveStream {
  private final Path file;
  private final Decompressors kind;
  private final InputStream decompressed;
  private final InputStream content;
  private boolean started;

  CompressedFileStream(Path file, Decompressors kind) throws IOException {
    super(file);
    this.file = file;
    this.kind = kind;
    decompressed = kind.open(archiveBytes());
    content = unclosable(decompressed);
  }

  @Override
  String nextMember() throws IOException {
    if (started) {
      return null;
    }
    started = true;
    String original = decompressed instanceof GzipCompressorInputStream gz ? gz.getMetaData().getFileName() : null;
    if (original != null && !original.isBlank()) {
      String n = original.replace('\\', '/');
      return n.substring(n.lastIndexOf('/') + 1);
    }
    return kind.memberName(file.getFileName().toString());
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    decompressed.close();
  }
}
