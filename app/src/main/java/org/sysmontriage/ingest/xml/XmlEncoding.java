package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How the characters of an XML log are stored: UTF-8 (or another ASCII-compatible charset) with one
 * byte per markup character, or UTF-16 with two. Found from the byte order mark, the first bytes
 * ({@code <\0} is UTF-16LE without BOM, as PowerShell redirection writes) and the XML declaration.
 *
 * @param charset decodes one event's bytes
 * @param width bytes per code unit: 1 or 2
 * @param bigEndian for UTF-16 only
 * @param start the first byte after the byte order mark
 */
record XmlEncoding(Charset charset, int width, boolean bigEndian, int start) {
  static final XmlEncoding UTF8 = new XmlEncoding(StandardCharsets.UTF_8, 1, false, 0);

  static XmlEncoding detect(ByteBuffer b) {
    int n = b.limit();
    int b0 = n > 0 ? b.get(0) & 0xff : -1;
    int b1 = n > 1 ? b.get(1) & 0xff : -1;
    int b2 = n > 2 ? b.get(2) & 0xff : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      return new XmlEncoding(StandardCharsets.UTF_8, 1, false, 3);
    }
    if (b0 == 0xFF && b1 == 0xFE) {
      return new XmlEncoding(StandardCharsets.UTF_16LE, 2, false, 2);
    }
    if (b0 == 0xFE && b1 == 0xFF) {
      return new XmlEncoding(StandardCharsets.UTF_16BE, 2, true, 2);
    }
    if (b0 > 0 && b1 == 0) {
      return new XmlEncoding(StandardCharsets.UTF_16LE, 2, false, 0);
    }
    if (b0 == 0 && b1 > 0) {
      return new XmlEncoding(StandardCharsets.UTF_16BE, 2, true, 0);
    }
    return new XmlEncoding(declaredSingleByte(b), 1, false, 0);
  }

  /** The charset of {@code <?xml ... encoding="X"?>} when it is ASCII-compatible, else UTF-8. */
  private static Charset declaredSingleByte(ByteBuffer b) {
    int n = Math.min(b.limit(), 200);
    byte[] head = new byte[n];
    b.get(0, head);
    String s = new String(head, StandardCharsets.ISO_8859_1);
    if (!s.startsWith("<?xml")) {
      return StandardCharsets.UTF_8;
    }
    int end = s.indexOf("?>");
    int at = s.indexOf("encoding=");
    if (at < 0 || (end >= 0 && at > end) || at + 10 >= s.length()) {
      return StandardCharsets.UTF_8;
    }
    char quote = s.charAt(at + 9);
    int close = s.indexOf(quote, at + 10);
    if (close < 0) {
      return StandardCharsets.UTF_8;
    }
    String name = s.substring(at + 10, close).trim();
    try {
      Charset c = Charset.forName(name);
      // A declaration that says UTF-16 in a file without 16-bit units lies: keep UTF-8.
      return c.newEncoder().maxBytesPerChar() <= 1.0f || c.equals(StandardCharsets.UTF_8) ? c : StandardCharsets.UTF_8;
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
