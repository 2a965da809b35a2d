package org.sysmontriage.ingest.evtx;

import java.nio.charset.Charset;
import java.time.LocalDate;

/**
 * Renders BinXml values as text the way libevtx's {@code evtxexport -f xml} prints them, so our
 * fields equal the reference tool's: hex integers keep their zero padding ({@code 0x001fffff}),
 * FILETIME has nine fraction digits, GUIDs are braced upper case, SIDs are {@code S-1-5-18}.
 */
final class Values {
  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
  private static final Charset ANSI = Charset.forName("windows-1252");

  private Values() {}

  /** Appends the value of {@code type} held in {@code b[pos, pos+size)}; BinXml values are the walker's. */
  static void append(StringBuilder out, byte[] b, int type, int pos, int size) {
    if ((type & ValueType.ARRAY) != 0) {
      appendArray(out, b, type & 0x7f, pos, size);
      return;
    }
    switch (type) {
      case ValueType.NULL: return;
      case ValueType.STRING: appendUtf16(out, b, pos, size); return;
      case ValueType.ANSI_STRING: appendAnsi(out, b, pos, size); return;
      case ValueType.BINARY: case ValueType.EVT_HANDLE: case ValueType.EVT_XML: appendHex(out, b, pos, size); return;
      case ValueType.SID: appendSid(out, b, pos, size); return;
      case ValueType.SIZE_T: appendSizeT(out, b, pos, size); return;
      default: appendFixed(out, b, type, pos, size);
    }
  }

  private static void appendFixed(StringBuilder out, byte[] b, int type, int pos, int size) {
    int n = ValueType.fixedSize(type);
    if (n == 0 || size < n) {
      throw new EvtxFormatException("value of type 0x" + Integer.toHexString(type) + " has size " + size);
    }
    switch (type) {
      case ValueType.INT8: out.append(b[pos]); break;
      case ValueType.UINT8: out.append(Le.u8(b, pos)); break;
      case ValueType.INT16: out.append((short) Le.u16(b, pos)); break;
      case ValueType.UINT16: out.append(Le.u16(b, pos)); break;
      case ValueType.INT32: out.append(Le.i32(b, pos)); break;
      case ValueType.UINT32: out.append(Le.u32(b, pos)); break;
      case ValueType.INT64: out.append(Le.i64(b, pos)); break;
      case ValueType.UINT64: out.append(Long.toUnsignedString(Le.i64(b, pos))); break;
      case ValueType.REAL32: out.append(Float.intBitsToFloat(Le.i32(b, pos))); break;
      case ValueType.REAL64: out.append(Double.longBitsToDouble(Le.i64(b, pos))); break;
      case ValueType.BOOL: out.append(Le.i32(b, pos) != 0 ? "true" : "false"); break;
      case ValueType.GUID: appendGuid(out, b, pos); break;
      case ValueType.FILETIME: appendFiletime(out, Le.i64(b, pos)); break;
      case ValueType.SYSTEMTIME: appendSystemtime(out, b, pos); break;
      case ValueType.HEX_INT32: appendHexInt(out, Le.u32(b, pos), 8); break;
      case ValueType.HEX_INT64: appendHexInt(out, Le.i64(b, pos), 16); break;
      default: throw new EvtxFormatException("unknown value type 0x" + Integer.toHexString(type));
    }
  }

  /** UTF-16LE text of {@code size} bytes without its trailing NULs. */
  static void appendUtf16(StringBuilder out, byte[] b, int pos, int size) {
    int chars = size / 2;
    while (chars > 0 && b[pos + 2 * chars - 2] == 0 && b[pos + 2 * chars - 1] == 0) {
      chars--;
    }
    Le.utf16(b, pos, chars, out);
  }

  private static void appendAnsi(StringBuilder out, byte[] b, int pos, int size) {
    int n = size;
    while (n > 0 && b[pos + n - 1] == 0) {
      n--;
    }
    out.append(new String(b, pos, n, ANSI));
  }

  static void appendHex(StringBuilder out, byte[] b, int pos, int size) {
    for (int i = pos; i < pos + size; i++) {
      out.append(HEX_UPPER[(b[i] >> 4) & 0xf]).append(HEX_UPPER[b[i] & 0xf]);
    }
  }

