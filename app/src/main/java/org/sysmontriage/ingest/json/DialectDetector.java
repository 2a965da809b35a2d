package org.sysmontriage.ingest.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a record's dialect in one pass over its keys: every detect key of the table gets a bit,
 * the record's keys set their bits, and the first dialect with an alternative whose bits are all
 * set wins. Keys ending in '.' are prefixes (any key below that object).
 */
final class DialectDetector {
  private final Map<String, Long> exactBits = new HashMap<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<Long> prefixBits = new ArrayList<>();
  private final List<Dialect> dialects;
  private final long[][] alternatives;

  DialectDetector(List<Dialect> dialects) {
    this.dialects = dialects;
    this.alternatives = new long[dialects.size()][];
    for (int d = 0; d < dialects.size(); d++) {
      List<List<String>> detect = dialects.get(d).detect;
      alternatives[d] = new long[detect.size()];
      for (int a = 0; a < detect.size(); a++) {
        for (String key : detect.get(a)) {
          alternatives[d][a] |= bit(key);
        }
      }
    }
  }

  private long bit(String key) {
    if (key.endsWith(".")) {
      int i = prefixes.indexOf(key);
      if (i < 0) {
        prefixes.add(key);
        prefixBits.add(newBit());
        i = prefixes.size() - 1;
      }
      return prefixBits.get(i);
    }
    Long b = exactBits.get(key);
    if (b == null) {
      b = newBit();
      exactBits.put(key, b);
    }
    return b;
  }

  private long newBit() {
    int used = exactBits.size() + prefixes.size();
    if (used >= 64) {
      throw new IllegalStateException("more than 64 detect keys in dialects.json");
    }
    return 1L << used;
  }

  /** The first dialect whose detect keys the record holds, or null. */
  Dialect detect(FlatRecord rec) {
    long present = 0;
    for (int i = 0, n = rec.size(); i < n; i++) {
      String key = rec.key(i);
      Long b = exactBits.get(key);
      if (b != null) {
        present |= b;
      }
      if (key.indexOf('.') > 0) {
        for (int p = 0; p < prefixes.size(); p++) {
          if (key.startsWith(prefixes.get(p))) {
            present |= prefixBits.get(p);
          }
        }
      }
    }
    for (int d = 0; d < alternatives.length; d++) {
      for (long mask : alternatives[d]) {
        if ((present & mask) == mask) {
          return dialects.get(d);
        }
      }
    }
    return null;
  }
}
