package org.sysmontriage.ui.hits;

import javafx.scene.control.TableCell;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.ui.common.Styles;

/** A risk or severity cell coloured by the hit's severity. */
final class SeverityCell extends TableCell<Integer, String> {
  private final HitsViewModel vm;
  private final HitColumn column;

  SeverityCell(HitsViewModel vm, HitColumn column) {
    this.vm = vm;
    this.column = column;
    getStyleClass().add(Styles.RISK_BADGE);
  }

  @Override
  protected void updateItem(String item, boolean empty) {
    super.updateItem(item, empty);
    getStyleClass().removeIf(s -> s.startsWith(Styles.SEVERITY_PREFIX));
    Integer h = getTableRow() == null ? null : getTableRow().getItem();
    if (empty || item == null || h == null) {
      setText(null);
      return;
    }
    setText(item);
    Severity s = vm.table().hit(h).analytic().severity(); // same colour as the timeline dot
    getStyleClass().add(Styles.severity(s));
  }
}
