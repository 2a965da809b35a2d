package org.sysmontriage.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;

/**
 * The rows of a table or list handed to it only while it shows. A table on a tab behind the shown one still
 * runs its layout when its rows change (a parent lays out every dirty child, whatever its own layout does),
 * and its skin then makes and styles a row of cells to estimate the rows' height: bench ui measured the
 * Sources, Hosts and Users tables and the start page's recent list doing that in the pulse after an import,
 * none of them seen. Here a table that does not show holds no rows; it gets the list in the first pulse it
 * shows in ({@link WhenShown}) and then follows it while it shows. Rows that change while it is hidden empty
 * it again (its selection goes with them, as it would with rows replaced).
 */
public final class ShownItems {
  private ShownItems() {}

  /** Binds {@code items} (a TableView's or ListView's) to {@code rows} while {@code view} shows. */
  public static <T> void bind(ObjectProperty<ObservableList<T>> items, ObservableList<T> rows, Node view) {
    ObservableList<T> none = FXCollections.emptyObservableList();
    WhenShown whenShown = new WhenShown(view);
    Runnable give = () -> items.set(rows);
    items.set(none);
    whenShown.run(give);
    rows.addListener((ListChangeListener<T>) c -> {
      if (!WhenShown.showing(view)) {
        items.set(none);
        whenShown.run(give);
      }
    });
  }
}
