package org.sysmontriage.ui.common;

import java.util.function.Function;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A list entry that wraps at the list's width and is as tall as its wrapped lines, with its whole text
 * in a tooltip: never cut at the right, never "…" (a list asks a cell's height before its width is known,
 * so the height is computed for the list's width).
 */
public class WrappingCell<T> extends ListCell<T> {
  private static final String MEASURED_AT = "wrapping-cell-font-size";
  private static final String HEALED_AT = "wrapping-cell-healed-at";
  private final Function<T, String> text;

  public WrappingCell(Function<T, String> text) {
    this.text = text;
    setWrapText(true);
    setPrefWidth(0); // wrap at the list's width instead of scrolling sideways
    // The list keeps its cells' heights: after Ctrl+= they are measured again (once per text size).
    fontProperty().addListener((o, a, f) -> {
      ListView<T> list = getListView();
      if (list != null && !Double.valueOf(f.getSize()).equals(list.getProperties().get(MEASURED_AT))) {
        list.getProperties().put(MEASURED_AT, f.getSize());
        javafx.application.Platform.runLater(list::refresh);
      }
    });
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    String s = empty || item == null ? null : text.apply(item);
    setText(s);
    CellTip.set(this, s);
  }

  // A cell laid out shorter than its lines (measured before a font or width change the list did not see)
  // has the list measure its cells again: once per list width and text size, so it can never loop.
  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    ListView<T> list = getListView();
    if (list != null && getText() != null && getWidth() > 0 && getHeight() + 0.5 < computePrefHeight(getWidth())) {
      String at = list.getWidth() + "/" + getFont().getSize();
      if (!at.equals(list.getProperties().get(HEALED_AT))) {
        list.getProperties().put(HEALED_AT, at);
        javafx.application.Platform.runLater(list::refresh);
      }
    }
  }

  // The theme gives list cells a fixed height (-fx-cell-size, one or two lines): the wrapped lines are
  // measured here instead.
  @Override
  protected double computePrefHeight(double width) {
    ListView<T> list = getListView();
    if (list != null && list.getWidth() > 0) {
      // measured with room for a vertical scroll bar: the list keeps the height when the bar appears later
      double room = list.getWidth() - list.snappedLeftInset() - list.snappedRightInset() - getFont().getSize() * 1.5;
      width = width <= 0 ? room : Math.min(width, room);
    }
    double own = super.computePrefHeight(width);
    if (getText() == null || width <= 0) {
      return own;
    }
    javafx.scene.text.Text t = new javafx.scene.text.Text(getText());
    t.setFont(getFont());
    t.setLineSpacing(getLineSpacing());
    t.setWrappingWidth(Math.max(1, width - snappedLeftInset() - snappedRightInset()));
    return Math.max(own, Math.ceil(t.getLayoutBounds().getHeight() + snappedTopInset() + snappedBottomInset()));
  }
}
