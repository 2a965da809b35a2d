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
  /** The list width (in its properties) under which some entry shown has a word that needs breaking. */
  private static final String NEEDS = "wrapping-cell-long-word-needs";
  private final Function<T, String> text;
  private String whole;

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
    // A long word is put on lines between its parts for the list's width (in updateItem only): the entries are made
    // again when the width crosses what a shown entry's widest word needs, or while such a word is broken.
    listViewProperty().addListener((o, a, list) -> {
      if (list != null && list.getProperties().putIfAbsent(NEEDS, 0.0) == null) {
        list.widthProperty().addListener((w, w0, w1) -> {
          if (list.getProperties().get(NEEDS) instanceof Double need && need > Math.min(w0.doubleValue(), w1.doubleValue())) {
            list.refresh();
          }
        });
      }
    });
  }

  @Override
  protected void updateItem(T item, boolean empty) {
    super.updateItem(item, empty);
    whole = empty || item == null ? null : text.apply(item);
    setText(whole == null ? null : broken(whole));
    CellTip.set(this, whole);
  }

  /** The entry's whole text (the shown text may have line breaks between the parts of a long word). */
  public String wholeText() {
    return whole;
  }

  // A word wider than the entry's room (a long host name at large text) goes on lines between its parts: the label
  // wraps the rest at spaces and would break such a word anywhere. Records the list width the widest word needs.
  private String broken(String s) {
    ListView<T> list = getListView();
    if (list == null) {
      return s;
    }
    javafx.scene.text.Font font = getFont();
    double around = list.snappedLeftInset() + list.snappedRightInset() + font.getSize() * 1.5 + snappedLeftInset() + snappedRightInset();
    double need = NameLines.widestWord(s, w -> Fit.textWidth(w, font)) + around;
    if (list.getProperties().get(NEEDS) instanceof Double old && need > old) {
      list.getProperties().put(NEEDS, need);
    }
    double room = list.getWidth() - around;
    return list.getWidth() <= 0 || need <= list.getWidth() ? s : NameLines.breakLongWords(s, room, w -> Fit.textWidth(w, font));
  }

  // A cell laid out shorter than its lines (measured before a font or width change the list did not see, or
  // before its entry's long words were put on lines for the new width) has the list measure its cells again: at most
  // HEALS times per list width, text size and entry text, so it can never loop. Once was not always enough: after
  // Ctrl+= with the cursor outside the list, a refresh could measure the cells before their new text size had reached
  // them, and the entry stayed cut ("... UTC  4…") for good.
  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    ListView<T> list = getListView();
    if (list != null && getText() != null && getWidth() > 0 && getHeight() + 0.5 < computePrefHeight(getWidth())) {
      String at = list.getWidth() + "/" + getFont().getSize();
      @SuppressWarnings("unchecked")
      java.util.Map<String, java.util.Map<String, Integer>> healed = (java.util.Map<String, java.util.Map<String, Integer>>)
          list.getProperties().computeIfAbsent(HEALED_AT, k -> new java.util.HashMap<String, java.util.Map<String, Integer>>());
      if (!healed.containsKey(at)) {
        healed.clear(); // only the list's present width and text size are kept
      }
      if (healed.computeIfAbsent(at, k -> new java.util.HashMap<>()).merge(getText(), 1, Integer::sum) <= HEALS) {
        javafx.application.Platform.runLater(list::refresh);
      }
    }
  }

  /** How many times a list measures its cells again for one cut entry at one width and text size. */
  private static final int HEALS = 4;

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
