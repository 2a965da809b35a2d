package org.sysmontriage.ingest.json;

import java.util.Arrays;

/**
 * One JSON record flattened to (path, value) pairs: nested keys joined with '.', in document
 * order. Reused per reader thread, so nothing is allocated per record beyond the strings.
 */
final class FlatRecord {
  private String[] keys = new String[64];
  private String[] values = new String[64];
  private int count;

  void clear() {
    Arrays.fill(keys, 0, count, null);
    Arrays.fill(values, 0, count, null);
    count = 0;
  }

  void add(String key, String value) {
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    keys[count] = key;
    values[count++] = value;
  }

  int size() {
    return count;
  }

  String key(int i) {
    return keys[i];
  }

  String value(int i) {
    return values[i];
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
    return i < 0 ? null : values[i];
  }

  boolean hasPrefix(String prefix) {
    for (int i = 0; i < count; i++) {
      if (keys[i].startsWith(prefix)) {
        return true;
      }
    }
    return false;
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
