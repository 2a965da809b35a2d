package org.sysmontriage.ui.hits;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.common.Choices;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.grid.GridColumn;
import org.sysmontriage.ui.grid.GridParts;
import org.sysmontriage.ui.grid.GridView;

/** The filter bar and the hits table: a window over hit indexes, sorted and filtered by the ViewModel. */
public final class HitsView extends BorderPane {
  private final HitsViewModel vm;
  private final TableView<Integer> table = new TableView<>();
  private final TextField text = TextFields.createClearableTextField();
  private final CaseViewModel caseWork;
  private final GridView<HitTable> grid;
  private final java.util.function.Consumer<String> notice;
  private final java.util.function.BiConsumer<String, String> allow;
  /** "3 of 42 hits" (or why a filter failed) under the table, on a line of its own: never cut to "42…" by the filters. */
  private final Label summary = new Label();

  /**
   * @param allow adds an allowlist entry (event field, value) for the selected hit
   */
  public HitsView(HitsViewModel vm, CaseViewModel caseWork, GridParts parts, java.util.function.BiConsumer<String, String> allow) {
    this.vm = vm;
    this.caseWork = caseWork;
    this.notice = parts.notice();
    this.allow = allow;
    this.grid = new GridView<>("hits", table, vm.grid(), parts.prefs(), parts.time(), parts.runner(), vm.timeRangeProperty(),
        parts.evidence(), parts.notice(), this::cellStyle);
    setTop(new VBox(filterBar(), grid.findNode()));
    setCenter(table());
    setBottom(summary);
  }

  /**
   * At least 24 ems, and as wide as the filters' two rows need at the present text size: the hits | details divider
   * stops there (a fixed 24 ems let the filter rows be squeezed; the timeline's one-line hint held the divider instead).
   */
  @Override
  protected double computeMinWidth(double height) {
    return Math.max(Columns.ems(24), super.computeMinWidth(height));
  }

  /** Puts the cursor in the text filter. */
  public void focusFilter() {
    text.requestFocus();
    text.selectAll();
  }

  /** Ctrl+F: the Find bar over the shown rows. */
  public void find() {
    grid.find();
  }

  public GridView<HitTable> grid() {
    return grid;
  }

  public TableView<Integer> tableView() {
    return table;
  }

  private VBox filterBar() {
    text.setId(Ids.HITS_TEXT);
    text.setPromptText("Filter hits…");
    text.setTooltip(new Tooltip("Keep hits with this text in any column"));
    text.textProperty().bindBidirectional(vm.textProperty());
    text.setPrefColumnCount(14);
    ComboBox<String> host = Choices.filter(Ids.HITS_HOST, "All hosts", vm.hosts(), vm.hostProperty(), s -> s);
    ComboBox<String> analytic = Choices.filter(Ids.HITS_ANALYTIC, "All analytics", vm.analyticIds(), vm.analyticProperty(), vm::analyticLabel);
    analytic.setPrefWidth(Columns.ems(14));
    host.setPrefWidth(Columns.ems(11));
    ComboBox<String> technique = Choices.filter(Ids.HITS_TECHNIQUE, "All techniques", vm.techniques(), vm.techniqueProperty(), s -> s);
    Spinner<Integer> minRisk = new Spinner<>(0, 100, 0, 10);
    minRisk.setId(Ids.HITS_MIN_RISK);
    minRisk.setEditable(true);
    minRisk.setPrefWidth(Columns.ems(5.5));
    minRisk.getValueFactory().valueProperty().bindBidirectional(vm.minRiskProperty().asObject());
    minRisk.setTooltip(new Tooltip("Show only hits with at least this risk (0-100)"));
    Button clear = new Button("", new FontIcon(Material2OutlinedAL.CLEAR));
    clear.setId(Ids.HITS_CLEAR);
    clear.setOnAction(e -> vm.clearFilters());
    clear.setTooltip(new Tooltip("Clear every filter, including the timeline brush"));
    summary.setId(Ids.HITS_SUMMARY);
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add(Styles.MUTED);
    summary.setWrapText(true);
    summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    summary.setPadding(new javafx.geometry.Insets(Columns.ems(0.2), Columns.ems(0.5), Columns.ems(0.2), Columns.ems(0.5)));
    Label riskLabel = new Label("Risk ≥");
    riskLabel.setLabelFor(minRisk);
    HBox risk = new HBox(Columns.ems(0.4), riskLabel, minRisk); // label and spinner wrap together
    risk.setAlignment(Pos.CENTER_LEFT);
    // Two rows whatever the width and text size: the text field shrinks (down to a few letters) and the
    // choices down to their "All ..." label before anything wraps.
    text.setMinWidth(Columns.ems(4));
    for (javafx.scene.control.Control c : java.util.List.of(text, host, analytic, technique)) {
      HBox.setHgrow(c, Priority.SOMETIMES);
    }
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    riskLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    minRisk.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox first = row(text, host, analytic, technique);
    HBox second = row(risk);
    second.getChildren().addAll(grid.tools());
    second.getChildren().add(clear);
    VBox bar = new VBox(first, second);
    bar.getStyleClass().add(Styles.TOOLBAR);
    return bar;
  }

