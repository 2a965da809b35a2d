package org.sysmontriage.ingest.json;

/** Byte-level JSON structure scanning, aware of strings and escapes; no values are decoded. */
final class ObjectScanner {
  private ObjectScanner() {}

  /**
   * Given {@code b[from]} is '{' or '[', returns the index just past its matching close, or -1
   * when it does not close before {@code to}.
   */
  static int endOfValue(byte[] b, int from, int to) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < to; i++) {
      byte c = b[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  static int indexOf(byte[] b, byte value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  static int skipSpace(byte[] b, int from, int to) {
    int i = from;
    while (i < to && isSpace(b[i])) {
      i++;
    }
    return i;
  }

  /** 3 when {@code b[from, to)} starts with a UTF-8 byte order mark, else 0. */
  static int bomLength(byte[] b, int from, int to) {
    boolean bom = to - from >= 3 && (b[from] & 0xff) == 0xEF && (b[from + 1] & 0xff) == 0xBB && (b[from + 2] & 0xff) == 0xBF;
    return bom ? 3 : 0;
  }
}
