package org.sysmontriage.ui.common;

import java.util.function.Predicate;
import javafx.scene.control.TableRow;

/** A table row that carries a style class while its item passes a test ({@link Styles#mark}). */
public class MarkedRow<T> extends TableRow<T> {
  private final String styleClass;
  private final Predicate<? super T> marked;

  public MarkedRow(String styleClass, Predicate<? super T> marked) {
    this.styleClass = styleClass;
    this.marked = marked;
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    Styles.mark(this, styleClass, !empty && item != null && marked.test(item));
  }
}