  private static HBox row(javafx.scene.Node... nodes) {
    HBox row = new HBox(Columns.ems(0.5), nodes);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private TableView<Integer> table() {
    table.getStyleClass().add(Styles.BIG_TABLE);
    table.setId(Ids.HITS_TABLE);
    table.setPlaceholder(new Label("No hits match. Clear filters to see every hit."));
    grid.setCellMenu((items, c, h, value) -> {
      items.add(new javafx.scene.control.SeparatorMenuItem());
      javafx.scene.control.MenuItem allow = new javafx.scene.control.MenuItem("Add to allowlist (A)");
      allow.setId("hits-menu-allow");
      allow.setDisable(allowField(c, h) == null);
      allow.setOnAction(e -> allowCursor());
      javafx.scene.control.MenuItem star = new javafx.scene.control.MenuItem(vm.table().bookmarked(h) ? "Remove bookmark (Ctrl+B)" : "Bookmark (Ctrl+B)");
      star.setId("hits-menu-bookmark");
      star.setOnAction(e -> toggleBookmarks());
      items.add(allow);
      items.add(star);
      items.addAll(statusItems());
    });
    table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
      HitStatus s = switch (e.getCode()) {
        case T -> HitStatus.TRUE_POSITIVE;
        case F -> HitStatus.FALSE_POSITIVE;
        case B -> HitStatus.BENIGN;
        case N -> HitStatus.NEW;
        default -> null;
      };
      boolean plain = !e.isShortcutDown() && !e.isAltDown();
      if (s != null && plain) {
        mark(s);
        e.consume();
      } else if (e.getCode() == javafx.scene.input.KeyCode.A && plain && !e.isShiftDown()) {
        allowCursor();
        e.consume();
      } else if (e.getCode() == javafx.scene.input.KeyCode.B && e.isShortcutDown()) {
        toggleBookmarks();
        e.consume();
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, id) -> {
      if (id != null && id >= 0) {
        vm.selectedHitProperty().set(id);
      }
    });
    vm.selectedHitProperty().addListener((o, a, h) -> select(h.intValue()));
    vm.rows().addListener((javafx.collections.ListChangeListener<Integer>) c -> select(vm.selectedHitProperty().get()));
    table.itemsProperty().addListener((o, a, rows) -> select(vm.selectedHitProperty().get())); // the rows given when shown
    return table;
  }

  /** The event field behind a hit's cell, for the allowlist: only columns read from one field qualify. */
  private String allowField(GridColumn<HitTable> c, int h) {
    if (h < 0) {
      return null;
    }
    return switch (c.key()) {
      case "process", "target", "command", "user" -> vm.table().fieldOf(HitColumn.valueOf(c.key().toUpperCase(java.util.Locale.ROOT)), h);
      case "host" -> "Computer";
      default -> null;
    };
  }

  /** Allowlists the value under the keyboard cursor (A) for the hit's analytic. */
  private void allowCursor() {
    Integer h = table.getSelectionModel().getSelectedItem();
    GridColumn<HitTable> c = grid.cursorColumn();
    String field = h == null ? null : allowField(c, h);
    if (field == null) {
      notice.accept("Add to allowlist: move to a Source image, Target, Command line, User or Host cell (Left/Right) first");
      return;
    }
    allow.accept(field, c.textOf(vm.table(), h));
  }

  private void toggleBookmarks() {
    for (Integer h : java.util.List.copyOf(table.getSelectionModel().getSelectedItems())) {
      if (h != null && h >= 0) {
        caseWork.toggleBookmark(h);
      }
    }
    table.refresh();
  }

  private String cellStyle(GridColumn<HitTable> c, int h) {
    if (h >= vm.grid().source().size()) {
      return null; // a cell restyled (selection moved) before its row of the hits shown before was laid out again
    }
    if (c.key().equals("risk") || c.key().equals("severity")) {
      return Styles.severity(vm.grid().source().hit(h).analytic().severity()); // same colour as the timeline dot
    }
    return c.key().equals("bookmark") ? "bookmark" : null;
  }

  private java.util.List<javafx.scene.control.MenuItem> statusItems() {
    java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
    for (HitStatus s : HitStatus.values()) {
      javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Mark " + s.label() + "   (" + s.label().toUpperCase().charAt(0) + ")");
      item.setOnAction(e -> mark(s));
      items.add(item);
    }
    return items;
  }

  /** Sets the verdict of every selected hit. */
  private void mark(HitStatus s) {
    for (Integer h : java.util.List.copyOf(table.getSelectionModel().getSelectedItems())) {
      if (h != null && h >= 0) {
        caseWork.setStatus(h, s);
      }
    }
    table.refresh();
  }

  private void select(int h) {
    Integer current = table.getSelectionModel().getSelectedItem();
    if (h < 0) {
      table.getSelectionModel().clearSelection();
      return;
    }
    if (current != null && current == h) {
      return;
    }
    int row = vm.grid().positionOf(h);
    if (row >= 0) {
      table.getSelectionModel().clearAndSelect(row);
      table.scrollTo(Math.max(0, row - 3));
    }
  }

}
