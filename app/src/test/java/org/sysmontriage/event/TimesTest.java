package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimesTest {
  @Test
  void parsesTheExportShapesToTheSameInstant() {
    long t = Times.parse("2019-10-27T05:45:39.851Z");
    assertEquals(t, Times.parse("2019-10-27 05:45:39.851"));
    assertEquals(t, Times.parse("2019-10-27 05:45:39.8510000"));
    assertEquals(t, Times.parse("2019-10-27T07:45:39.851+02:00"));
    assertEquals("2019-10-27T05:45:39.8510000Z", Times.format(t));
  }

  @Test
  void keepsHundredNanosecondPrecision() {
    assertEquals("2024-10-20T17:36:37.3770986Z", Times.format(Times.parse("2024-10-20 17:36:37.3770986")));
  }

  @Test
  void unknownShapesAreUnknown() {
    assertEquals(Times.UNKNOWN, Times.parse("yesterday"));
    assertEquals(Times.UNKNOWN, Times.parse(null));
    assertEquals("", Times.format(Times.UNKNOWN));
  }

  @Test
  void convertsFiletime() {
    assertEquals(0, Times.fromFiletime(Times.FILETIME_EPOCH_DELTA));
    assertEquals("1970-01-01T00:00:01.0000000Z", Times.format(Times.fromEpochMillis(1000)));
  }
}
