package org.sysmontriage.ui.importing;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/** The status strip at the bottom: import and analytics progress with Cancel, or the last error. */
public final class ImportBar extends HBox {

  public ImportBar(ImportViewModel vm) {
    setId(Ids.IMPORT_BAR);
    getStyleClass().add(Styles.IMPORT_BAR);
    setAlignment(Pos.CENTER_LEFT);
    Label phase = new Label();
    phase.setId(Ids.IMPORT_PHASE);
    phase.textProperty().bind(vm.phaseProperty());
    ProgressBar bar = new ProgressBar();
    bar.setId(Ids.IMPORT_PROGRESS);
    bar.progressProperty().bind(vm.progressProperty());
    bar.setPrefWidth(220);
    Label detail = new Label();
    detail.setId(Ids.IMPORT_DETAIL);
    detail.textProperty().bind(vm.detailProperty());
    detail.getStyleClass().add(Styles.MUTED);
    detail.setMinWidth(0);
    HBox.setHgrow(detail, Priority.ALWAYS);
    detail.setMaxWidth(Double.MAX_VALUE);
    Button cancel = new Button("Cancel", new FontIcon(Material2OutlinedAL.CANCEL));
    cancel.setId(Ids.IMPORT_CANCEL);
    cancel.setOnAction(e -> vm.cancel());
    Label error = new Label();
    error.setId(Ids.IMPORT_ERROR);
    error.getStyleClass().add(Styles.ERROR_TEXT);
    error.textProperty().bind(vm.errorProperty());
    error.setWrapText(true);
    error.managedProperty().bind(error.visibleProperty());
    error.visibleProperty().bind(vm.errorProperty().isNotEmpty().and(vm.runningProperty().not()));
    // shown from the announcement of an import on (logs named at start), so it is in the window's first frame
    javafx.beans.binding.BooleanBinding shown = vm.runningProperty().or(vm.announcedProperty());
    cancel.disableProperty().bind(vm.runningProperty().not()); // nothing to cancel before the import begins
    for (var n : new javafx.scene.Node[] {phase, bar, detail, cancel}) {
      n.managedProperty().bind(shown);
      n.visibleProperty().bind(shown);
    }
    getChildren().addAll(phase, bar, detail, cancel, error);
    managedProperty().bind(shown.or(vm.errorProperty().isNotEmpty()));
    visibleProperty().bind(managedProperty());
  }
}
