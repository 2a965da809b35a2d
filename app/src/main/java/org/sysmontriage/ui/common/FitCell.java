package org.sysmontriage.ui.common;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;

/**
 * A read-only text cell that never hides what matters: a one-line path that does not fit is shortened in the
 * middle ({@code C:\Users\...\procdump64.exe}, the file name kept), other text is cut with its end kept when
 * {@code keepEnd} is set (file names keep their extension) and, whenever anything is cut, the whole value is in
 * the table's tooltip while the pointer is on the cell ({@link CellTip}).
 */
public final class FitCell<T> extends TableCell<T, String> {
  private static final Text MEASURE = new Text();
  private final boolean keepEnd;

  public FitCell(boolean keepEnd) {
    this.keepEnd = keepEnd;
    widthProperty().addListener((o, a, b) -> show());
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    show();
  }

  private void show() {
    String item = getItem();
    if (isEmpty() || item == null) {
      setText(null);
      CellTip.clear(this);
      return;
    }
    double room = getWidth() - snappedLeftInset() - snappedRightInset();
    MEASURE.setFont(getFont());
    boolean tooLong = item.length() > PathText.LONGEST_SHOWN;
    String value = PathText.bounded(item); // no text layout of a multi-megabyte value
    boolean multiLine = value.indexOf('\n') >= 0;
    String shown = value;
    boolean path = !multiLine && !tooLong && PathText.looksLikePath(item);
    if (path && room > 0) {
      shown = PathText.fit(item, room, FitCell::width);
    }
    setTextOverrun(path || keepEnd ? OverrunStyle.CENTER_ELLIPSIS : OverrunStyle.ELLIPSIS); // a name too long alone keeps its end
    setText(shown);
    boolean cut = multiLine || tooLong || room > 0 && (!shown.equals(item) || width(item) > room + 0.5);
    CellTip.set(this, cut ? item : null);
  }

  private static double width(String s) {
    MEASURE.setText(s);
    return MEASURE.getLayoutBounds().getWidth();
  }
}
