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
  /** Open addressing over the keys added outside arrays: index + 1 where {@code slotGen} is this record's. */
  private int[] slots = new int[256];
  private int[] slotGen = new int[256];
  private boolean[] hashed = new boolean[64];
  private int hashedCount;
  private int gen = 1;
  private int arrayDepth;
  private int duplicates;
  private String duplicateKey;
  private String ignoredValue;

  void clear() {
    Arrays.fill(keys, 0, count, null);
    Arrays.fill(values, 0, count, null);
    count = 0;
    source = null;
    arrayDepth = 0;
    duplicates = 0;
    duplicateKey = null;
    ignoredValue = null;
    hashedCount = 0;
    if (++gen == Integer.MAX_VALUE) {
      gen = 1;
      Arrays.fill(slotGen, 0);
    }
  }

  /** Entries added between these calls are array elements: a repeated key there is no duplicate. */
  void enterArray() {
    arrayDepth++;
  }

  void exitArray() {
    arrayDepth = Math.max(0, arrayDepth - 1);
  }

  /** Keys given more than once in one object of this record (the later values were not kept). */
  int duplicates() {
    return duplicates;
  }

  /** The first repeated key, or null. */
  String duplicateKey() {
    return duplicateKey;
  }

  /** The first value not kept for {@link #duplicateKey()} (null when it was a deferred string). */
  String ignoredValue() {
    return ignoredValue;
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
    if (add(key, null)) {
      deferred[count - 1] = tokenOffset;
    }
  }

  /**
   * Adds an entry; returns false (and counts a duplicate) when an object repeats a key: the first
   * value is kept, as for every field, so the event does not mix values of one key.
   */
  boolean add(String key, String value) {
    if (arrayDepth == 0 && isDuplicate(key)) {
      if (duplicates++ == 0) {
        duplicateKey = key;
        ignoredValue = value;
      }
      return false;
    }
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      values = Arrays.copyOf(values, count * 2);
      deferred = Arrays.copyOf(deferred, count * 2);
      hashed = Arrays.copyOf(hashed, count * 2);
    }
    keys[count] = key;
    deferred[count] = -1;
    hashed[count] = arrayDepth == 0;
    if (arrayDepth == 0) {
      insert(key.hashCode(), count);
    }
    values[count++] = value;
    return true;
  }

  /** True when an entry outside arrays already has this key (linear time: one hash probe). */
  private boolean isDuplicate(String key) {
    int mask = slots.length - 1;
    for (int s = spread(key.hashCode()) & mask; slotGen[s] == gen; s = (s + 1) & mask) {
      int i = slots[s] - 1;
      if (i < count && key.equals(keys[i])) {
        return true;
      }
    }
    return false;
  }

  private void insert(int hash, int index) {
    if (++hashedCount * 2 > slots.length) {
      rehash();
    }
    int mask = slots.length - 1;
    int s = spread(hash) & mask;
    while (slotGen[s] == gen) {
      s = (s + 1) & mask;
    }
    slotGen[s] = gen;
    slots[s] = index + 1;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    slotGen = new int[slots.length];
    hashedCount = 1;
    for (int i = 0; i < count; i++) {
      if (hashed[i] && keys[i] != null) {
        hashedCount++;
        int mask = slots.length - 1;
        int s = spread(keys[i].hashCode()) & mask;
        while (slotGen[s] == gen) {
          s = (s + 1) & mask;
        }
        slotGen[s] = gen;
        slots[s] = i + 1;
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
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
