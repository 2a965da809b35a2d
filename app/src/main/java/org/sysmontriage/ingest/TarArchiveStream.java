package org.sysmontriage.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A tar (optionally gzipped) read front to back: ustar headers with their name prefix, pax
 * extended headers ({@code path} and {@code size} override the next header; other keys such as
 * {@code SCHILY.*} or {@code LIBARCHIVE.creationtime} are ignored), GNU long names, and base-256
 * sizes. Only regular files are members; directories are passed over, links, devices and pipes
 * are passed over and listed ({@link #takeSkipped()}), never followed or created.
 */
final class TarArchiveStream extends ArchiveStream {
  private static final int BLOCK = 512;

  private final InputStream in;
  private final MemberContent content = new MemberContent();
  private long position; // bytes of tar stream consumed
  private String pendingName;
  private String pendingLink;
  private long pendingSize = -1;

  TarArchiveStream(Path file, boolean gzipped) throws IOException {
    super(file);
    in = gzipped ? new GZIPInputStream(archiveBytes(), ExpansionBudget.INFLATE_BUFFER) : archiveBytes();
  }

  @Override
  String nextMember() throws IOException {
    finishMember();
    while (true) {
      byte[] h = readBlock();
      if (h == null || isZero(h)) {
        return null;
      }
      long headerAt = position - BLOCK;
      checkSum(h, headerAt);
      char type = (char) (h[156] & 0xff);
      long size = pendingSize >= 0 ? pendingSize : size(h, headerAt);
      switch (type) {
        case 'x' -> readPax(readData(size(h, headerAt)));
        case 'L' -> pendingName = cString(readData(size(h, headerAt)), 0, Integer.MAX_VALUE);
        case '0', '\0', '7' -> {
          String name = pendingName != null ? pendingName : name(h);
          pendingName = null;
          pendingLink = null;
          pendingSize = -1;
          content.start(size);
          return name;
        }
        case 'K' -> pendingLink = cString(readData(size(h, headerAt)), 0, Integer.MAX_VALUE);
        default -> { // 'g' global pax, directories, links, devices: not members
          skipData(size(h, headerAt));
          if (type != 'g') {
            String what = special(type, pendingLink != null ? pendingLink : cString(h, 157, 100));
            if (what != null) {
              skipped(pendingName != null ? pendingName : name(h), what);
            }
            pendingName = null;
            pendingLink = null;
            pendingSize = -1;
          }
        }
      }
    }
  }

  /** What a tar entry of this type is, when it is passed over without being read; null for a folder. */
  private static String special(char type, String link) {
    return switch (type) {
      case '5' -> null;
      case '1' -> "a hard link to " + link;
      case '2' -> "a symbolic link to " + link;
      case '3' -> "a character device";
      case '4' -> "a block device";
      case '6' -> "a named pipe (FIFO)";
      default -> "a tar entry of type '" + (type >= 0x20 && type < 0x7f ? String.valueOf(type) : String.format("\\x%02x", (int) type))
          + "' (not a regular file)";
    };
  }

  @Override
  InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void finishMember() throws IOException {
    long left = content.remaining;
    content.remaining = 0;
    if (content.size >= 0) {
      skipFully(left + padding(content.size));
      content.size = -1;
    }
  }

  private byte[] readBlock() throws IOException {
    byte[] b = in.readNBytes(BLOCK);
    position += b.length;
    if (b.length == 0) {
      return null;
    }
    if (b.length < BLOCK) {
      throw new EOFException("the tar ends inside a header at offset " + (position - b.length));
    }
    return b;
  }

  private byte[] readData(long size) throws IOException {
    if (size > 1 << 20) {
      throw new IOException("tar extended header of " + size + " bytes at offset " + position + ": too large");
    }
    byte[] b = in.readNBytes((int) size);
    position += b.length;
    if (b.length < size) {
      throw new EOFException("the tar ends inside an extended header at offset " + position);
    }
    skipFully(padding(size));
    return b;
  }

  private void skipData(long size) throws IOException {
    skipFully(size + padding(size));
  }

  private void skipFully(long n) throws IOException {
    in.skipNBytes(n);
    position += n;
  }

  private static long padding(long size) {
    return (BLOCK - size % BLOCK) % BLOCK;
  }

  /** pax records: {@code "LEN key=value\n"}; keeps {@code path} and {@code size} for the next header. */
  private void readPax(byte[] data) {
    int at = 0;
    while (at < data.length) {
      int space = indexOf(data, (byte) ' ', at);
      if (space < 0) {
        return;
      }
      int len;
      try {
        len = Integer.parseInt(new String(data, at, space - at, StandardCharsets.US_ASCII).trim());
      } catch (NumberFormatException e) {
        return;
      }
      if (len <= 0 || at + len > data.length) {
        return;
      }
      String record = new String(data, space + 1, at + len - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq > 0) {
        String key = record.substring(0, eq);
        String value = record.substring(eq + 1);
        if (key.equals("path")) {
          pendingName = value;
        } else if (key.equals("linkpath")) {
          pendingLink = value;
        } else if (key.equals("size")) {
          pendingSize = parseLong(value);
        }
      }
      at += len;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String name(byte[] h) {
    String name = cString(h, 0, 100);
    boolean posix = h[257] == 'u' && h[262] == 0; // "ustar\0": the prefix field is a path prefix
    String prefix = posix ? cString(h, 345, 155) : "";
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  private static long size(byte[] h, long headerAt) throws IOException {
    if ((h[124] & 0x80) != 0) { // GNU base-256
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = v << 8 | (h[i] & 0xff);
      }
      return v;
    }
    long v = octal(h, 124, 12);
    if (v < 0) {
      throw new IOException("damaged tar header at offset " + headerAt + ": bad size field");
    }
    return v;
  }

  private static void checkSum(byte[] h, long headerAt) throws IOException {
    long expected = octal(h, 148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) {
      sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
    }
    if (expected != sum) {
      throw new IOException("damaged tar header at offset " + headerAt + " (checksum mismatch)");
    }
  }

  private static long octal(byte[] h, int off, int len) {
    long v = 0;
    boolean any = false;
    for (int i = off; i < off + len; i++) {
      int c = h[i] & 0xff;
      if (c == 0 || c == ' ') {
        if (any) {
          break;
        }
        continue;
      }
      if (c < '0' || c > '7') {
        return -1;
      }
      v = v * 8 + (c - '0');
      any = true;
    }
    return v;
  }

  private static String cString(byte[] b, int off, int max) {
    int end = off;
    int limit = (int) Math.min(b.length, (long) off + max);
    while (end < limit && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] b, byte x, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** The current member's bytes, bounded by its size. */
  private final class MemberContent extends InputStream {
    long size = -1;
    long remaining;

    void start(long size) {
      this.size = size;
      remaining = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new EOFException("the tar ends inside this member (" + remaining + " of " + size + " bytes missing)");
      }
      remaining -= n;
      position += n;
      return n;
    }
  }
}
