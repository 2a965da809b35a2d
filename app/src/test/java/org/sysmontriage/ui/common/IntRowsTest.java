package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class IntRowsTest {
  /** What a listener saw: from, to, removed rows, added rows, one entry per sub-change. */
  private static List<String> watch(IntRows rows, List<String> seen) {
    rows.addListener((ListChangeListener<Integer>) c -> {
      while (c.next()) {
        seen.add(c.getFrom() + ".." + c.getTo() + " removed " + c.getRemoved() + " added " + c.getAddedSubList()
            + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
      }
      c.reset();
      assertTrue(c.next(), "a change can be read again after reset");
    });
    return seen;
  }

  @Test
  void aReplaceIsOneChangeThatRemovesEveryOldRowAndAddsEveryNewOne() {
    IntRows rows = new IntRows();
    List<String> seen = watch(rows, new ArrayList<>());
    rows.replace(new int[] {7, 8, 9});
    rows.replace(new int[] {4, 2});
    rows.replace(new int[0]);
    rows.replace(new int[0]);
    assertEquals(List.of(
        "0..3 removed [] added [7, 8, 9] added",
        "0..2 removed [7, 8, 9] added [4, 2] replaced",
        "0..0 removed [4, 2] added [] removed"), seen);
    assertEquals(0, rows.size());
  }

  @Test
  void theRemovedRowsStayTheOldOnesAfterTheNextReplace() {
    IntRows rows = new IntRows();
    rows.replace(new int[] {1, 2, 3});
    List<List<? extends Integer>> removed = new ArrayList<>();
    rows.addListener((ListChangeListener<Integer>) c -> {
      c.next();
      removed.add(c.getRemoved());
      assertFalse(c.next());
    });
    rows.replace(new int[] {5});
    rows.replace(new int[] {6, 7});
    assertEquals(List.of(List.of(1, 2, 3), List.of(5)), removed);
    assertEquals(List.of(6, 7), List.copyOf(rows));
  }

  @Test
  void aChangeIsReadOnlyAfterNext() {
    IntRows rows = new IntRows();
    rows.addListener((ListChangeListener<Integer>) c -> assertThrows(IllegalStateException.class, c::getFrom));
    rows.replace(new int[] {1});
  }
}
