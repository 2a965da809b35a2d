package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StringPoolTest {
  @Test
  void internsEachDistinctStringOnce() {
    StringPool p = new StringPool();
    int a = p.intern("C:\\Windows\\System32\\lsass.exe");
    int b = p.intern("C:\\Windows\\System32\\lsass.exe");
    int c = p.intern("");
    assertEquals(a, b);
    assertNotEquals(a, c);
    assertEquals(2, p.size());
    assertEquals("", p.get(c));
  }

  @Test
  void keepsUnicodeAndManyValuesAcrossPages() {
    StringPool p = new StringPool();
    String big = "x".repeat(700_000);
    for (int i = 0; i < 5; i++) {
      assertEquals(i, p.intern(big + i));
    }
    assertEquals(5, p.intern("Zürich – 東京"));
    p.freeze();
    assertEquals(big + 3, p.get(3));
    assertEquals("Zürich – 東京", p.get(5));
    assertEquals(5, p.find("Zürich – 東京"));
    assertEquals(-1, p.find("absent"));
  }

  @Test
  void refusesNewStringsOnceFrozen() {
    StringPool p = new StringPool();
    p.freeze();
    assertThrows(IllegalStateException.class, () -> p.intern("late"));
  }

  @Test
  void aValueLongerThanAPageGetsAPageOfItsOwnAndValuesAroundItStayWhole() {
    StringPool p = new StringPool();
    int before = p.intern("before");
    String huge = "lsass".repeat(400_000) + "\u00e9";
    int h = p.intern(huge);
    int after = p.intern("after");
    String second = "y".repeat(3_000_000);
    int h2 = p.intern(second);
    int last = p.intern("z".repeat(900_000));
    assertEquals(h, p.intern(huge));
    p.freeze();
    assertEquals("before", p.get(before));
    assertEquals(huge, p.get(h));
    assertEquals("after", p.get(after));
    assertEquals(second, p.get(h2));
    assertEquals("z".repeat(900_000), p.get(last));
    assertEquals(h, p.find(huge));
  }

  @Test
  void smallPagesKeepEveryValueWholeAroundPageEndsAndValuesLongerThanAPage() {
    StringPool p = new StringPool(64);
    java.util.List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      values.add("v" + i + "-" + "x".repeat(i % 90)); // 3 to 95 bytes: some longer than a page
    }
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, p.intern(values.get(i)));
    }
    for (int i = 0; i < values.size(); i++) {
      assertEquals(i, p.intern(values.get(i)), "found again before the freeze");
    }
    p.freeze();
    for (int i = 0; i < values.size(); i++) {
      assertEquals(values.get(i), p.get(i));
      assertEquals(i, p.find(values.get(i)));
    }
  }
}
