package org.sysmontriage.ingest.xml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an event's bytes so that a damaged sequence (invalid UTF-8, a lone UTF-16 surrogate)
 * becomes one U+FFFD and every character after it is kept. Java's own decoding may swallow the
 * character after a lone UTF-16 surrogate; this one steps over one code unit at a time.
 */
final class Utf {
  /** The text, and how many damaged sequences were replaced (the first at byte {@code firstBad}). */
  record Decoded(String text, int replaced, int firstBad) {}

  private Utf() {}

  static Decoded decode(ByteBuffer buf, XmlEncoding enc, int from, int to) {
    byte[] bytes = new byte[to - from];
    buf.get(from, bytes);
    String fast = new String(bytes, enc.charset());
    if (fast.indexOf('\uFFFD') < 0) {
      return new Decoded(fast, 0, -1);
    }
    return strict(bytes, enc, from);
  }

  /** Slow path, only for text holding U+FFFD: decode reporting each error, replace it, step on. */
  private static Decoded strict(byte[] bytes, XmlEncoding enc, int from) {
    CharsetDecoder dec = enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    int replaced = 0;
    int firstBad = -1;
    while (true) {
      CoderResult r = dec.decode(in, out, true);
      if (!r.isError()) {
        break;
      }
      if (replaced++ == 0) {
        firstBad = from + in.position();
      }
      out.put('\uFFFD');
      in.position(Math.min(in.limit(), in.position() + (enc.width() == 2 ? 2 : r.length())));
    }
    dec.flush(out);
    return new Decoded(out.flip().toString(), replaced, firstBad);
  }
}
