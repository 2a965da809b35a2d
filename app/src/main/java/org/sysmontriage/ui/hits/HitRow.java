package org.sysmontriage.ui.hits;

import javafx.scene.control.TableRow;
import org.sysmontriage.ui.common.Styles;

/** A row of the hits table; marks the first row of each group when grouping. */
final class HitRow extends TableRow<Integer> {
  private final HitsViewModel vm;

  HitRow(HitsViewModel vm) {
    this.vm = vm;
  }

  @Override
  protected void updateItem(Integer item, boolean empty) {
    super.updateItem(item, empty);
    getStyleClass().remove(Styles.GROUP_START);
    HitColumn group = vm.groupByProperty().get().column();
    int index = getIndex();
    if (empty || item == null || group == null || index <= 0 || index >= vm.rows().size()) {
      return;
    }
    HitTable t = vm.table();
    if (!group.text(t, item).equals(group.text(t, vm.rows().id(index - 1)))) {
      getStyleClass().add(Styles.GROUP_START);
    }
  }
}
