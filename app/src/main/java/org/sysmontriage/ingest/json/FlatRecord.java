package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * One JSON record flattened to (path, value) pairs: nested keys joined with '.', in document
 * order. Reused per reader thread, so nothing is allocated per record beyond the strings.
 * A long value that is seldom needed (a rendered message) may be kept undecoded, as the offset
 * of its token in the record's bytes, and decoded only when asked for.
 */
final class FlatRecord {
  private String[] keys = new String[64];
  private String[] values = new String[64];
  private int[] deferred = new int[64];
  private int count;
  private byte[] source;
  private int sourceOffset;
  private int sourceLength;

  void clear() {
    Arrays.fill(keys, 0, count, null);
    Arrays.fill(values, 0, count, null);
    count = 0;
    source = null;
  }

  /** The bytes the record is parsed from, for deferred values; null when streamed. */
  void source(byte[] b, int off, int len) {
    source = b;
    sourceOffset = off;
    sourceLength = len;
  }

  boolean canDefer() {
    return source != null;
  }

  /** Adds a string value left undecoded at {@code tokenOffset} (relative to the record's start). */
  void addDeferred(String key, int tokenOffset) {
    add(key, null);
    deferred[count - 1] = tokenOffset;
  }

  void add(String key, String value) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      values = Arrays.copyOf(values, count * 2);
      deferred = Arrays.copyOf(deferred, count * 2);
    }
    keys[count] = key;
    deferred[count] = -1;
    values[count++] = value;
  }

  int size() {
    return count;
  }

  String key(int i) {
    return keys[i];
  }

  String value(int i) {
    String v = values[i];
    return v != null ? v : decode(i);
  }

  private String decode(int i) {
    String v = "";
    try (JsonParser p = JsonLimits.factory().createParser(source, sourceOffset + deferred[i], sourceLength - deferred[i])) {
      if (p.nextToken() == JsonToken.VALUE_STRING) {
        v = p.getText();
      }
    } catch (IOException e) {
      v = "";
    }
    values[i] = v;
    return v;
  }

  /** Index of the first entry with this key, or -1. */
  int indexOf(String key) {
    for (int i = 0; i < count; i++) {
      if (key.equals(keys[i])) {
        return i;
      }
    }
    return -1;
  }

  /** The value of the first entry with this key, or null. */
  String get(String key) {
    int i = indexOf(key);
    return i < 0 ? null : value(i);
  }

  /**
   * Turns the entries added since {@code mark} into one {@code path.NAME = TEXT} entry when they
   * are an xmltodict pair ({@code path.@Name}, {@code path.#text}); a missing #text is empty.
   */
  void collapsePair(int mark, String path) {
    String name = null;
    String text = "";
    for (int i = mark; i < count; i++) {
      String k = keys[i];
      if (k.length() == path.length() + 6 && k.endsWith(".@Name")) {
        name = values[i];
      } else if (k.length() == path.length() + 6 && k.endsWith(".#text")) {
        text = values[i];
      }
    }
    if (name == null) {
      return;
    }
    Arrays.fill(keys, mark, count, null);
    Arrays.fill(values, mark, count, null);
    count = mark;
    add(path + "." + name, text);
  }
}
