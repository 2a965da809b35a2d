package org.sysmontriage.ui.correlations;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.event.Times;
import org.sysmontriage.report.CorrelationRows;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/** Correlation findings above, the hits of the chosen one below; double-click or Enter opens a hit in the Hits view. */
public final class CorrelationsView extends SplitPane {

  public CorrelationsView(CorrelationsViewModel vm) {
    setOrientation(Orientation.VERTICAL);
    ListView<CorrelationFinding> list = new ListView<>(vm.findings());
    list.setId(Ids.CORRELATIONS_LIST);
    list.setPlaceholder(new Label("No correlation findings. Sigma correlation rules (event_count, value_count, temporal) come with\n"
        + "rule folders added in the Analytics library; their findings show here with the hits they group."));
    list.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(CorrelationFinding f, boolean empty) {
        super.updateItem(f, empty);
        setText(empty || f == null ? null : f.rule().title() + "  (" + f.rule().id() + (f.rule().author().isEmpty() ? "" : ", rule by "
            + f.rule().author()) + ")\n" + CorrelationRows.what(f) + " · count " + f.count() + " · " + Times.format(f.firstTicks())
            + " to " + Times.format(f.lastTicks()) + " · " + f.events().size() + (f.events().size() == 1 ? " hit" : " hits"));
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
      if (f != null) {
        vm.selectedProperty().set(f);
      }
    });
    vm.selectedProperty().addListener((o, a, f) -> {
      if (f != null && list.getSelectionModel().getSelectedItem() != f) {
        list.getSelectionModel().select(f);
      }
    });
    TableView<Integer> hits = new TableView<>(vm.hits());
    hits.setId(Ids.CORRELATIONS_HITS);
    hits.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    hits.getColumns().add(Columns.text("Time (UTC)", h -> vm.table().time(h), 13));
    hits.getColumns().add(Columns.text("Host", h -> vm.table().host(h), 10));
    hits.getColumns().add(Columns.text("Rule", h -> vm.table().analytic(h), 16));
    hits.getColumns().add(Columns.text("Risk", h -> Integer.toString(vm.table().risk(h)), 4));
    hits.getColumns().add(Columns.text("User", h -> vm.table().user(h), 10));
    hits.getColumns().add(Columns.text("Process", h -> vm.table().process(h), 16));
    hits.setPlaceholder(new Label("Choose a finding above to see the hits it groups."));
    hits.setOnMouseClicked(e -> {
      Integer h = hits.getSelectionModel().getSelectedItem();
      if (h != null && e.getClickCount() == 2) {
        vm.open(h);
      }
    });
    hits.setOnKeyPressed(e -> {
      Integer h = hits.getSelectionModel().getSelectedItem();
      if (h != null && e.getCode() == KeyCode.ENTER) {
        vm.open(h);
      }
    });
    Label hint = new Label("The hits this finding groups: double-click one (or Enter) to open it in the Hits view.");
    hint.getStyleClass().add(Styles.MUTED);
    VBox.setVgrow(hits, Priority.ALWAYS);
    VBox below = new VBox(hint, hits);
    below.getStyleClass().add("details");
    getItems().addAll(list, below);
    setDividerPositions(0.4);
  }
}
