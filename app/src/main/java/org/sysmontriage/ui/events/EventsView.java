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
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ui.grid.GridParts;
import org.sysmontriage.ui.grid.GridView;
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
  private final TableView<Integer> table = new TableView<>();
  private final GridView<EventStore> grid;
  private final Consumer<String> notice;

  /**
   * @param bookmark stars or unstars a hit (its index in the shown hit table)
   * @param starEvent stars or unstars an event that is not a hit (its index in the store)
   */
  public EventsView(EventsViewModel vm, Consumer<String> browser, GridParts parts, java.util.function.IntConsumer bookmark,
      java.util.function.IntConsumer starEvent) {
    this.vm = vm;
    this.notice = parts.notice();
    grid = new GridView<>("events", table, vm.grid(), parts.prefs(), parts.time(), parts.runner(), vm.timeRangeProperty(),
        parts.evidence(), parts.notice(), null);
    grid.setCellMenu((items, c, e, value) -> {
      javafx.scene.control.MenuItem star = new javafx.scene.control.MenuItem("Bookmark (Ctrl+B)");
      star.setId("events-menu-bookmark");
      star.setOnAction(x -> toggle(bookmark, starEvent));
      items.add(star);
    });
    table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == javafx.scene.input.KeyCode.B && e.isShortcutDown()) {
        toggle(bookmark, starEvent);
        e.consume();
      }
    });
    BorderPane left = new BorderPane(table(), new javafx.scene.layout.VBox(filterBar(), grid.findNode()), null, null, null);
    DetailsView details = new DetailsView(Ids.EVENT_DETAILS, vm.details(), browser);
    getItems().addAll(left, details);
    setDividerPositions(0.6);
    SplitPane.setResizableWithParent(details, false);
  }

  public void focusFilter() {
    text.requestFocus();
    text.selectAll();
  }

  /** Ctrl+F: the Find bar over the shown events. */
  public void find() {
    grid.find();
  }

  public GridView<EventStore> grid() {
    return grid;
  }

  private int hitOf(int e) {
    HitTable t = vm.hits();
    return e >= 0 && t.store() == vm.store() ? t.hitOfEvent(e) : -1;
  }

  // A hit's star is its bookmark tag (with its other tags); any other event's star is kept in the case's bookmarks.
  private void toggle(java.util.function.IntConsumer bookmark, java.util.function.IntConsumer starEvent) {
    for (Integer e : java.util.List.copyOf(table.getSelectionModel().getSelectedItems())) {
      if (e == null || e < 0) {
        continue;
      }
      int h = hitOf(e);
      if (h >= 0) {
        bookmark.accept(h);
      } else {
        starEvent.accept(e);
      }
    }
    table.refresh();
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
    FlowPane bar = new FlowPane(text, id, host, newest);
    bar.getChildren().addAll(grid.tools());
    bar.getChildren().add(summary);
    bar.getStyleClass().add(Styles.TOOLBAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private TableView<Integer> table() {
    table.getStyleClass().add(Styles.BIG_TABLE);
    table.setId(Ids.EVENTS_TABLE);
    table.setPlaceholder(new Label("No events match."));
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
      if (table.getItems() == vm.grid().rows()) { // not the rows taken away while the tab is hidden (ShownItems)
        vm.selectedProperty().set(e == null || e < 0 ? -1 : e);
      }
    });
    vm.selectedProperty().addListener((o, a, e) -> select(e.intValue())); // Back / Forward set it
    table.itemsProperty().addListener((o, a, rows) -> select(vm.selectedProperty().get())); // the rows given when shown
    return table;
  }

  private void select(int e) {
    Integer current = table.getSelectionModel().getSelectedItem();
    if (e < 0 || current != null && current == e) {
      return;
    }
    int row = vm.grid().positionOf(e);
    if (row >= 0) {
      table.getSelectionModel().clearAndSelect(row);
      table.scrollTo(Math.max(0, row - 3));
    }
  }
}
