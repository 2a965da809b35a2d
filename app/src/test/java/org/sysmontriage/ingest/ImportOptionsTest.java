package org.sysmontriage.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ImportOptionsTest {
  @Test
  void readsSizesWithBinaryUnits() {
    assertEquals(32L << 30, ImportOptions.size("32g", 1));
    assertEquals(512L << 20, ImportOptions.size(" 512M ", 1));
    assertEquals(1000, ImportOptions.size("1000", 1));
  }

  @Test
  void keepsTheDefaultForAbsentOrNonsenseValues() {
    assertEquals(7, ImportOptions.size(null, 7));
    assertEquals(7, ImportOptions.size("lots", 7));
    assertEquals(7, ImportOptions.size("-5g", 7));
    assertEquals(7, ImportOptions.size("99999999999t", 7));
  }

  @Test
  void defaultsAreEightGibAndTwoHundredToOne() {
    ImportOptions o = ImportOptions.defaults();
    assertEquals(8L << 30, o.maxExpandedBytes());
    assertEquals(200, o.maxRatio());
    assertEquals(1L << 20, o.ratioFloor());
  }

  @Test
  void refusesImpossibleOptions() {
    assertThrows(IllegalArgumentException.class, () -> ImportOptions.defaults().withThreads(0));
  }
}