  /** {@code 0x} and {@code digits} lower-case hex digits, zero-padded as Windows writes HexInt32/64. */
  static void appendHexInt(StringBuilder out, long v, int digits) {
    out.append("0x");
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX_LOWER[(int) (v >>> shift) & 0xf]);
    }
  }

  private static void appendSizeT(StringBuilder out, byte[] b, int pos, int size) {
    if (size == 4) {
      appendHexInt(out, Le.u32(b, pos), 8);
    } else if (size == 8) {
      appendHexInt(out, Le.i64(b, pos), 16);
    } else {
      throw new EvtxFormatException("size_t value has size " + size);
    }
  }

  static void appendGuid(StringBuilder out, byte[] b, int pos) {
    out.append('{');
    appendHexUpper(out, Le.u32(b, pos), 8);
    out.append('-');
    appendHexUpper(out, Le.u16(b, pos + 4), 4);
    out.append('-');
    appendHexUpper(out, Le.u16(b, pos + 6), 4);
    out.append('-');
    appendHex(out, b, pos + 8, 2);
    out.append('-');
    appendHex(out, b, pos + 10, 6);
    out.append('}');
  }

  private static void appendHexUpper(StringBuilder out, long v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX_UPPER[(int) (v >>> shift) & 0xf]);
    }
  }

  /** {@code S-1-5-21-...}: revision, 48-bit big-endian authority, little-endian sub-authorities. */
  static void appendSid(StringBuilder out, byte[] b, int pos, int size) {
    if (size < 8) {
      throw new EvtxFormatException("SID of " + size + " bytes");
    }
    int count = Le.u8(b, pos + 1);
    if (8 + 4 * count > size) {
      throw new EvtxFormatException("SID with " + count + " sub-authorities in " + size + " bytes");
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | Le.u8(b, pos + i);
    }
    out.append("S-").append(Le.u8(b, pos)).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      out.append('-').append(Le.u32(b, pos + 8 + 4 * i));
    }
  }

  /** FILETIME (100 ns since 1601) as {@code 2019-03-17T19:09:41.328868000Z}, as libevtx prints it. */
  static void appendFiletime(StringBuilder out, long filetime) {
    long ticks = filetime;
    long days = Long.divideUnsigned(ticks, 864_000_000_000L);
    long rest = Long.remainderUnsigned(ticks, 864_000_000_000L);
    LocalDate date = LocalDate.of(1601, 1, 1).plusDays(Math.min(days, 3_000_000L));
    long secs = rest / 10_000_000L;
    appendDate(out, date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    appendClock(out, (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
    pad(out, rest % 10_000_000L * 100, 9);
    out.append('Z');
  }

  private static void appendSystemtime(StringBuilder out, byte[] b, int pos) {
    appendDate(out, Le.u16(b, pos), Le.u16(b, pos + 2), Le.u16(b, pos + 6));
    appendClock(out, Le.u16(b, pos + 8), Le.u16(b, pos + 10), Le.u16(b, pos + 12));
    pad(out, Le.u16(b, pos + 14), 3);
    out.append('Z');
  }

  private static void appendDate(StringBuilder out, int y, int m, int d) {
    pad(out, y, 4);
    out.append('-');
    pad(out, m, 2);
    out.append('-');
    pad(out, d, 2);
    out.append('T');
  }

  private static void appendClock(StringBuilder out, int h, int m, int s) {
    pad(out, h, 2);
    out.append(':');
    pad(out, m, 2);
    out.append(':');
    pad(out, s, 2);
    out.append('.');
  }

  private static void pad(StringBuilder out, long v, int width) {
    long limit = 1;
    for (int i = 1; i < width; i++) {
      limit *= 10;
      if (v < limit) {
        out.append('0');
      }
    }
    out.append(v);
  }

  /** Arrays: elements separated by commas (strings: NUL-terminated UTF-16 items). */
  private static void appendArray(StringBuilder out, byte[] b, int type, int pos, int size) {
    if (type == ValueType.STRING) {
      appendStringArray(out, b, pos, size);
      return;
    }
    int n = type == ValueType.SID ? 0 : ValueType.fixedSize(type);
    if (n == 0) {
      appendHex(out, b, pos, size);
      return;
    }
    for (int at = pos; at + n <= pos + size; at += n) {
      if (at > pos) {
        out.append(',');
      }
      appendFixed(out, b, type, at, n);
    }
  }

  private static void appendStringArray(StringBuilder out, byte[] b, int pos, int size) {
    int end = pos + (size & ~1);
    int start = pos;
    boolean first = true;
    for (int at = pos; at < end; at += 2) {
      if (b[at] == 0 && b[at + 1] == 0) {
        if (!first) {
          out.append(',');
        }
        Le.utf16(b, start, (at - start) / 2, out);
        first = false;
        start = at + 2;
      }
    }
    if (start < end) {
      if (!first) {
        out.append(',');
      }
      Le.utf16(b, start, (end - start) / 2, out);
    }
  }
}
