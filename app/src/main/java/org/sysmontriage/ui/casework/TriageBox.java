package org.sysmontriage.ui.casework;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/**
 * The analyst's verdict on the hit the details show: status, tags and notes, written to the case at
 * every keystroke (so a row change or Ctrl+S never loses a word). Hidden when the details show an
 * event that is not a hit.
 */
public final class TriageBox extends VBox {
  private final CaseViewModel vm;
  private final ObservableValue<Hit> shown;
  private final ComboBox<HitStatus> status = new ComboBox<>();
  private final TextField tags = new TextField();
  private final TextArea notes = new TextArea();
  private boolean loading;

  public TriageBox(CaseViewModel vm, ObservableValue<Hit> shown) {
    this.vm = vm;
    this.shown = shown;
    setId(Ids.DETAILS_TRIAGE);
    status.setId(Ids.DETAILS_STATUS);
    status.getItems().setAll(HitStatus.values());
    status.setCellFactory(l -> new StatusCell());
    status.setButtonCell(new StatusCell());
    status.valueProperty().addListener((o, a, b) -> {
      if (!loading && b != null && shown.getValue() != null) {
        vm.setStatus(shown.getValue(), b);
      }
    });
    tags.setId(Ids.DETAILS_TAGS);
    tags.setPromptText("tags");
    tags.setTooltip(new javafx.scene.control.Tooltip("Tags on this hit, comma separated"));
    notes.setId(Ids.DETAILS_NOTES);
    notes.setPromptText("Notes on this hit");
    notes.setTooltip(new javafx.scene.control.Tooltip("Notes on this hit: kept as you type; Ctrl+S saves the case"));
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    tags.textProperty().addListener((o, a, b) -> storeNotes());
    notes.textProperty().addListener((o, a, b) -> storeNotes());
    Label verdict = new Label("Verdict");
    verdict.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    status.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "true positive" whole, never an empty box
    org.sysmontriage.ui.common.Fit.promptWhole(tags);
    status.setTooltip(new javafx.scene.control.Tooltip("Verdict on this hit"));
    status.setAccessibleText("Verdict");
    javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(verdict, status, tags);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add(Styles.TOOLBAR);
    // One row in a narrow pane (large text, small screen): the word "Verdict" gives way first (the choice keeps it
    // as its tooltip), the tags take what is left beside the choice; only when even that is too little do they go
    // under it. Never wider than the row: a field wider than a narrow pane ran past its right edge.
    javafx.beans.binding.DoubleBinding room = javafx.beans.binding.Bindings.createDoubleBinding(
        () -> row.getWidth() - row.snappedLeftInset() - row.snappedRightInset(), row.widthProperty(), row.paddingProperty());
    javafx.beans.binding.BooleanBinding labelled = javafx.beans.binding.Bindings.createBooleanBinding(
        () -> room.get() <= 0 || room.get() >= verdict.prefWidth(-1) + status.prefWidth(-1) + tagsLeast() + 2 * row.getHgap(),
        room, verdict.fontProperty(), status.widthProperty(), tags.minWidthProperty(), row.hgapProperty());
    verdict.visibleProperty().bind(labelled);
    verdict.managedProperty().bind(labelled);
    tags.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
      double most = Math.min(tags.getFont().getSize() * 14, room.get());
      // laid out on whole pixels: a px of slack per part, or the row would wrap by a fraction
      double beside = Math.floor(room.get() - Math.max(status.prefWidth(-1), status.getWidth()) - row.getHgap() - 2
          - (labelled.get() ? verdict.prefWidth(-1) + row.getHgap() + 1 : 0));
      return Math.max(tags.getMinWidth(), beside >= tagsLeast() ? Math.min(most, beside) : most);
    }, tags.fontProperty(), room, labelled, status.widthProperty(), tags.minWidthProperty(), row.hgapProperty()));
    getChildren().addAll(row, notes);
    shown.addListener((o, a, b) -> load(b));
    vm.onChanged(() -> {
      if (!loading) {
        load(shown.getValue());
      }
    });
    load(null);
  }

  /** The tags field beside the verdict choice at least this wide: its prompt and half a letter more. */
  private double tagsLeast() {
    return tags.getMinWidth() + tags.getFont().getSize() * 0.5;
  }

  /** The notes box one line tall while {@code compact} (a short details pane), else two. */
  public void compactWhen(javafx.beans.value.ObservableBooleanValue compact) {
    notes.prefRowCountProperty().bind(javafx.beans.binding.Bindings.when(compact).then(1).otherwise(2));
  }

  private void load(Hit hit) {
    loading = true;
    setVisible(hit != null);
    setManaged(hit != null);
    HitTriage t = hit == null ? HitTriage.NEW : vm.triage(hit);
    status.setValue(t.status());
    tags.setText(String.join(", ", t.tags()));
    notes.setText(t.notes());
    loading = false;
  }

  private void storeNotes() {
    if (!loading && shown.getValue() != null) {
      loading = true;
      try {
        vm.setNotes(shown.getValue(), tags.getText(), notes.getText());
      } finally {
        loading = false;
      }
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
