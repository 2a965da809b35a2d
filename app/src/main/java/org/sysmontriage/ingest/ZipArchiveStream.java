package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipMethod;

/**
 * A zip read front to back by its local headers (Commons Compress), not its central directory, so a
 * truncated zip still yields every member before the break. Reads zip64, STORED members with a data
 * descriptor, names flagged UTF-8 or with a Unicode extra field (others are CP437, as the zip
 * specification says). Encrypted members and members in a compression method Commons Compress cannot
 * read are listed with a note; the first part of a split (multi-volume) zip says so.
 */
final class ZipArchiveStream extends ArchiveStream {
  private final ZipArchiveInputStream zip;
  private final InputStream content;
  private final boolean split;

  ZipArchiveStream(Path file) throws IOException {
    super(file);
    split = SplitZip.isFirstPart(file);
    if (split) {
      archiveBytes().skipNBytes(4); // Commons Compress refuses the spanning signature; the members after it are readable
    }
    zip = new ZipArchiveInputStream(archiveBytes(), "Cp437", true, true, false);
    content = unclosable(zip);
  }

  @Override
  String nextMember() throws IOException {
    try {
      for (ZipArchiveEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        String unreadable = unreadable(e);
        if (unreadable == null) {
          return e.getName();
        }
        unread(e.getName(), unreadable);
      }
      return null;
    } catch (IOException e) {
      throw split ? new IOException(SplitZip.MESSAGE + " (" + e.getMessage() + ")", e) : e;
    }
  }

  /** Why a member's bytes cannot be read, or null when they can. */
  private String unreadable(ZipArchiveEntry e) {
    if (e.getGeneralPurposeBit().usesEncryption()) {
      return "an encrypted (password-protected) member, not read: decrypt the archive with its password and open the result";
    }
    if (!zip.canReadEntryData(e)) {
      ZipMethod m = ZipMethod.getMethodByCode(e.getMethod());
      return "a member compressed with " + (m == null ? "method " + e.getMethod() : m.name())
          + ", which Sysmon Triage cannot decompress: extract it with 7-Zip and open the file";
    }
    return null;
  }

  @Override
  InputStream content() {
    return split ? new SplitZip.Guard(content) : content;
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
