package org.sysmontriage.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A read-only text cell that wraps onto more lines at the column's width instead of cutting its text (a
 * field's name and value in the details; a word longer than the column is broken), and the row grows to hold
 * them. Only for small tables without a fixed row height.
 */
public final class WrapTextCell<T> extends TableCell<T, String> {
  /** Style class of the wrapped text (the cell's own text fill is given to it). */
  public static final String TEXT = "wrap-text";
  private final Text text = new Text();

  public WrapTextCell() {
    text.getStyleClass().add(TEXT);
    text.fontProperty().bind(fontProperty());
    text.fillProperty().bind(textFillProperty());
    text.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> Math.max(1, getWidth() - snappedLeftInset() - snappedRightInset() - 1), widthProperty(), paddingProperty()));
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      setGraphic(null);
      setTooltip(null);
      return;
    }
    text.setText(PathText.bounded(item));
    setGraphic(text);
    // a hostile multi-megabyte value is not laid out whole: the cell says how much it shows
    setTooltip(item.length() <= PathText.LONGEST_SHOWN ? null : new javafx.scene.control.Tooltip(String.format(
        "The first %,d of %,d characters (the Raw tab has the whole record)", PathText.LONGEST_SHOWN, item.length())));
  }

  /** The text shown (for tests: it is never cut, only wrapped). */
  public Text shown() {
    return text;
  }
}
