package org.sysmontriage.ui.grid;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Skin;
import javafx.scene.control.TableRow;
import javafx.scene.control.skin.TableRowSkin;

/** A grid row; a group header row shows one label across the row ("▾ Host: WKS-01 (12)") instead of cells. */
final class GridRow extends TableRow<Integer> {
  static final String GROUP_HEADER = "group-header";
  private final GridModel<?> model;
  private final Label banner = new Label();

  GridRow(GridModel<?> model, Runnable onHeaderClick) {
    this.model = model;
    banner.getStyleClass().add("group-header-label");
    banner.setManaged(false);
    banner.setVisible(false);
    banner.setOnMouseClicked(e -> {
      if (isHeader()) {
        model.toggleGroup(getItem());
        onHeaderClick.run();
        e.consume();
      }
    });
  }

  boolean isHeader() {
    return !isEmpty() && getItem() != null && getItem() < 0;
  }

  @Override
  protected void updateItem(Integer item, boolean empty) {
    super.updateItem(item, empty);
    getStyleClass().remove(GROUP_HEADER);
    if (isHeader()) {
      getStyleClass().add(GROUP_HEADER);
      banner.setText(model.groupLabel(item));
    }
    requestLayout();
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new TableRowSkin<>(this) {
      @Override
      protected void layoutChildren(double x, double y, double w, double h) {
        super.layoutChildren(x, y, w, h);
        boolean header = isHeader();
        if (header && !getChildren().contains(banner)) {
          getChildren().add(banner);
        }
        for (Node n : getChildren()) {
          if (n != banner) {
            n.setVisible(!header);
          }
        }
        banner.setVisible(header);
        if (header) {
          banner.resizeRelocate(x, y, Math.max(w, banner.prefWidth(h)), h);
        }
      }
    };
  }
}
