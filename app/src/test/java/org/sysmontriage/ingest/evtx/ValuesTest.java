package org.sysmontriage.ingest.evtx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Value decoding on hand-made bytes, rendered as libevtx prints them. */
class ValuesTest {
  private static String render(int type, int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    StringBuilder out = new StringBuilder();
    Values.append(out, b, type, 0, b.length);
    return out.toString();
  }

  @Test
  void filetimeHasNineFractionDigits() {
    long ticks = 131_973_233_813_288_680L;
    int[] b = new int[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (int) (ticks >>> (8 * i)) & 0xff;
    }
    assertEquals("2019-03-17T19:09:41.328868000Z", render(ValueType.FILETIME, b));
  }

  @Test
  void filetimeZeroIsTheEpochOf1601() {
    assertEquals("1601-01-01T00:00:00.000000000Z", render(ValueType.FILETIME, 0, 0, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void systemtimeHasMilliseconds() {
    // year 2019, month 3, day-of-week 5, day 8, 23:23:05.042
    assertEquals("2019-03-08T23:23:05.042Z", render(ValueType.SYSTEMTIME,
        0xe3, 0x07, 3, 0, 5, 0, 8, 0, 23, 0, 23, 0, 5, 0, 42, 0));
  }

  @Test
  void sidIsRevisionAuthorityAndSubAuthorities() {
    assertEquals("S-1-5-18", render(ValueType.SID, 1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0));
    assertEquals("S-1-5-21-1-500", render(ValueType.SID, 1, 3, 0, 0, 0, 0, 0, 5,
        21, 0, 0, 0, 1, 0, 0, 0, 0xf4, 1, 0, 0));
  }

  @Test
  void sidClaimingMoreSubAuthoritiesThanItsBytesIsRefused() {
    assertThrows(EvtxFormatException.class, () -> render(ValueType.SID, 1, 9, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0));
  }

  @Test
  void guidIsBracedUpperCaseWithMixedEndianFields() {
    assertEquals("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}", render(ValueType.GUID,
        0x5f, 0x38, 0x70, 0x57, 0x2a, 0xc2, 0xe0, 0x43, 0xbf, 0x4c, 0x06, 0xf5, 0x69, 0x8f, 0xfb, 0xd9));
  }

  @Test
  void hexIntegersKeepTheirZeroPadding() {
    assertEquals("0x001fffff", render(ValueType.HEX_INT32, 0xff, 0xff, 0x1f, 0));
    assertEquals("0x0000000000001410", render(ValueType.HEX_INT64, 0x10, 0x14, 0, 0, 0, 0, 0, 0));
    assertEquals("0x8000000000000000", render(ValueType.HEX_INT64, 0, 0, 0, 0, 0, 0, 0, 0x80));
  }

  @Test
  void sizeTIsHexOfItsOwnWidth() {
    assertEquals("0x00001000", render(ValueType.SIZE_T, 0, 0x10, 0, 0));
    assertEquals("0x0000000000001000", render(ValueType.SIZE_T, 0, 0x10, 0, 0, 0, 0, 0, 0));
  }

  @Test
  void integersAreSignedOrUnsignedByType() {
    assertEquals("-1", render(ValueType.INT8, 0xff));
    assertEquals("255", render(ValueType.UINT8, 0xff));
    assertEquals("65535", render(ValueType.UINT16, 0xff, 0xff));
    assertEquals("4294967295", render(ValueType.UINT32, 0xff, 0xff, 0xff, 0xff));
    assertEquals("18446744073709551615", render(ValueType.UINT64, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
    assertEquals("-2", render(ValueType.INT64, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
  }

  @Test
  void irregularBoolValuesAreTrue() {
    assertEquals("false", render(ValueType.BOOL, 0, 0, 0, 0));
    assertEquals("true", render(ValueType.BOOL, 1, 0, 0, 0));
    assertEquals("true", render(ValueType.BOOL, 0x2a, 0, 0, 0x80));
  }

  @Test
  void stringsLoseTheirTrailingNul() {
    assertEquals("ab", render(ValueType.STRING, 'a', 0, 'b', 0, 0, 0));
    assertEquals("", render(ValueType.STRING, 0, 0));
  }

  @Test
  void binaryIsUpperCaseHex() {
    assertEquals("00AB10", render(ValueType.BINARY, 0, 0xab, 0x10));
  }

  @Test
  void arraysOfFixedSizeValuesAreJoined() {
    assertEquals("1,2,3", render(ValueType.ARRAY | ValueType.UINT16, 1, 0, 2, 0, 3, 0));
    assertEquals("0x00000001,0x00000002", render(ValueType.ARRAY | ValueType.HEX_INT32, 1, 0, 0, 0, 2, 0, 0, 0));
  }

  @Test
  void stringArraysSplitAtEachNul() {
    assertEquals("a,bc,", render(ValueType.ARRAY | ValueType.STRING, 'a', 0, 0, 0, 'b', 0, 'c', 0, 0, 0, 0, 0));
  }

  @Test
  void aFixedSizeValueShorterThanItsTypeIsRefused() {
    assertThrows(EvtxFormatException.class, () -> render(ValueType.UINT32, 1, 2));
    assertThrows(EvtxFormatException.class, () -> render(ValueType.FILETIME, 1, 2, 3));
  }
}
