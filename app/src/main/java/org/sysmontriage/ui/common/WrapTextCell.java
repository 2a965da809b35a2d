package org.sysmontriage.ui.common;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A read-only text cell that puts its text on more lines at the column's width instead of cutting it, and the
 * row grows to hold them. Only for small tables without a fixed row height. By default the text wraps itself (a
 * field's value in the details; a word longer than the column goes on lines between its parts, {@code
 * 2019-06-21T} / {@code 07:35:37.1010000Z}, and only a part longer than the column is broken); with a {@link Layout} the cell takes
 * its lines from it (a field's name, broken between its words only: {@link NameLines}).
 */
public final class WrapTextCell<T> extends TableCell<T, String> {
  /** Style class of the wrapped text (the cell's own text fill is given to it). */
  public static final String TEXT = "wrap-text";
  private final Text text = new Text();
  private final Layout layout;

  /** Lays a value out on lines for {@code room} px of the column (0: the width is not known yet) in {@code font}. */
  public interface Layout {
    NameLines.Shown lines(String value, double room, javafx.scene.text.Font font);
  }

  public WrapTextCell() {
    this(null);
  }

  /**
   * A cell for a name (a host, a user): on one line when it fits, else on lines between its words ({@code
   * insecurebank\ / Administrator}); a word wider than the column is cut with the whole name in the tooltip.
   */
  public static <T> WrapTextCell<T> names() {
    return new WrapTextCell<>((v, room, font) -> NameLines.lines(v, room, t -> Fit.textWidth(t, font)));
  }

  /** A cell whose lines {@code layout} chooses (null: the text wraps itself at the column's width). */
  public WrapTextCell(Layout layout) {
    this.layout = layout;
    text.getStyleClass().add(TEXT);
    text.fontProperty().bind(fontProperty());
    text.fillProperty().bind(textFillProperty());
    // wrapped at the column's width: known when the row is first measured (the cell's own width is not yet)
    javafx.beans.InvalidationListener relayout = o -> show(getItem());
    tableColumnProperty().addListener((o, a, c) -> {
      text.wrappingWidthProperty().unbind();
      if (a != null) {
        a.widthProperty().removeListener(relayout);
      }
      if (c != null && layout == null) {
        text.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
            () -> wrapAt(c.getWidth()), c.widthProperty(), paddingProperty()));
      }
      if (c != null) {
        c.widthProperty().addListener(relayout);
      }
    });
    fontProperty().addListener(relayout);
    paddingProperty().addListener(relayout);
    setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    if (empty || item == null) {
      setGraphic(null);
      CellTip.clear(this);
      return;
    }
    setGraphic(text);
    show(item);
  }

  private void show(String item) {
    if (item == null || isEmpty()) {
      return;
    }
    if (layout != null) {
      NameLines.Shown shown = layout.lines(item, getTableColumn() == null ? 0 : wrapAt(getTableColumn().getWidth()), getFont());
      text.setText(shown.text());
      if (shown.cut()) {
        CellTip.set(this, item);
      } else {
        CellTip.clear(this);
      }
      return;
    }
    // a long word (a timestamp, a path, a host) on lines between its parts, never broken inside a part that fits
    double room = getTableColumn() == null ? 0 : wrapAt(getTableColumn().getWidth());
    javafx.scene.text.Font font = getFont();
    text.setText(NameLines.breakLongWords(PathText.bounded(item), room, w -> Fit.textWidth(w, font), font.getSize()));
    // a hostile multi-megabyte value is not laid out whole: the cell says how much it shows
    if (item.length() <= PathText.LONGEST_SHOWN) {
      CellTip.clear(this);
    } else {
      CellTip.set(this, String.format("The first %,d of %,d characters (the Raw tab has the whole record)", PathText.LONGEST_SHOWN, item.length()));
    }
  }

  // Before the column has a width the text does not wrap at all: wrapping at 1 px would put every character
  // on a line of its own, and a row measured then stayed that tall (a "RuleName" row of 200 px).
  private double wrapAt(double columnWidth) {
    double room = columnWidth - snappedLeftInset() - snappedRightInset() - 1;
    return room > 1 ? room : 0;
  }

  // The row asks its cells' heights before laying them out: the height of the text wrapped at the column's width.
  @Override
  protected double computePrefHeight(double width) {
    double own = super.computePrefHeight(width);
    if (getGraphic() != text || getTableColumn() == null) {
      return own;
    }
    return Math.max(own, Math.ceil(text.getLayoutBounds().getHeight() + snappedTopInset() + snappedBottomInset()));
  }

  /** The text shown (for tests). */
  public Text shown() {
    return text;
  }
}
