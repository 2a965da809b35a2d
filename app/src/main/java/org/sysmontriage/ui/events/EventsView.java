package org.sysmontriage.ui.events;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.controlsfx.control.textfield.TextFields;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.common.Choices;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.details.DetailsView;
import org.sysmontriage.ui.details.EventSummary;

/** Every event, not only hits: filters, a table over event indexes and the details pane. */
public final class EventsView extends SplitPane {
  private final EventsViewModel vm;
  private final TextField text = TextFields.createClearableTextField();

  public EventsView(EventsViewModel vm, Consumer<String> browser) {
    this.vm = vm;
    BorderPane left = new BorderPane(table(), filterBar(), null, null, null);
    DetailsView details = new DetailsView(Ids.EVENT_DETAILS, vm.details(), browser);
    getItems().addAll(left, details);
    setDividerPositions(0.6);
    SplitPane.setResizableWithParent(details, false);
  }

  public void focusFilter() {
    text.requestFocus();
    text.selectAll();
  }

  private FlowPane filterBar() {
    text.setId(Ids.EVENTS_TEXT);
    text.setPromptText("Search every field (e.g. lsass, a GUID, a hash)");
    text.setPrefColumnCount(24);
    text.setOnAction(e -> vm.textProperty().set(text.getText()));
    text.textProperty().addListener((o, a, b) -> {
      if (b.isEmpty() || vm.store().size() <= EventsViewModel.BACKGROUND_THRESHOLD) {
        vm.textProperty().set(b);
      }
    });
    ComboBox<String> id = Choices.filter(Ids.EVENTS_EVENT_ID, "All EventIDs", vm.eventIds(), vm.eventIdProperty(), SysmonEvents::label);
    ComboBox<String> host = Choices.filter(Ids.EVENTS_HOST, "All hosts", vm.hosts(), vm.hostProperty(), s -> s);
    CheckBox newest = new CheckBox("Newest first");
    newest.selectedProperty().bindBidirectional(vm.newestFirstProperty());
    Label summary = new Label();
    summary.setId(Ids.EVENTS_SUMMARY);
    summary.getStyleClass().add(Styles.MUTED);
    summary.textProperty().bind(vm.summaryProperty());
    FlowPane bar = new FlowPane(text, id, host, newest, summary);
    bar.getStyleClass().add(Styles.TOOLBAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private TableView<Integer> table() {
    TableView<Integer> table = new TableView<>(vm.rows());
    table.getStyleClass().add(Styles.BIG_TABLE);
    table.setId(Ids.EVENTS_TABLE);
    table.setPlaceholder(new Label("No events match."));
    table.getColumns().add(Columns.text("Time (UTC)", e -> HitTable.shortTime(vm.store().ticks(e)), 15));
    table.getColumns().add(Columns.text("EventID", e -> SysmonEvents.label(Integer.toString(vm.store().eventId(e))), 12));
    table.getColumns().add(Columns.text("Host", e -> vm.store().computer(e), 10));
    table.getColumns().add(Columns.text("What", e -> EventSummary.of(vm.store(), e), 40));
    table.getColumns().add(Columns.text("Log", e -> vm.store().source(e).source(), 14));
    table.getColumns().add(Columns.text("Record", e -> Long.toString(vm.store().recordId(e)), 5));
    table.getColumns().forEach(c -> c.setSortable(false));
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> vm.selectedProperty().set(e == null ? -1 : e));
    return table;
  }
}
