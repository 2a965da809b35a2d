package org.sysmontriage.ingest.evtx;

/** The BinXml value types (MS-EVEN6 and libyal's EVTX documentation). {@link #ARRAY} is a flag. */
final class ValueType {
  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int INT8 = 0x03;
  static final int UINT8 = 0x04;
  static final int INT16 = 0x05;
  static final int UINT16 = 0x06;
  static final int INT32 = 0x07;
  static final int UINT32 = 0x08;
  static final int INT64 = 0x09;
  static final int UINT64 = 0x0a;
  static final int REAL32 = 0x0b;
  static final int REAL64 = 0x0c;
  static final int BOOL = 0x0d;
  static final int BINARY = 0x0e;
  static final int GUID = 0x0f;
  static final int SIZE_T = 0x10;
  static final int FILETIME = 0x11;
  static final int SYSTEMTIME = 0x12;
  static final int SID = 0x13;
  static final int HEX_INT32 = 0x14;
  static final int HEX_INT64 = 0x15;
  static final int EVT_HANDLE = 0x20;
  static final int BINXML = 0x21;
  static final int EVT_XML = 0x23;
  static final int ARRAY = 0x80;

  private ValueType() {}

  /** Size in bytes of one element of a fixed-size type; 0 for variable-size types. */
  static int fixedSize(int type) {
    switch (type & 0x7f) {
      case INT8: case UINT8: return 1;
      case INT16: case UINT16: return 2;
      case INT32: case UINT32: case REAL32: case BOOL: case HEX_INT32: return 4;
      case INT64: case UINT64: case REAL64: case FILETIME: case HEX_INT64: return 8;
      case GUID: case SYSTEMTIME: return 16;
      default: return 0;
    }
  }
}
