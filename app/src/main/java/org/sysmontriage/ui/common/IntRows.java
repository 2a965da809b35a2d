package org.sysmontriage.ui.common;

import java.util.AbstractList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * A read-only observable list over an {@code int[]} of row ids: what a TableView shows for a
 * million rows without a million objects. Only visible cells ever call {@link #get}.
 */
public final class IntRows extends ObservableListBase<Integer> {
  private int[] ids = new int[0];

  @Override
  public Integer get(int index) {
    return ids[index];
  }

  /** The row id at a position, without boxing. */
  public int id(int index) {
    return ids[index];
  }

  @Override
  public int size() {
    return ids.length;
  }

  /** Position of a row id, or -1. */
  public int indexOf(int id) {
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] == id) {
        return i;
      }
    }
    return -1;
  }

  /** The table's selection model looks up its selected item after every change: a scan of ints, not of boxed rows. */
  @Override
  public int indexOf(Object o) {
    return o instanceof Integer id ? indexOf(id.intValue()) : -1;
  }

  @Override
  public boolean contains(Object o) {
    return indexOf(o) >= 0;
  }

  /** The current ids; do not modify. */
  public int[] ids() {
    return ids;
  }

  /**
   * Replaces every row with one change notification, in constant time: the change's removed rows are a view of
   * the old array (JavaFX's change builder copied them one boxed Integer at a time: bench ui at 5M, 342 ms of FX
   * CPU in the pulse that applied an event search's result over 5,000,000 rows).
   */
  public void replace(int[] next) {
    int[] old = ids;
    ids = next;
    if (old.length == 0 && next.length == 0) {
      return; // nothing changed: no notification
    }
    List<Integer> removed = view(old);
    fireChange(new ListChangeListener.Change<>(this) {
      private boolean onChange;

      @Override
      public boolean next() {
        if (onChange) {
          return false;
        }
        onChange = true;
        return true;
      }

      @Override
      public void reset() {
        onChange = false;
      }

      @Override
      public int getFrom() {
        checkOnChange();
        return 0;
      }

      @Override
      public int getTo() {
        checkOnChange();
        return next.length;
      }

      @Override
      public List<Integer> getRemoved() {
        checkOnChange();
        return removed;
      }

      @Override
      protected int[] getPermutation() {
        checkOnChange();
        return new int[0];
      }

      private void checkOnChange() {
        if (!onChange) {
          throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the Change.");
        }
      }
    });
  }

  private static List<Integer> view(int[] old) {
    return new AbstractList<>() {
      @Override
      public Integer get(int index) {
        return old[index];
      }

      @Override
      public int size() {
        return old.length;
      }
    };
  }
}
