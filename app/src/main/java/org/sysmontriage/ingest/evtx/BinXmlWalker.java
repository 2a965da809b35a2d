package org.sysmontriage.ingest.evtx;

/**
 * Replays a record's BinXml into a {@link BinXmlSink}: template definitions (compiled once per
 * chunk) with the record's substitution values, nested templates and BinXml values expanded in
 * place. Hard limits against hostile input: nesting depth, operations and elements per record.
 * One instance per thread.
 */
final class BinXmlWalker {
  static final int MAX_DEPTH = 24;
  static final int MAX_OPERATIONS = 1 << 20;
  static final int MAX_ELEMENTS = 20_000;

  private final Substitutions[] substitutions = new Substitutions[MAX_DEPTH + 2];
  /** Per nesting depth: operation index of each element opened in the fragment walked there. */
  private final int[][] openStacks = new int[MAX_DEPTH + 2][16];
  private Chunk chunk;
  private int recordStart;
  private int recordEnd;
  private int budget;
  private int elements;

  BinXmlWalker() {
    for (int i = 0; i < substitutions.length; i++) {
      substitutions[i] = new Substitutions();
    }
  }

  /** Walks the BinXml of a record held in {@code chunk.data[start, end)}. */
  void walkRecord(Chunk chunk, int start, int end, BinXmlSink sink) {
    this.chunk = chunk;
    this.recordStart = start;
    this.recordEnd = end;
    budget = MAX_OPERATIONS;
    elements = 0;
    fragment(start, end, sink, 0);
  }

  private void fragment(int start, int end, BinXmlSink sink, int depth) {
    byte[] b = chunk.data;
    boolean plainInstance = end - start > 14 && b[start] == BinXmlToken.FRAGMENT_HEADER
        && b[start + 4] == BinXmlToken.TEMPLATE_INSTANCE;
    if (plainInstance) { // the usual shape: fragment header, template instance, end of stream
      instance(start + 5, end, sink, depth);
    } else {
      walk(compile(start, end), null, sink, depth); // elements outside templates: no dependency ids
    }
  }

  /** A template instance whose token was at {@code pos - 1}. */
  private void instance(int pos, int end, BinXmlSink sink, int depth) {
    Le.need(pos, 9, end);
    long defOffset = Le.u32(chunk.data, pos + 5);
    pos += 9;
    if (defOffset == pos) {
      pos = Templates.skipDefinition(chunk, pos, end);
    }
    expand(defOffset, pos, sink, depth);
  }

