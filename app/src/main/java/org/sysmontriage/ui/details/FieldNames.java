package org.sysmontriage.ui.details;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Fit;
import org.sysmontriage.ui.common.NameLines;
import org.sysmontriage.ui.common.WrapTextCell;

/**
 * The Fields table's name column, sized from the names shown: as wide as the widest one, so that
 * {@code Computer} or {@code EventRecordID} reads on one line, and at most {@link #MOST} of the table, so the
 * values keep the rest. A longer name goes on more lines between its words ({@code TargetOutbound /
 * DomainName}); a word that still does not fit is cut with the whole name in the tooltip ({@link NameLines}).
 * Names are measured once per text size (a few dozen per event; the widths are kept).
 */
final class FieldNames {
  /** The share of the table the names may take at most. */
  static final double MOST = 0.4;
  private static final int KEPT = 4_096;
  private final TableView<FieldRow> table;
  private final TableColumn<FieldRow, String> column;
  private final Map<String, Double> widths = new HashMap<>();
  private final Map<String, Double> boldWidths = new HashMap<>();
  private Font font;
  private double padding;
  private boolean fitting;

  FieldNames(TableView<FieldRow> table) {
    this.table = table;
    column = Columns.text("Field", FieldRow::name, 10);
    column.setCellFactory(c -> cell());
    table.getItems().addListener((InvalidationListener) o -> fit());
    table.widthProperty().addListener(o -> fit());
  }

  TableColumn<FieldRow, String> column() {
    return column;
  }

  // The cells tell the column their font and padding (they follow Ctrl+= and the screen's text size).
  private WrapTextCell<FieldRow> cell() {
    WrapTextCell<FieldRow> cell = new WrapTextCell<>(this::lines);
    InvalidationListener styled = o -> measuredAs(cell.getFont(), cell.snappedLeftInset() + cell.snappedRightInset());
    cell.fontProperty().addListener(styled);
    cell.paddingProperty().addListener(styled);
    return cell;
  }

  private NameLines.Shown lines(String name, double room, Font f) {
    return NameLines.lines(name, room, f.equals(font) ? this::width : t -> Fit.textWidth(t, f));
  }

  private void measuredAs(Font f, double pad) {
    if (f == null || f.equals(font) && pad == padding) {
      return;
    }
    if (!f.equals(font)) {
      widths.clear();
      boldWidths.clear();
      font = f;
    }
    padding = pad;
    fit();
  }

  /** The column as wide as the widest name shown (and its padding), at least its header, at most MOST of the table. */
  private void fit() {
    if (font == null || fitting) {
      return; // no cell styled yet: sized when the first one is; or a width set below made a cell ask again
    }
    fitting = true;
    try {
      fitNow();
    } finally {
      fitting = false;
    }
  }

  private void fitNow() {
    double widest = 0;
    for (FieldRow r : table.getItems()) { // a matched field's row is bold (app.css): measured so
      widest = Math.max(widest, r.matched() ? boldWidth(r.name()) : width(r.name()));
    }
    double least = Columns.headerLeast(column.getText(), font.getSize());
    double most = Math.max(least, Math.floor(table.getWidth() * MOST));
    double w = Math.min(most, Math.max(least, Math.ceil(widest + padding + 2)));
    column.setMinWidth(w);
    column.setPrefWidth(w);
    column.setMaxWidth(w);
  }

  private double boldWidth(String s) {
    return measured(boldWidths, s, Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD, font.getSize()));
  }

  private double width(String s) {
    return measured(widths, s, font);
  }

  private static double measured(Map<String, Double> kept, String s, Font f) {
    String shown = s.length() > NameLines.LONGEST ? s.substring(0, NameLines.LONGEST) : s;
    if (kept.size() > KEPT) {
      kept.clear(); // names are log values: the kept widths never grow without end
    }
    return kept.computeIfAbsent(shown, t -> Fit.textWidth(t, f));
  }
}
