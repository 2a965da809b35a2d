package org.sysmontriage.detect.sigma;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the rule cache's compact form: numbers as unsigned LEB128 varints, every text as its index in
 * one table of distinct texts, every registered value test as its index in one table of distinct tests
 * (by key), so a text or test that many rules share is stored, and read, once. The bodies go to
 * {@link #body}; {@link #tables} gives the two tables that the bodies refer to ({@link CacheTables} reads
 * them back).
 */
public final class CacheOutput {
  private final Map<String, Integer> strings = new HashMap<>();
  private final ByteArrayOutputStream stringBytes = new ByteArrayOutputStream(1 << 16);
  private final Map<String, Integer> tests = new HashMap<>();
  private final ByteArrayOutputStream testBytes = new ByteArrayOutputStream(1 << 16);
  private ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);

  /** Where the next {@link #varint}, {@link #text} and {@link #test} go. */
  public ByteArrayOutputStream body() {
    return body;
  }

  /** The bytes written since the last call (the next entry starts empty). */
  public byte[] takeBody() {
    byte[] b = body.toByteArray();
    body = new ByteArrayOutputStream(1 << 12);
    return b;
  }

  /** An int as an unsigned 32-bit varint (1 byte below 128, at most 5). */
  public void varint(int v) {
    varint(body, v & 0xffffffffL);
  }

  public void bytes(byte[] b) {
    body.writeBytes(b);
  }

  /** A text as its table index. */
  public void text(String s) {
    Integer at = strings.get(s);
    if (at == null) {
      at = strings.size();
      strings.put(s, at);
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(stringBytes, b.length);
      stringBytes.writeBytes(b);
    }
    varint(at);
  }

  /** A value test as its table index; {@code writeBody} writes its body the first time its key is seen. */
  public void test(String key, java.util.function.Consumer<CacheOutput> writeBody) {
    Integer at = tests.get(key);
    if (at == null) {
      ByteArrayOutputStream outer = body;
      byte[] b;
      try {
        body = new ByteArrayOutputStream(64);
        writeBody.accept(this);
        b = body.toByteArray();
      } finally {
        body = outer;
      }
      at = tests.size();
      tests.put(key, at);
      varint(testBytes, b.length);
      testBytes.writeBytes(b);
    }
    varint(at);
  }

  /** The text table then the test table (each: count, then each item's length and bytes). */
  public byte[] tables() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(stringBytes.size() + testBytes.size() + 16);
    varint(out, strings.size());
    out.writeBytes(stringBytes.toByteArray());
    varint(out, tests.size());
    out.writeBytes(testBytes.toByteArray());
    return out.toByteArray();
  }

  static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