  private void expand(long defOffset, int valuesAt, BinXmlSink sink, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new EvtxFormatException("templates nested deeper than " + MAX_DEPTH);
    }
    if (defOffset >= chunk.size) {
      throw new EvtxFormatException("template offset 0x" + Long.toHexString(defOffset) + " outside the chunk");
    }
    Fragment template = chunk.templates.get(chunk, (int) defOffset);
    Substitutions s = substitutions[depth];
    boolean inRecord = valuesAt >= recordStart && valuesAt < recordEnd;
    s.read(chunk.data, valuesAt, inRecord ? recordEnd : chunk.size);
    walk(template, s, sink, depth + 1);
  }

  private void walk(Fragment f, Substitutions s, BinXmlSink sink, int depth) {
    if (depth > MAX_DEPTH) {
      throw new EvtxFormatException("BinXml nested deeper than " + MAX_DEPTH);
    }
    int[] open = openStacks[depth];
    int openCount = 0;
    boolean inAttribute = false;
    int i = 0;
    while (i < f.length) {
      int op = f.code[i];
      if (op == Fragment.OPEN && f.optionalContent[i] != 0 && isNull(s, f.optionalContent[i] - 1)) {
        i = f.elementEnd[i]; // optional content without a value: no element at all
        continue;
      }
      if (op == Fragment.OPEN) {
        if (openCount == open.length) {
          open = java.util.Arrays.copyOf(open, openCount * 2);
          openStacks[depth] = open;
        }
        open[openCount++] = i;
        inAttribute = false;
      } else if (op == Fragment.ATTR) {
        inAttribute = true;
      } else if (op == Fragment.CLOSE_START) {
        inAttribute = false;
      } else if (op == Fragment.CLOSE_EMPTY || op == Fragment.END) {
        inAttribute = false;
        openCount = Math.max(0, openCount - 1);
      } else if (op == Fragment.SUBST && !inAttribute && openCount > 0 && isArray(s, f.code[i + 1])) {
        expandArray(f, open[openCount - 1], s, f.code[i + 1], sink, depth);
        i += 4;
        continue;
      }
      i = step(f, i, s, sink, depth);
    }
  }

  // One switch over the compiled operations: the hot path of the reader, kept in one piece.
  private int step(Fragment f, int i, Substitutions s, BinXmlSink sink, int depth) {
    if (--budget < 0) {
      throw new EvtxFormatException("record exceeds " + MAX_OPERATIONS + " BinXml operations");
    }
    int[] c = f.code;
    String[] str = f.strings;
    switch (c[i]) {
      case Fragment.OPEN:
        if (++elements > MAX_ELEMENTS) {
          throw new EvtxFormatException("record has more than " + MAX_ELEMENTS + " elements");
        }
        sink.startElement(str[c[i + 1]]);
        return i + 2;
      case Fragment.ATTR: sink.attribute(str[c[i + 1]]); return i + 2;
      case Fragment.CLOSE_START: sink.closeStart(); return i + 1;
      case Fragment.CLOSE_EMPTY: sink.closeEmpty(); return i + 1;
      case Fragment.END: sink.endElement(); return i + 1;
      case Fragment.TEXT: sink.literal(str[c[i + 1]]); return i + 2;
      case Fragment.SUBST: substitute(s, c[i + 1], sink, depth); return i + 4;
      case Fragment.CHAR_REF: sink.charRef(c[i + 1]); return i + 2;
      case Fragment.ENTITY_REF: sink.entityRef(str[c[i + 1]]); return i + 2;
      case Fragment.CDATA: sink.cdata(str[c[i + 1]]); return i + 2;
      case Fragment.PI: sink.processingInstruction(str[c[i + 1]], str[c[i + 2]]); return i + 3;
      case Fragment.TEMPLATE: expand(c[i + 1] & 0xffffffffL, c[i + 2], sink, depth); return i + 3;
      default: throw new IllegalStateException("bad operation " + c[i]);
    }
  }

  private static boolean isNull(Substitutions s, int index) {
    return s == null || index >= s.count || s.type[index] == ValueType.NULL;
  }

  private static boolean isArray(Substitutions s, int index) {
    return s != null && index < s.count && (s.type[index] & ValueType.ARRAY) != 0 && s.size[index] > 0;
  }

  /**
   * An array value as element content: the element repeats once per item (as Windows and libevtx
   * render it), its start tag replayed from {@code openAt} with the same attributes.
   */
  private void expandArray(Fragment f, int openAt, Substitutions s, int index, BinXmlSink sink, int depth) {
    int type = s.type[index] & 0x7f;
    int pos = s.pos[index];
    int end = pos + s.size[index];
    int fixed = ValueType.fixedSize(type);
    boolean first = true;
    int at = pos;
    while (at < end) {
      int itemEnd;
      int next;
      if (type == ValueType.STRING) {
        itemEnd = at;
        while (itemEnd + 1 < end && (chunk.data[itemEnd] != 0 || chunk.data[itemEnd + 1] != 0)) {
          itemEnd += 2;
        }
        next = itemEnd + 2;
        itemEnd = Math.min(itemEnd, end);
      } else if (fixed > 0 && end - at >= fixed) {
        itemEnd = at + fixed;
        next = itemEnd;
      } else {
        itemEnd = end;
        next = end;
      }
      if (!first) {
        sink.endElement();
        replayStartTag(f, openAt, s, sink, depth);
      }
      if (itemEnd > at) {
        sink.value(chunk.data, type, at, itemEnd - at);
      }
      first = false;
      at = next;
    }
  }

  private void replayStartTag(Fragment f, int from, Substitutions s, BinXmlSink sink, int depth) {
    int i = from;
    while (i < f.length && f.code[i] != Fragment.CLOSE_START) {
      i = step(f, i, s, sink, depth);
    }
    if (i < f.length) {
      step(f, i, s, sink, depth);
    }
  }

  private void substitute(Substitutions s, int index, BinXmlSink sink, int depth) {
    if (s == null || index >= s.count) {
      return; // no such value: rendered as nothing, as libevtx does
    }
    int type = s.type[index];
    int size = s.size[index];
    if (type == ValueType.NULL || size == 0) {
      return;
    }
    int pos = s.pos[index];
    if (type == ValueType.BINXML) {
      embedded(pos, pos + size, sink, depth);
    } else {
      sink.value(chunk.data, type, pos, size);
    }
  }

  /** A BinXml value: a fragment of its own, usually without element dependency ids. */
  private void embedded(int start, int end, BinXmlSink sink, int depth) {
    if (depth + 1 > MAX_DEPTH) {
      throw new EvtxFormatException("BinXml nested deeper than " + MAX_DEPTH);
    }
    fragment(start, end, sink, depth + 1);
  }

  /**
   * BinXml outside template definitions: elements without dependency ids (MS-EVEN6, and what
   * the Rust evtx crate reads); some writers include them, so that reading is the fallback.
   */
  private Fragment compile(int start, int end) {
    try {
      return BinXmlCompiler.compile(chunk, start, end, false);
    } catch (EvtxFormatException e) {
      return BinXmlCompiler.compile(chunk, start, end, true);
    }
  }
}
