package org.sysmontriage.ingest.json;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Test helper: copies one member of a .zip or .tar.gz (ustar/pax) into a file. */
final class TarGzMembers {
  private TarGzMembers() {}

  static void extract(Path archive, String member, Path out) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
      boolean found = archive.toString().endsWith(".zip") ? zipMember(in, member, out) : tarMember(new GZIPInputStream(in), member, out);
      if (!found) {
        throw new IOException(member + " not found in " + archive);
      }
    }
  }

  private static boolean zipMember(InputStream in, String member, Path out) throws IOException {
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
      if (e.getName().equals(member)) {
        copy(zip, out, Long.MAX_VALUE);
        return true;
      }
    }
    return false;
  }

  /** 512-byte headers: name at 0 (100 bytes), size at 124 (12 octal), type at 156, prefix at 345. */
  private static boolean tarMember(InputStream in, String member, Path out) throws IOException {
    byte[] h = new byte[512];
    while (readFully(in, h)) {
      if (h[0] == 0) {
        return false;
      }
      String name = text(h, 345, 155).isEmpty() ? text(h, 0, 100) : text(h, 345, 155) + "/" + text(h, 0, 100);
      long size = Long.parseLong(text(h, 124, 12).trim(), 8);
      char type = (char) h[156];
      if ((type == '0' || type == 0) && (name.equals(member) || name.endsWith("/" + member))) {
        copy(in, out, size);
        return true;
      }
      skip(in, (size + 511) / 512 * 512);
    }
    return false;
  }

  private static String text(byte[] h, int off, int len) {
    int end = off;
    while (end < off + len && h[end] != 0) {
      end++;
    }
    return new String(h, off, end - off, StandardCharsets.UTF_8);
  }

  private static boolean readFully(InputStream in, byte[] b) throws IOException {
    int n = in.readNBytes(b, 0, b.length);
    if (n == 0) {
      return false;
    }
    if (n < b.length) {
      throw new EOFException("truncated tar header");
    }
    return true;
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new EOFException("truncated tar member");
        }
        s = 1;
      }
      left -= s;
    }
  }

  private static void copy(InputStream in, Path out, long size) throws IOException {
    try (OutputStream o = Files.newOutputStream(out)) {
      byte[] buf = new byte[1 << 16];
      long left = size;
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        o.write(buf, 0, n);
        left -= n;
      }
    }
  }
}
