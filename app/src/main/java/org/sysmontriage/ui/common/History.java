package org.sysmontriage.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Back / Forward over the places visited, as a browser keeps them: a visit drops the forward list,
 * a place equal to the current one is not added again, at most {@value #LIMIT} places are kept back.
 */
public final class History<T> {
  static final int LIMIT = 500;
  private final Deque<T> back = new ArrayDeque<>();
  private final Deque<T> forward = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canBack = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canForward = new ReadOnlyBooleanWrapper(false);
  private T current;

  /** Records that {@code place} is now shown. */
  public void visit(T place) {
    if (place == null || place.equals(current)) {
      return;
    }
    if (current != null) {
      back.push(current);
      if (back.size() > LIMIT) {
        back.removeLast();
      }
    }
    forward.clear();
    current = place;
    update();
  }

  /** The place before the current one (which goes on the forward list), or null when there is none. */
  public T back() {
    if (back.isEmpty()) {
      return null;
    }
    forward.push(current);
    current = back.pop();
    update();
    return current;
  }

  /** The place after the current one, or null when there is none. */
  public T forward() {
    if (forward.isEmpty()) {
      return null;
    }
    back.push(current);
    current = forward.pop();
    update();
    return current;
  }

  public T current() {
    return current;
  }

  /** Forgets every place (a new investigation: the old places name other events). */
  public void clear() {
    back.clear();
    forward.clear();
    current = null;
    update();
  }

  public ReadOnlyBooleanProperty canGoBackProperty() {
    return canBack.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canGoForwardProperty() {
    return canForward.getReadOnlyProperty();
  }

  private void update() {
    canBack.set(!back.isEmpty());
    canForward.set(!forward.isEmpty());
  }
}
