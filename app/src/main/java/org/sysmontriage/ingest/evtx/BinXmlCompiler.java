package org.sysmontriage.ingest.evtx;

import static org.sysmontriage.ingest.evtx.BinXmlToken.*;

/**
 * Reads a BinXml token stream (a record's, a template definition's, or a BinXml substitution
 * value's) into a {@link Fragment}. Every read is bounds-checked against {@code end}; names and
 * template definitions are resolved through the chunk's tables by chunk-relative offset.
 */
final class BinXmlCompiler {
  private BinXmlCompiler() {}

  /**
   * Compiles the tokens in {@code chunk.data[pos, end)} up to the end-of-stream token.
   * Elements in template definitions and record streams carry a dependency id; elements inside
   * BinXml substitution values do not ({@code hasDependencyId}).
   */
  static Fragment compile(Chunk chunk, int pos, int end, boolean hasDependencyId) {
    byte[] b = chunk.data;
    Fragment.Builder out = new Fragment.Builder();
    while (pos < end) {
      int token = Le.u8(b, pos);
      int type = token & ~MORE_FLAG;
      pos++;
      switch (type) {
        case END_OF_STREAM:
          return out.build();
        case OPEN_START_ELEMENT:
          pos = openElement(chunk, pos, end, hasDependencyId, (token & MORE_FLAG) != 0, out);
          break;
        case CLOSE_START_ELEMENT: out.op(Fragment.CLOSE_START); break;
        case CLOSE_EMPTY_ELEMENT: out.op(Fragment.CLOSE_EMPTY); break;
        case END_ELEMENT: out.op(Fragment.END); break;
        case VALUE: pos = value(b, pos, end, out); break;
        case ATTRIBUTE: pos = named(chunk, pos, end, Fragment.ATTR, out); break;
        case CDATA: pos = text(b, pos, end, Fragment.CDATA, out); break;
        case CHAR_REF:
          Le.need(pos, 2, end);
          out.op(Fragment.CHAR_REF, Le.u16(b, pos));
          pos += 2;
          break;
        case ENTITY_REF: pos = named(chunk, pos, end, Fragment.ENTITY_REF, out); break;
        case PI_TARGET: pos = processingInstruction(chunk, pos, end, out); break;
        case TEMPLATE_INSTANCE: pos = templateInstance(chunk, pos, end, out); break;
        case NORMAL_SUBSTITUTION: case OPTIONAL_SUBSTITUTION:
          Le.need(pos, 3, end);
          out.op(Fragment.SUBST, Le.u16(b, pos), Le.u8(b, pos + 2), type == OPTIONAL_SUBSTITUTION ? 1 : 0);
          pos += 3;
          break;
        case FRAGMENT_HEADER:
          Le.need(pos, 3, end);
          pos += 3;
          break;
        default:
          throw new EvtxFormatException("unknown BinXml token 0x" + Integer.toHexString(token) + " at 0x" + Integer.toHexString(pos - 1));
      }
    }
    return out.build(); // no end-of-stream token before the end of data: tolerated
  }

  private static int openElement(Chunk chunk, int pos, int end, boolean depId, boolean hasAttributes, Fragment.Builder out) {
    int skip = depId ? 2 : 0;
    Le.need(pos, skip + 4, end);
    pos += skip + 4; // dependency id, data size
    pos = named(chunk, pos, end, Fragment.OPEN, out);
    if (hasAttributes) {
      Le.need(pos, 4, end);
      pos += 4; // attribute list size
    }
    return pos;
  }

  /** A name reference: offset into the chunk; the name itself follows inline when it points here. */
  private static int named(Chunk chunk, int pos, int end, int op, Fragment.Builder out) {
    Le.need(pos, 4, end);
    long offset = Le.u32(chunk.data, pos);
    pos += 4;
    String name = chunk.name(offset);
    if (offset == pos) {
      pos += Chunk.nameSize(name);
      Le.need(pos, 0, end);
    }
    out.op(op, out.string(name));
    return pos;
  }

  private static int value(byte[] b, int pos, int end, Fragment.Builder out) {
    Le.need(pos, 3, end);
    int type = Le.u8(b, pos);
    if (type != ValueType.STRING) {
      throw new EvtxFormatException("value token of type 0x" + Integer.toHexString(type));
    }
    return text(b, pos + 1, end, Fragment.TEXT, out);
  }

  private static int text(byte[] b, int pos, int end, int op, Fragment.Builder out) {
    Le.need(pos, 2, end);
    int chars = Le.u16(b, pos);
    Le.need(pos + 2, chars * 2, end);
    out.op(op, out.string(Le.utf16(b, pos + 2, chars)));
    return pos + 2 + chars * 2;
  }

  private static int processingInstruction(Chunk chunk, int pos, int end, Fragment.Builder out) {
    Fragment.Builder target = new Fragment.Builder();
    pos = named(chunk, pos, end, Fragment.PI, target);
    String name = target.build().strings[0];
    String data = "";
    if (pos < end && Le.u8(chunk.data, pos) == PI_DATA) {
      Le.need(pos + 1, 2, end);
      int chars = Le.u16(chunk.data, pos + 1);
      Le.need(pos + 3, chars * 2, end);
      data = Le.utf16(chunk.data, pos + 3, chars);
      pos += 3 + chars * 2;
    }
    out.op(Fragment.PI, out.string(name), out.string(data));
    return pos;
  }

  /**
   * A template instance: the definition's offset (the definition itself follows inline the first
   * time a chunk uses it), then the substitution array, which is skipped here and read per walk.
   */
  private static int templateInstance(Chunk chunk, int pos, int end, Fragment.Builder out) {
    Le.need(pos, 9, end);
    long defOffset = Le.u32(chunk.data, pos + 5);
    pos += 9;
    if (defOffset == pos) {
      pos = Templates.skipDefinition(chunk, pos, end);
    }
    out.op(Fragment.TEMPLATE, (int) defOffset, pos);
    return Substitutions.skip(chunk.data, pos, end);
  }
}
