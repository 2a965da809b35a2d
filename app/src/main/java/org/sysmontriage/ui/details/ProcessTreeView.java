package org.sysmontriage.ui.details;

import org.sysmontriage.ui.common.CellTip;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.ProcessNode;
import org.sysmontriage.ui.common.Styles;

/**
 * A process tree (from {@link org.sysmontriage.incident.ProcessLineage} or an incident): one row per
 * process with its image, id, start time and command line; the whole record in a tooltip. Enter or a
 * double-click opens the node's event.
 */
public final class ProcessTreeView extends TreeView<ProcessNode> {
  private IntConsumer open = e -> {};

  public ProcessTreeView() {
    setShowRoot(false);
    setCellFactory(v -> new NodeCell());
    setOnKeyPressed(k -> {
      TreeItem<ProcessNode> item = getSelectionModel().getSelectedItem();
      if (k.getCode() == KeyCode.ENTER && item != null && item.getValue() != null) {
        open.accept(item.getValue().event());
        k.consume();
      }
    });
    setOnMouseClicked(m -> {
      TreeItem<ProcessNode> item = getSelectionModel().getSelectedItem();
      if (m.getClickCount() == 2 && item != null && item.getValue() != null) {
        open.accept(item.getValue().event());
      }
    });
  }

  /** What Enter / double-click on a node does with its event. */
  public void onOpen(IntConsumer action) {
    open = action;
  }

  /** Shows nodes given depth-first with their depths; selects the marked one when {@code selectMarked}. */
  public void show(List<ProcessNode> nodes, boolean selectMarked) {
    show(ProcessTreeItems.of(nodes), selectMarked);
  }

  /** Shows items made by {@link ProcessTreeItems#of}; selects the marked one when {@code selectMarked}. */
  public void show(ProcessTreeItems<ProcessNode> items, boolean selectMarked) {
    setRoot(items.root());
    if (selectMarked && items.marked() != null) {
      getSelectionModel().select(items.marked());
      scrollTo(Math.max(0, getRow(items.marked()) - 2));
    }
  }

  /** "procdump64.exe  pid 4242  2024-03-01 10:00:05", and the command line on a second line. */
  static String line(ProcessNode p) {
    String image = p.image() == null ? p.id() : shortImage(p.image());
    String time = p.ticks() == Times.UNKNOWN ? "" : "  " + timeOf(p.ticks());
    return (p.marked() ? "\u25b6 " : "") + image + (p.pid() == null ? "" : "  pid " + p.pid()) + time
        + (p.commandLine() == null ? "" : "\n" + p.commandLine());
  }

  static String details(ProcessNode p) {
    return String.join("\n",
        "Image: " + (p.image() == null ? "(not in the logs)" : p.image()),
        "Process id: " + (p.pid() == null ? "-" : p.pid()) + (p.id().startsWith("pid:") ? "" : "   GUID: " + p.id()),
        "Started: " + (p.ticks() == Times.UNKNOWN ? "-" : Times.format(p.ticks())),
        "User: " + (p.user() == null ? "-" : p.user()),
        "Command line: " + (p.commandLine() == null ? "-" : p.commandLine()),
        "Enter or double-click: open this event");
  }

  private static String shortImage(String image) {
    return image.substring(Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/')) + 1);
  }

  private static String timeOf(long ticks) {
    String full = Times.format(ticks);
    return full.length() < 19 ? full : full.substring(0, 19).replace('T', ' ');
  }

  private static final class NodeCell extends TreeCell<ProcessNode> {
    @Override
    protected void updateItem(ProcessNode p, boolean empty) {
      super.updateItem(p, empty);
      Styles.mark(this, Styles.MATCHED, !empty && p != null && p.marked());
      if (empty || p == null) {
        setText(null);
        CellTip.clear(this);
        return;
      }
      setText(line(p));
      CellTip.set(this, () -> details(p));
    }
  }
}
