package org.sysmontriage.detect.lsass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The LSASS index's process keys: a GUID of the usual form kept as two numbers stands for exactly its text,
 * any other GUID is kept as its text, a PID key never equals a GUID key, the computer counts, and the order
 * agrees with equality (HashMap sorts a bin of keys with equal hash codes by it).
 */
class LsassIndexKeyTest {
  private static final String A = "A";

  @Test
  void aGuidOfTheUsualFormIsItsNumbers() {
    LsassIndex.Key k = LsassIndex.Key.guid(A, "0123ABCD-4567-89EF-FEDC-BA9876543210");
    assertNull(k.text());
    assertEquals(0x0123ABCD456789EFL, k.a());
    assertEquals(0xFEDCBA9876543210L, k.b());
    assertEquals(k, LsassIndex.Key.guid(A, "0123ABCD-4567-89EF-FEDC-BA9876543210"));
    assertNotEquals(k, LsassIndex.Key.guid(A, "0123ABCD-4567-89EF-FEDC-BA9876543211"));
    assertNotEquals(k, LsassIndex.Key.guid("B", "0123ABCD-4567-89EF-FEDC-BA9876543210"));
  }

  @Test
  void anyOtherGuidIsItsText() {
    for (String odd : new String[] {"0123ABCD-4567-89EF-FEDC-BA987654321G", "0123ABCD+4567-89EF-FEDC-BA9876543210",
        "0123ABCD-4567-89EF-FEDC-BA98765432100", "NOT-A-GUID", "#"}) {
      assertEquals(odd, LsassIndex.Key.guid(A, odd).text(), odd);
    }
    assertNotEquals(LsassIndex.Key.guid(A, "NOT-A-GUID"), LsassIndex.Key.guid(A, "NOT-A-GUIE"));
  }

  @Test
  void pidKeysAreApartFromGuidKeys() {
    assertEquals(LsassIndex.Key.pid(A, 624), LsassIndex.Key.pid(A, 624));
    assertNotEquals(LsassIndex.Key.pid(A, 624), LsassIndex.Key.pid(A, 625));
    assertNotEquals(LsassIndex.Key.pid(A, 0), LsassIndex.Key.guid(A, "00000000-0000-0000-0000-000000000000"));
    assertNotEquals(LsassIndex.Key.pid(A, 0), LsassIndex.Key.guid(A, "#"));
  }

  @Test
  void orderAgreesWithEqualityAndKeysOfOneHashStayApart() {
    List<LsassIndex.Key> keys = new ArrayList<>();
    Map<LsassIndex.Key, Integer> map = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      // GUID keys of numbers, PID keys (one computer unknown) and text keys in one map
      String half = String.format("%08X", i);
      keys.add(LsassIndex.Key.guid(A, half + "-0000-0000-0000-0000" + half));
      keys.add(LsassIndex.Key.pid(i % 2 == 0 ? A : null, i));
      keys.add(LsassIndex.Key.guid(A, "X" + i));
    }
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), i);
    }
    assertEquals(keys.size(), map.size());
    for (int i = 0; i < keys.size(); i++) {
      assertEquals(i, map.get(keys.get(i)));
      for (int j = 0; j < keys.size(); j += 7) {
        int c = keys.get(i).compareTo(keys.get(j));
        assertEquals(i == j, c == 0, keys.get(i) + " vs " + keys.get(j));
        assertEquals(Integer.signum(c), -Integer.signum(keys.get(j).compareTo(keys.get(i))));
      }
    }
  }
}
