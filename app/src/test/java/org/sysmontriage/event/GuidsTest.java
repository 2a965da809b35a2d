package org.sysmontriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A GUID of the usual form is its two numbers (either case); every other text is not usual. */
class GuidsTest {
  @Test
  void theUsualFormIsTwoNumbersInEitherCase() {
    String upper = "0123ABCD-4567-89EF-FEDC-BA9876543210";
    assertTrue(Guids.usual(upper));
    assertEquals(0x0123ABCD456789EFL, Guids.high(upper));
    assertEquals(0xFEDCBA9876543210L, Guids.low(upper));
    String lower = upper.toLowerCase(java.util.Locale.ROOT);
    assertTrue(Guids.usual(lower));
    assertEquals(Guids.high(upper), Guids.high(lower));
    assertEquals(Guids.low(upper), Guids.low(lower));
    assertEquals(-1L, Guids.high("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    assertEquals(-1L, Guids.low("ffffffff-ffff-ffff-ffff-ffffffffffff"));
    assertEquals(0L, Guids.high("00000000-0000-0000-0000-000000000001"));
    assertEquals(1L, Guids.low("00000000-0000-0000-0000-000000000001"));
  }

  @Test
  void anyOtherTextIsNotUsual() {
    for (String odd : new String[] {"0123ABCD-4567-89EF-FEDC-BA987654321G", "0123ABCD+4567-89EF-FEDC-BA9876543210",
        "0123ABCD-4567-89EF-FEDC-BA98765432100", "0123ABCD-4567-89EF-FEDC-BA987654321", "{0123ABCD-4567-89EF-FEDC-BA98765432}",
        "0123ABCD-4567-89EF-FEDC-BA987654321\uff10", // a fullwidth zero: a digit to Character.digit, not to a GUID
        "0123ABCD-4567-89EF-FEDC-BA987654321\u0663", // an Arabic-Indic three
        "0123ABCD-4567-89EF-FEDCB-A9876543210", "NOT-A-GUID", "", "#"}) {
      assertFalse(Guids.usual(odd), odd);
    }
    assertFalse(Guids.usual(null));
  }
}
