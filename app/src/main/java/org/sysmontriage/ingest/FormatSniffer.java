package org.sysmontriage.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tells a file's format by its content, never by its name: EVTX, XML, JSON, zip, 7z, tar, gzip,
 * bzip2, xz (a tar inside one of those is tar.gz, tar.bz2, tar.xz), or unknown. Reads at most the
 * first 512 bytes (and, for a compressed file, the first 512 decompressed bytes).
 */
public final class FormatSniffer {
  static final int HEAD = 512;
  private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] USTAR = "ustar".getBytes(StandardCharsets.ISO_8859_1);
  private static final int USTAR_AT = 257;
  private static final byte[] SEVEN_Z_MAGIC = {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c};
  private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};

  private FormatSniffer() {}

  /** The format of a file; unreadable or empty files are {@link SniffedFormat#UNKNOWN}. */
  public static SniffedFormat sniff(Path file) throws IOException {
    byte[] head = head(file);
    SniffedFormat f = sniff(head, head.length);
    return switch (f) {
      case GZIP -> isTar(decompressedHead(file, Decompressors.GZIP)) ? SniffedFormat.TAR_GZ : f;
      case BZIP2 -> isTar(decompressedHead(file, Decompressors.BZIP2)) ? SniffedFormat.TAR_BZ2 : f;
      case XZ -> isTar(decompressedHead(file, Decompressors.XZ)) ? SniffedFormat.TAR_XZ : f;
      default -> f;
    };
  }

  /** The format told by a file's first bytes ({@code head[0, len)}); gzip is not looked into. */
  public static SniffedFormat sniff(byte[] head, int len) {
    if (startsWith(head, len, EVTX_MAGIC)) {
      return SniffedFormat.EVTX;
    }
    if (len >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 && head[3] == 4 || head[2] == 7 && head[3] == 8)) {
      return SniffedFormat.ZIP; // a local header, or the spanning signature of a split zip's first part
    }
    if (len >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
      return SniffedFormat.GZIP;
    }
    if (startsWith(head, len, SEVEN_Z_MAGIC)) {
      return SniffedFormat.SEVEN_Z;
    }
    if (startsWith(head, len, XZ_MAGIC)) {
      return SniffedFormat.XZ;
    }
    if (len >= 4 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h' && head[3] >= '1' && head[3] <= '9') {
      return SniffedFormat.BZIP2;
    }
    if (isTar(head, len)) {
      return SniffedFormat.TAR;
    }
    return textFormat(firstChar(head, len));
  }

  /** One line for a person: why {@code source} was not read and what was expected. */
  public static String notALogMessage(Path file) {
    try {
      byte[] head = head(file);
      return "not a log format Sysmon Triage reads: " + describe(head, head.length) + " (expected EVTX, XML or JSON, or a zip, 7z, tar, tar.gz, tar.bz2, tar.xz, gz, bz2 or xz archive of them)";
    } catch (IOException e) {
      return "cannot read: " + e.getMessage();
    }
  }

  /** What the first bytes look like, for messages: text is quoted, binary shown as hex. */
  static String describe(byte[] head, int len) {
    if (len == 0) {
      return "the file is empty";
    }
    int n = Math.min(len, 16);
    boolean text = true;
    for (int i = 0; i < n; i++) {
      int b = head[i] & 0xff;
      text &= b >= 0x20 && b < 0x7f || b == '\n' || b == '\r' || b == '\t';
    }
    if (text) {
      String s = new String(head, 0, n, StandardCharsets.US_ASCII).replaceAll("\\s+", " ").strip();
      return "it starts with the text \"" + s + "\"";
    }
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(n, 8); i++) {
      hex.append(String.format("%02x ", head[i] & 0xff));
    }
    return "it starts with the bytes " + hex.toString().strip();
  }

  private static SniffedFormat textFormat(int c) {
    if (c == '<') {
      return SniffedFormat.XML;
    }
    if (c == '{' || c == '[') {
      return SniffedFormat.JSON;
    }
    return SniffedFormat.UNKNOWN;
  }

  /** The first non-blank character after an optional BOM, in UTF-8 or UTF-16; -1 if none. */
  private static int firstChar(byte[] h, int len) {
    if (len >= 2 && (h[0] & 0xff) == 0xff && (h[1] & 0xff) == 0xfe) {
      return firstUtf16(h, len, 2, true);
    }
    if (len >= 2 && (h[0] & 0xff) == 0xfe && (h[1] & 0xff) == 0xff) {
      return firstUtf16(h, len, 2, false);
    }
    if (len >= 2 && h[0] != 0 && h[1] == 0) {
      return firstUtf16(h, len, 0, true); // UTF-16LE without BOM
    }
    if (len >= 2 && h[0] == 0 && h[1] != 0) {
      return firstUtf16(h, len, 0, false);
    }
    int i = len >= 3 && (h[0] & 0xff) == 0xef && (h[1] & 0xff) == 0xbb && (h[2] & 0xff) == 0xbf ? 3 : 0;
    while (i < len && isBlank(h[i] & 0xff)) {
      i++;
    }
    return i < len ? h[i] & 0xff : -1;
  }

  private static int firstUtf16(byte[] h, int len, int from, boolean little) {
    for (int i = from; i + 1 < len; i += 2) {
      int c = little ? (h[i] & 0xff) | (h[i + 1] & 0xff) << 8 : (h[i] & 0xff) << 8 | (h[i + 1] & 0xff);
      if (!isBlank(c)) {
        return c;
      }
    }
    return -1;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static boolean isTar(byte[] head, int len) {
    if (len < USTAR_AT + USTAR.length) {
      return false;
    }
    for (int i = 0; i < USTAR.length; i++) {
      if (head[USTAR_AT + i] != USTAR[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTar(byte[] head) {
    return isTar(head, head.length);
  }

  private static boolean startsWith(byte[] head, int len, byte[] magic) {
    if (len < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (head[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(HEAD);
    }
  }

  private static byte[] decompressedHead(Path file, Decompressors kind) {
    try (InputStream in = kind.open(new java.io.BufferedInputStream(Files.newInputStream(file), 4096))) {
      return in.readNBytes(HEAD);
    } catch (IOException | RuntimeException e) {
      return new byte[0]; // a damaged stream: the archive reader reports it
    }
  }
}
