package org.sysmontriage.ingest.evtx;

/**
 * Collects the text of one element or attribute. A single piece (the common case: one literal or
 * one string value) becomes a string without an intermediate copy.
 */
final class TextBuffer {
  static final int MAX_CHARS = 1 << 20;
  private final StringBuilder sb = new StringBuilder(256);
  private String single;
  private boolean any;

  void reset() {
    single = null;
    any = false;
    sb.setLength(0);
  }

  boolean isEmpty() {
    return !any;
  }

  void literal(String s) {
    if (!any) {
      single = s;
      any = true;
      return;
    }
    spill();
    sb.append(s);
    check();
  }

  void value(byte[] b, int type, int pos, int size) {
    if (!any && type == ValueType.STRING) {
      int chars = size / 2;
      while (chars > 0 && b[pos + 2 * chars - 2] == 0 && b[pos + 2 * chars - 1] == 0) {
        chars--;
      }
      single = Le.utf16(b, pos, chars);
      any = true;
      return;
    }
    spill();
    any = true;
    Values.append(sb, b, type, pos, size);
    check();
  }

  void append(char c) {
    spill();
    any = true;
    sb.append(c);
  }

  /** Raw builder for markup written into the text (BinXml nested in a value). */
  StringBuilder builder() {
    spill();
    any = true;
    return sb;
  }

  String string() {
    if (single != null) {
      return single;
    }
    return any ? sb.toString() : "";
  }

  private void spill() {
    if (single != null) {
      sb.append(single);
      single = null;
    }
  }

  private void check() {
    if (sb.length() > MAX_CHARS) {
      throw new EvtxFormatException("text longer than " + MAX_CHARS + " characters");
    }
  }
}
