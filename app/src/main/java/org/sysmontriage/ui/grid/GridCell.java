package org.sysmontriage.ui.grid;

import java.util.function.BiFunction;
import org.sysmontriage.ui.common.CellTip;
import org.sysmontriage.ui.common.PathText;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A grid cell: paths shortened in the middle, the whole value in the grid's tooltip whenever the cell
 * cuts it ({@link CellTip}), Find matches highlighted, the keyboard's cell cursor shown, and an optional style per row.
 */
final class GridCell<S> extends TableCell<Integer, String> {
  static final String FIND_HIT = "find-hit";
  static final String CURSOR = "cell-cursor";
  private static final Text MEASURE = new Text();
  private final GridView<S> grid;
  private final GridColumn<S> column;
  private final BiFunction<GridColumn<S>, Integer, String> style;
  private String extraStyle;

  GridCell(GridView<S> grid, GridColumn<S> column, BiFunction<GridColumn<S>, Integer, String> style) {
    this.grid = grid;
    this.column = column;
    this.style = style;
    if (column.kind() == GridColumn.Kind.PATH) {
      setTextOverrun(OverrunStyle.LEADING_ELLIPSIS); // if even "...\name" does not fit, keep the name's end
    }
    widthProperty().addListener((o, a, b) -> show());
    setOnMousePressed(e -> grid.cellPressed(this));
  }

  GridColumn<S> column() {
    return column;
  }

  /** The row id of this cell, or null when empty. */
  Integer row() {
    return isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    show();
  }

  void show() {
    Integer row = row();
    String item = getItem();
    if (isEmpty() || item == null || row == null || row < 0) {
      styles(false, false, null);
      setText(null);
      CellTip.clear(this);
      return;
    }
    double room = getWidth() - snappedLeftInset() - snappedRightInset();
    boolean tooLong = item.length() > PathText.LONGEST_SHOWN;
    String value = PathText.bounded(item); // no text layout of a multi-megabyte value
    String shown = value;
    MEASURE.setFont(getFont());
    if (column.kind() == GridColumn.Kind.PATH && room > 0 && !tooLong) {
      shown = PathText.fit(item, room, GridCell::width);
    }
    setText(shown);
    boolean cut = tooLong || room > 0 && (!shown.equals(item) || width(item) > room + 0.5) || item.indexOf('\n') >= 0;
    CellTip.set(this, cut ? item : null);
    styles(grid.findMatches(item), grid.isCursor(this), style == null ? null : style.apply(column, row));
  }

  /**
   * Sets the cell's own style classes, touching the list only where they change: every change of a
   * node's style classes matches its CSS selectors again, and cells are updated on every scroll, sort
   * and filter (removing and adding back the same row style cost a selector pass per cell each time).
   */
  private void styles(boolean findHit, boolean cursor, String extra) {
    styleClass(FIND_HIT, findHit);
    styleClass(CURSOR, cursor);
    if (!java.util.Objects.equals(extra, extraStyle)) {
      if (extraStyle != null) {
        getStyleClass().remove(extraStyle);
      }
      if (extra != null) {
        getStyleClass().add(extra);
      }
      extraStyle = extra;
    }
  }

  private void styleClass(String name, boolean on) {
    boolean has = getStyleClass().contains(name);
    if (on && !has) {
      getStyleClass().add(name);
    } else if (!on && has) {
      getStyleClass().remove(name);
    }
  }

  private static double width(String s) {
    MEASURE.setText(s);
    return MEASURE.getLayoutBounds().getWidth();
  }
}
