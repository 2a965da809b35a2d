package org.sysmontriage.ui.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Read-only text columns sized in ems, so tables scale with the font on big screens. */
public final class Columns {
  private Columns() {}

  public static <T> TableColumn<T, String> text(String title, Function<T, String> text, double ems) {
    TableColumn<T, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() == null ? "" : text.apply(f.getValue())));
    c.setPrefWidth(ems(ems));
    return c;
  }

  /** Pixels of {@code n} ems of the default font. */
  public static double ems(double n) {
    return Em.of(n);
  }
}
