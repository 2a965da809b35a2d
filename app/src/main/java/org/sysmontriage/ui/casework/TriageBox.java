package org.sysmontriage.ui.casework;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/** The analyst's verdict on the selected hit: status, tags and notes, kept in the case. */
public final class TriageBox extends VBox {
  private final CaseViewModel vm;
  private final IntegerProperty selectedHit;
  private final ComboBox<HitStatus> status = new ComboBox<>();
  private final TextField tags = new TextField();
  private final TextArea notes = new TextArea();
  private boolean loading;

  public TriageBox(CaseViewModel vm, IntegerProperty selectedHit) {
    this.vm = vm;
    this.selectedHit = selectedHit;
    status.setId(Ids.DETAILS_STATUS);
    status.getItems().setAll(HitStatus.values());
    status.setCellFactory(l -> new StatusCell());
    status.setButtonCell(new StatusCell());
    status.valueProperty().addListener((o, a, b) -> {
      if (!loading && b != null && selectedHit.get() >= 0) {
        vm.setStatus(selectedHit.get(), b);
      }
    });
    tags.setPromptText("tags, comma separated");
    notes.setId(Ids.DETAILS_NOTES);
    notes.setPromptText("Notes for the case (saved with Ctrl+S)");
    notes.setPrefRowCount(1);
    notes.setWrapText(true);
    tags.focusedProperty().addListener((o, a, focused) -> storeNotes(focused));
    notes.focusedProperty().addListener((o, a, focused) -> storeNotes(focused));
    HBox row = new HBox(new Label("Verdict"), status, tags);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add(Styles.TOOLBAR);
    HBox.setHgrow(tags, Priority.ALWAYS);
    getChildren().addAll(row, notes);
    selectedHit.addListener((o, a, b) -> load(b.intValue()));
    vm.onChanged(() -> {
      if (!loading) {
        load(selectedHit.get());
      }
    });
    load(-1);
  }

  private void load(int h) {
    loading = true;
    setVisible(h >= 0);
    setManaged(h >= 0);
    HitTriage t = h < 0 ? HitTriage.NEW : vm.triage(h);
    status.setValue(t.status());
    tags.setText(String.join(", ", t.tags()));
    notes.setText(t.notes());
    loading = false;
  }

  private void storeNotes(boolean focused) {
    if (!focused && !loading && selectedHit.get() >= 0) {
      loading = true;
      vm.setNotes(selectedHit.get(), tags.getText(), notes.getText());
      loading = false;
    }
  }

  private static final class StatusCell extends ListCell<HitStatus> {
    @Override
    protected void updateItem(HitStatus item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.label());
    }
  }
}
