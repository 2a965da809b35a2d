package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The timeline's hint on lines between its parts: each line fits the room unless a part alone is wider. */
class HintLinesTest {
  private static final String HINT = "Wheel zoom · drag pan · Shift+drag time range · arrows: dot to dot";
  private static final ToDoubleFunction<String> TEN_PX = s -> 10.0 * s.length();

  @Test
  void theHintStaysOneLineWhereItFits() {
    assertEquals(HINT, HintLines.fit(HINT, 10.0 * HINT.length(), TEN_PX));
    assertEquals(HINT, HintLines.fit(HINT, 0, TEN_PX), "no width yet: as it is");
  }

  @Test
  void aNarrowBarPutsTheHintOnLinesBetweenItsParts() {
    String two = HintLines.fit(HINT, 480, TEN_PX);
    assertEquals("Wheel zoom · drag pan · Shift+drag time range ·\narrows: dot to dot", two);
    for (double room = 120; room < 700; room += 10) {
      String fitted = HintLines.fit(HINT, room, TEN_PX);
      assertEquals(HINT, fitted.replace(" ·\n", " · "), "the same words, only line breaks added");
      for (String line : fitted.split("\n")) {
        assertTrue(TEN_PX.applyAsDouble(line) <= room || !line.contains(" · "), "line \"" + line + "\" in " + room + " px");
      }
    }
  }

  @Test
  void aMessageWithoutPartsIsLeftToWrapAtSpaces() {
    String failure = "The timeline could not be drawn: the worker ran out of room";
    assertEquals(failure, HintLines.fit(failure, 100, TEN_PX));
  }
}
