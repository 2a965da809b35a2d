package org.sysmontriage.ingest.evtx;

import java.util.Arrays;

/**
 * A BinXml fragment compiled once into a flat list of operations, so a template used by hundreds
 * of records in a chunk is decoded once and then only replayed with each record's substitutions.
 */
final class Fragment {
  static final int OPEN = 1; // name
  static final int ATTR = 2; // name
  static final int CLOSE_START = 3;
  static final int CLOSE_EMPTY = 4;
  static final int END = 5;
  static final int TEXT = 6; // string
  static final int SUBST = 7; // index, type, optional
  static final int CHAR_REF = 8; // code unit
  static final int ENTITY_REF = 9; // name
  static final int CDATA = 10; // string
  static final int PI = 11; // target, data
  static final int TEMPLATE = 12; // definition offset, instance data position

  /** Operations and their operands, in order. */
  final int[] code;
  final int length;
  /** Names and texts the operations point to. */
  final String[] strings;
  /**
   * At an OPEN's index: 1 + the substitution index when the element's whole content is one
   * optional substitution (then a NULL value drops the element, as libevtx renders it), else 0.
   */
  final int[] optionalContent;
  /** At an OPEN's index with {@link #optionalContent}: the index after the element's END. */
  final int[] elementEnd;

  Fragment(int[] code, int length, String[] strings) {
    this.code = code;
    this.length = length;
    this.strings = strings;
    this.optionalContent = new int[length];
    this.elementEnd = new int[length];
    findOptionalElements();
  }

  /** Finds OPEN [ATTR values...] CLOSE_START SUBST(optional) END. */
  private void findOptionalElements() {
    for (int i = 0; i < length; i = next(i)) {
      if (code[i] != OPEN) {
        continue;
      }
      int j = next(i);
      while (j < length && code[j] != CLOSE_START && code[j] != CLOSE_EMPTY && code[j] != OPEN && code[j] != END) {
        j = next(j);
      }
      if (j >= length || code[j] != CLOSE_START) {
        continue;
      }
      int sub = next(j);
      if (sub < length && code[sub] == SUBST && code[sub + 3] == 1 && next(sub) < length && code[next(sub)] == END) {
        optionalContent[i] = code[sub + 1] + 1;
        elementEnd[i] = next(next(sub));
      }
    }
  }

  /** The index of the operation after the one at {@code i}. */
  int next(int i) {
    switch (code[i]) {
      case CLOSE_START: case CLOSE_EMPTY: case END: return i + 1;
      case SUBST: return i + 4;
      case PI: case TEMPLATE: return i + 3;
      default: return i + 2;
    }
  }

  /** Collects operations while compiling, within a hard limit against hostile input. */
  static final class Builder {
    static final int MAX_CODE = 1 << 18;
    private int[] code = new int[64];
    private int length;
    private String[] strings = new String[16];
    private int stringCount;

    void op(int op, int... args) {
      if (length + 1 + args.length > MAX_CODE) {
        throw new EvtxFormatException("BinXml fragment too large");
      }
      if (length + 1 + args.length > code.length) {
        code = Arrays.copyOf(code, Math.max(code.length * 2, length + 1 + args.length));
      }
      code[length++] = op;
      for (int a : args) {
        code[length++] = a;
      }
    }

    int string(String s) {
      if (stringCount == strings.length) {
        strings = Arrays.copyOf(strings, stringCount * 2);
      }
      strings[stringCount] = s;
      return stringCount++;
    }

    Fragment build() {
      return new Fragment(Arrays.copyOf(code, length), length, Arrays.copyOf(strings, stringCount));
    }
  }
}
