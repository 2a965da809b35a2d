package org.sysmontriage.ui.grid;

import java.util.function.BiFunction;
import org.sysmontriage.ui.common.PathText;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * A grid cell: paths shortened in the middle, the whole value in a tooltip whenever the cell cuts
 * it, Find matches highlighted, the keyboard's cell cursor shown, and an optional style per row.
 */
final class GridCell<S> extends TableCell<Integer, String> {
  static final String FIND_HIT = "find-hit";
  static final String CURSOR = "cell-cursor";
  private static final Text MEASURE = new Text();
  private final GridView<S> grid;
  private final GridColumn<S> column;
  private final BiFunction<GridColumn<S>, Integer, String> style;
  private final Tooltip tip = new Tooltip();
  private String extraStyle;

  GridCell(GridView<S> grid, GridColumn<S> column, BiFunction<GridColumn<S>, Integer, String> style) {
    this.grid = grid;
    this.column = column;
    this.style = style;
    tip.setShowDelay(Duration.millis(400));
    tip.setWrapText(true);
    tip.setMaxWidth(900);
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
    getStyleClass().removeAll(FIND_HIT, CURSOR);
    if (extraStyle != null) {
      getStyleClass().remove(extraStyle);
      extraStyle = null;
    }
    Integer row = row();
    String item = getItem();
    if (isEmpty() || item == null || row == null || row < 0) {
      setText(null);
      setTooltip(null);
      return;
    }
    double room = getWidth() - snappedLeftInset() - snappedRightInset();
    String shown = item;
    MEASURE.setFont(getFont());
    if (column.kind() == GridColumn.Kind.PATH && room > 0) {
      shown = PathText.fit(item, room, GridCell::width);
    }
    setText(shown);
    boolean cut = room > 0 && (!shown.equals(item) || width(item) > room + 0.5) || item.indexOf('\n') >= 0;
    if (cut) {
      tip.setText(item.length() > 4000 ? item.substring(0, 4000) + "…" : item);
      setTooltip(tip);
    } else {
      setTooltip(null);
    }
    if (grid.findMatches(item)) {
      getStyleClass().add(FIND_HIT);
    }
    if (grid.isCursor(this)) {
      getStyleClass().add(CURSOR);
    }
    extraStyle = style == null ? null : style.apply(column, row);
    if (extraStyle != null) {
      getStyleClass().add(extraStyle);
    }
  }

  private static double width(String s) {
    MEASURE.setText(s);
    return MEASURE.getLayoutBounds().getWidth();
  }
}
