package org.sysmontriage.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The whole value of a cut cell, in one tooltip per table, list or tree: the cell under the pointer puts its
 * text in it as the pointer enters. A tooltip is a popup control with its own CSS; building one per cell
 * (hundreds when a table first fills, and again at every update of a list cell) was a large part of the
 * FX thread's time when the window first showed a million events ({@code bench ui}).
 */
public final class CellTip {
  private static final String TIP = "cell-tip";
  private static final String TEXT = "cell-tip-text";
  private static final EventHandler<MouseEvent> ENTERED = e -> {
    Node cell = (Node) e.getSource();
    if (cell instanceof Control c && c.getTooltip() != null && cell.getProperties().get(TEXT) instanceof Supplier<?> text) {
      c.getTooltip().setText(bounded((String) text.get()));
    }
  };

  private CellTip() {}

  /**
   * Shows {@code text} in the owner's tooltip while the pointer is on this cell; null: no tooltip on it.
   * Texts over 4,000 characters are cut there (a tooltip never lays out megabytes).
   */
  public static void set(Cell<?> cell, String text) {
    set(cell, text == null ? null : () -> text);
  }

  /**
   * As {@link #set(Cell, String)}, the text made only when the pointer enters the cell (an incident's
   * headline reads all its steps: not at every update of the list).
   */
  public static void set(Cell<?> cell, Supplier<String> text) {
    if (text == null) {
      clear(cell);
      return;
    }
    cell.getProperties().put(TEXT, text);
    Control owner = owner(cell);
    if (owner == null) {
      return; // not in a control yet: set again on its next update
    }
    Tooltip tip = (Tooltip) owner.getProperties().computeIfAbsent(TIP, k -> tooltip());
    if (!cell.getProperties().containsKey(ENTERED)) {
      cell.getProperties().put(ENTERED, Boolean.TRUE);
      cell.addEventHandler(MouseEvent.MOUSE_ENTERED, ENTERED);
    }
    if (cell.getTooltip() != tip) {
      cell.setTooltip(tip);
    }
    if (cell.isHover()) {
      tip.setText(bounded(text.get())); // the pointer is already on the cell: its own value
    }
  }

  /** No tooltip on this cell (its value fits, or it is empty). */
  public static void clear(Cell<?> cell) {
    cell.getProperties().remove(TEXT);
    if (cell.getTooltip() != null) {
      cell.setTooltip(null);
    }
  }

  /** The text this cell shows in the tooltip, or null when it has none (for tests). */
  public static String text(Cell<?> cell) {
    return cell.getTooltip() != null && cell.getProperties().get(TEXT) instanceof Supplier<?> text ? bounded((String) text.get()) : null;
  }

  private static String bounded(String text) {
    return text.length() > 4000 ? text.substring(0, 4000) + "\u2026" : text;
  }

  private static Control owner(Cell<?> cell) {
    if (cell instanceof TableCell<?, ?> t) {
      return t.getTableView();
    }
    if (cell instanceof ListCell<?> l) {
      return l.getListView();
    }
    if (cell instanceof TreeCell<?> t) {
      return t.getTreeView();
    }
    return null;
  }

  private static Tooltip tooltip() {
    Tooltip tip = new Tooltip();
    tip.setShowDelay(Duration.millis(400));
    tip.setWrapText(true);
    tip.setMaxWidth(900);
    return tip;
  }
}
