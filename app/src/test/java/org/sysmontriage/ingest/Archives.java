package org.sysmontriage.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip, tar (ustar, pax, GNU long names) and gzip archives in memory for tests. */
final class Archives {
  private Archives() {}

  static byte[] zip(String... namesAndContents) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        if (!namesAndContents[i].endsWith("/")) {
          z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(bytes)) {
      g.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A tar writer: ustar headers, optional pax and GNU long-name headers. */
  static final class Tar {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String linkName = "";

    Tar file(String name, String content) {
      return entry(name, content.getBytes(StandardCharsets.UTF_8), '0');
    }

    Tar dir(String name) {
      return entry(name, new byte[0], '5');
    }

    /** A member that is no regular file: '1' hard link, '2' symbolic link (to {@code link}), '3'/'4' device, '6' FIFO. */
    Tar special(String name, char type, String link) {
      linkName = link;
      return entry(name, new byte[0], type);
    }

    /** A pax extended header (records as key, value pairs) for the next entry. */
    Tar pax(String... keyValues) {
      StringBuilder records = new StringBuilder();
      for (int i = 0; i < keyValues.length; i += 2) {
        records.append(paxRecord(keyValues[i], keyValues[i + 1]));
      }
      return entry("PaxHeader/x", records.toString().getBytes(StandardCharsets.UTF_8), 'x');
    }

    Tar gnuLongName(String name) {
      return entry("././@LongLink", (name + "\0").getBytes(StandardCharsets.UTF_8), 'L');
    }

    byte[] bytes() {
      out.writeBytes(new byte[1024]);
      return out.toByteArray();
    }

    private Tar entry(String name, byte[] data, char type) {
      byte[] h = new byte[512];
      put(h, 0, name.length() > 100 ? name.substring(0, 100) : name);
      put(h, 100, "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format("%011o", data.length));
      put(h, 136, "00000000000");
      h[156] = (byte) type;
      put(h, 157, linkName);
      linkName = "";
      put(h, 257, "ustar");
      put(h, 263, "00");
      for (int i = 148; i < 156; i++) {
        h[i] = ' ';
      }
      int sum = 0;
      for (byte b : h) {
        sum += b & 0xff;
      }
      put(h, 148, String.format("%06o", sum));
      h[154] = 0;
      out.writeBytes(h);
      out.writeBytes(data);
      out.writeBytes(new byte[(512 - data.length % 512) % 512]);
      return this;
    }

    private static String paxRecord(String key, String value) {
      String body = " " + key + "=" + value + "\n";
      int len = body.getBytes(StandardCharsets.UTF_8).length;
      int total = len + Integer.toString(len).length();
      if (Integer.toString(total).length() != Integer.toString(len).length()) {
        total++;
      }
      return total + body;
    }

    private static void put(byte[] h, int at, String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      System.arraycopy(b, 0, h, at, b.length);
    }
  }
}
