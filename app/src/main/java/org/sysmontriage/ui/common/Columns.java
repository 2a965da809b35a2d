package org.sysmontriage.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns sized in ems, so tables scale with the font on big screens; nothing cut is lost. */
public final class Columns {
  private Columns() {}

  /** A column whose cut values show whole in a tooltip and whose paths are shortened in the middle. */
  public static <T> TableColumn<T, String> text(String title, Function<T, String> text, double ems) {
    return text(title, text, ems, false);
  }

  /** As {@link #text(String, Function, double)}; {@code keepEnd}: a value cut short keeps its end (file names). */
  public static <T> TableColumn<T, String> text(String title, Function<T, String> text, double ems, boolean keepEnd) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null ? "" : text.apply(f.getValue())));
    c.setCellFactory(col -> new FitCell<>(keepEnd));
    c.setPrefWidth(ems(ems));
    return c;
  }

  /** The least width of a column headed {@code title} in {@code px} text: its bold title, the sort arrow and padding. */
  public static double headerLeast(String title, double px) {
    javafx.scene.text.Text header = new javafx.scene.text.Text(title == null ? "" : title);
    header.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, px));
    return Math.ceil(header.getLayoutBounds().getWidth() * 1.1 + px * 2.5);
  }

  /** Pixels of {@code n} ems of the default font. */
  public static double ems(double n) {
    return Em.of(n);
  }
}
