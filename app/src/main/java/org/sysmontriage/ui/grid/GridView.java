package org.sysmontriage.ui.grid;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.Times;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.report.CsvReportWriter;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Em;
import org.sysmontriage.ui.common.Fit;
import org.sysmontriage.ui.common.TaskRunner;

/**
 * What the hits table and the Events view share, Timeline Explorer style: a filter row under the
 * headers, a right-click menu on cells, a column chooser kept between sessions, multi-column sort
 * (Shift+click), grouping with collapsible headers, Ctrl+C as TSV, CSV export of the filtered
 * view, Find with highlighting, display time zone, a typed time range and "go to time".
 * Long work (export, find over many rows, copying many rows) runs on the task runner.
 */
public final class GridView<S> {
  /** Extra right-click items of one grid (the hits' verdicts and allowlist). */
  public interface CellMenu<S> {
    void add(List<MenuItem> items, GridColumn<S> column, int row, String value);
  }

  /** Above this many rows, Find and Copy run on a worker thread. */
  static final int BACKGROUND_ROWS = 20_000;
  private static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin",
      "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney");

  private final String name;
  private final TableView<Integer> table;
  private final GridModel<S> model;
  private final GridPrefs prefs;
  private final DisplayTime time;
  private final TaskRunner runner;
  private final Supplier<EvidenceGuard> evidence;
  private final Consumer<String> notice;
  private final ObjectProperty<long[]> timeRange;
  private final BiFunction<GridColumn<S>, Integer, String> cellStyle;
  private final Map<String, TableColumn<Integer, String>> byKey = new LinkedHashMap<>();
  private final Map<String, TextField> filterFields = new LinkedHashMap<>();
  private final List<String> defaultOrder = new ArrayList<>();
  private final PauseTransition saveLater = new PauseTransition(Duration.millis(400));
  private final TextField findField = new TextField();
  private final Label findCount = new Label();
  private final HBox findBar;
  private final ReadOnlyStringWrapper findStatus = new ReadOnlyStringWrapper("");
  private CellMenu<S> cellMenu = (items, c, r, v) -> {};
  private GridColumn<S> cursor;
  private GridCell<S> pressed;
  private String findNeedle = "";
  private int[] findHits = new int[0];
  private TaskRunner.Job findJob;
  private boolean syncing;

  public GridView(String name, TableView<Integer> table, GridModel<S> model, GridPrefs prefs, DisplayTime time, TaskRunner runner,
      ObjectProperty<long[]> timeRange, Supplier<EvidenceGuard> evidence, Consumer<String> notice,
      BiFunction<GridColumn<S>, Integer, String> cellStyle) {
    this.name = name;
    this.table = table;
    this.model = model;
    this.prefs = prefs;
    this.time = time;
    this.runner = runner;
    this.timeRange = timeRange;
    this.evidence = evidence;
    this.notice = notice;
    this.cellStyle = cellStyle;
    // rows only while the table shows: a grid behind another tab does not lay out a new million rows
    org.sysmontriage.ui.common.ShownItems.bind(table.itemsProperty(), model.rows(), table);
    table.getProperties().put(GridView.class, this);
    table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    for (GridColumn<S> c : model.columns()) {
      TableColumn<Integer, String> col = column(c);
      byKey.put(c.key(), col);
      defaultOrder.add(c.key());
      table.getColumns().add(col);
    }
    cursor = model.columns().get(0);
    restoreColumns();
    watchColumns();
    table.setSortPolicy(t -> {
      List<GridState.SortKey> keys = new ArrayList<>();
      for (TableColumn<Integer, ?> col : t.getSortOrder()) {
        keys.add(new GridState.SortKey(keyOf(col), col.getSortType() == TableColumn.SortType.ASCENDING));
      }
      if (!syncing && !keys.isEmpty()) {
        model.update(s -> s.withSort(keys));
      }
      return true;
    });
    showSortOf(model.state());
    model.stateProperty().addListener((o, a, s) -> showState(s));
    table.setRowFactory(t -> new GridRow(model, () -> {}));
    table.setContextMenu(contextMenu());
    table.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> restyle());
    time.zoneProperty().addListener((o, a, z) -> table.refresh());
    findBar = findBar();
    model.rows().addListener((ListChangeListener<Integer>) ch -> {
      if (!findNeedle.isEmpty()) {
        runFind();
      }
    });
  }

  /** The grid behind a table (tests and the window find it this way). */
  @SuppressWarnings("unchecked")
  public static <S> GridView<S> of(TableView<Integer> table) {
    return (GridView<S>) table.getProperties().get(GridView.class);
  }

  public GridModel<S> model() {
    return model;
  }

  public void setCellMenu(CellMenu<S> menu) {
    cellMenu = menu;
  }

  public TableView<Integer> table() {
    return table;
  }

  // ---- columns, filter row, persistence ----

  private TableColumn<Integer, String> column(GridColumn<S> c) {
    TableColumn<Integer, String> col = new TableColumn<>();
    col.setUserData(c);
    col.setId(name + "-col-" + c.key());
    col.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(model.text(c, f.getValue())));
    col.setCellFactory(x -> new GridCell<>(this, c, cellStyle));
    col.setPrefWidth(Columns.ems(c.ems()));
    Label header = new Label(headerText(c));
    if (c.kind() == GridColumn.Kind.TIME) {
      time.zoneProperty().addListener((o, a, z) -> header.setText(headerText(c)));
    }
    header.setMinWidth(c.ems() < 6 ? Label.USE_PREF_SIZE : 0); // short headers (★, Risk) are never cut
    TextField filter = new TextField();
    filter.setId(name + "-filter-" + c.key());
    filter.getStyleClass().add("grid-filter");
    filter.setPromptText(c.kind() == GridColumn.Kind.NUMBER ? "≥" : c.ems() >= 5 ? "filter" : "");
    filter.setTooltip(new Tooltip(ColumnFilter.HELP));
    filter.prefWidthProperty().bind(col.widthProperty().subtract(Columns.ems(0.9)));
    filter.setMinWidth(0);
    // Typing in the filter must not sort or drag the column.
    filter.addEventHandler(MouseEvent.ANY, MouseEvent::consume);
    filter.textProperty().addListener((o, a, typed) -> filterTyped(c, filter, typed));
    filter.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
        table.requestFocus();
        if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
          table.getSelectionModel().clearAndSelect(0);
        }
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        filter.clear();
        e.consume();
      }
    });
    filterFields.put(c.key(), filter);
    VBox box = new VBox(2, header, filter);
    box.setAlignment(Pos.CENTER_LEFT);
    col.setGraphic(box);
    col.setText("");
    return col;
  }

  private String headerText(GridColumn<S> c) {
    return c.kind() == GridColumn.Kind.TIME ? c.header() + " (" + time.label() + ")" : c.header();
  }

  private void filterTyped(GridColumn<S> c, TextField field, String typed) {
    if (syncing) {
      return;
    }
    field.getStyleClass().remove("danger");
    try {
      ColumnFilter.parse(typed, c.kind());
      field.getTooltip().setText(ColumnFilter.HELP);
    } catch (IllegalArgumentException e) {
      field.getStyleClass().add("danger");
      field.getTooltip().setText(e.getMessage());
      model.fail(c.header() + ": " + e.getMessage());
      return; // the rows stay as they are until the filter reads
    }
    model.update(s -> s.withFilter(c.key(), typed));
  }

  /** Reflects a state set elsewhere (Clear filters, "Filter on this value") in the filter row and the sort arrows. */
  private void showState(GridState s) {
    syncing = true;
    try {
      filterFields.forEach((key, field) -> {
        if (!field.getStyleClass().contains("danger") && !field.getText().equals(s.filter(key))) {
          field.setText(s.filter(key));
        }
        if (field.getStyleClass().contains("danger") && s.filter(key).isEmpty() && !s.filters().containsKey(key) && field.getText().isEmpty()) {
          field.getStyleClass().remove("danger");
        }
      });
      showSortOf(s);
    } finally {
      syncing = false;
    }
  }

  private void showSortOf(GridState s) {
    boolean was = syncing;
    syncing = true;
    try {
      List<TableColumn<Integer, ?>> order = new ArrayList<>();
      for (GridState.SortKey k : s.sort()) {
        TableColumn<Integer, String> col = byKey.get(k.column());
        if (col != null) {
          col.setSortType(k.ascending() ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
          order.add(col);
        }
      }
      if (!order.equals(table.getSortOrder())) {
        table.getSortOrder().setAll(order);
      }
    } finally {
      syncing = was;
    }
  }

  private String keyOf(TableColumn<Integer, ?> col) {
    @SuppressWarnings("unchecked")
    GridColumn<S> c = (GridColumn<S>) col.getUserData();
    return c.key();
  }

  private void restoreColumns() {
    List<GridPrefs.ColumnPref> saved = prefs.columns(name);
    if (saved.isEmpty()) {
      return;
    }
    List<TableColumn<Integer, ?>> order = new ArrayList<>();
    for (GridPrefs.ColumnPref p : saved) {
      TableColumn<Integer, String> col = byKey.get(p.key());
      if (col != null && !order.contains(col)) {
        order.add(col);
        if (p.width() > 0) {
          col.setPrefWidth(p.width() * Em.layoutScale());
        }
        col.setVisible(p.visible());
      }
    }
    for (TableColumn<Integer, String> col : byKey.values()) {
      if (!order.contains(col)) {
        order.add(col); // a column this version added: shown, at the end
      }
    }
    table.getColumns().setAll(order);
  }

  private void watchColumns() {
    saveLater.setOnFinished(e -> saveColumns());
    table.getColumns().addListener((ListChangeListener<TableColumn<Integer, ?>>) c -> saveLater.playFromStart());
    for (TableColumn<Integer, String> col : byKey.values()) {
      col.widthProperty().addListener((o, a, b) -> saveLater.playFromStart());
      col.visibleProperty().addListener((o, a, b) -> saveLater.playFromStart());
    }
  }

  /** Saves order, widths and visibility now (the chooser does this by itself after a change). */
  public void saveColumns() {
    List<GridPrefs.ColumnPref> out = new ArrayList<>();
    for (TableColumn<Integer, ?> col : table.getColumns()) {
      // resizing a header sets the pref width; kept as at normal text size on a normal screen (Ctrl+= and a
      // 4K screen widen columns: a width saved at +3 would be widened again next time, one saved on a laptop
      // would cut every header and time on a 4K screen)
      out.add(new GridPrefs.ColumnPref(keyOf(col), col.getPrefWidth() / Em.layoutScale(), col.isVisible()));
    }
    prefs.setColumns(name, out);
  }

  private void resetColumns() {
    List<TableColumn<Integer, ?>> order = new ArrayList<>();
    for (String key : defaultOrder) {
      TableColumn<Integer, String> col = byKey.get(key);
      col.setVisible(true);
      @SuppressWarnings("unchecked")
      GridColumn<S> c = (GridColumn<S>) col.getUserData();
      col.setPrefWidth(Columns.ems(c.ems()));
      order.add(col);
    }
    table.getColumns().setAll(order);
    saveLater.stop();
    prefs.remove(name + ".columns");
  }

  // ---- toolbar: the View menu, time range, go to time ----

  /** The grid's tools for a toolbar: View menu (columns, grouping, time zone, export), time range and go to time. */
  public List<Node> tools() {
    return List.of(viewMenu(), timeRangeField(), goToField());
  }

  private MenuButton viewMenu() {
    MenuButton view = new MenuButton("View");
    view.setId(name + "-view-menu");
    view.setTooltip(new Tooltip("Columns, grouping, time zone, export of this view"));
    view.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a short word: never an ellipsis
    Menu columns = new Menu("Columns");
    columns.setId(name + "-columns-menu");
    for (TableColumn<Integer, String> col : byKey.values()) {
      @SuppressWarnings("unchecked")
      GridColumn<S> c = (GridColumn<S>) col.getUserData();
      CheckMenuItem item = new CheckMenuItem(c.header());
      item.setId(name + "-show-" + c.key());
      item.selectedProperty().bindBidirectional(col.visibleProperty());
      columns.getItems().add(item);
    }
    MenuItem reset = new MenuItem("Reset columns (order, widths, all shown)");
    reset.setOnAction(e -> resetColumns());
    columns.getItems().addAll(new SeparatorMenuItem(), reset);
    Menu group = new Menu("Group by");
    ToggleGroup groups = new ToggleGroup();
    RadioMenuItem none = new RadioMenuItem("No grouping");
    none.setToggleGroup(groups);
    none.setOnAction(e -> model.update(s -> s.withGroupBy(null)));
    group.getItems().add(none);
    for (GridColumn<S> c : model.columns()) {
      RadioMenuItem item = new RadioMenuItem(c.header());
      item.setId(name + "-group-" + c.key());
      item.setToggleGroup(groups);
      item.setOnAction(e -> model.update(s -> s.withGroupBy(c.key())));
      group.getItems().add(item);
    }
    MenuItem collapseAll = new MenuItem("Collapse all groups");
    collapseAll.setOnAction(e -> model.update(s -> s.withCollapsed(java.util.Set.of(model.result().groupNames()))));
    MenuItem expandAll = new MenuItem("Expand all groups");
    expandAll.setOnAction(e -> model.update(s -> s.withCollapsed(java.util.Set.of())));
    group.getItems().addAll(new SeparatorMenuItem(), collapseAll, expandAll);
    view.setOnShowing(e -> group.getItems().stream().filter(i -> i instanceof RadioMenuItem).map(i -> (RadioMenuItem) i)
        .forEach(i -> i.setSelected(i == none ? model.state().groupBy() == null
            : (name + "-group-" + model.state().groupBy()).equals(i.getId()))));
    MenuItem export = new MenuItem("Export this view as CSV…");
    export.setOnAction(e -> chooseExport());
    MenuItem clear = new MenuItem("Clear the filter row and exclusions");
    clear.setOnAction(e -> model.update(GridState::withoutFilters));
    view.getItems().addAll(columns, group, zoneMenu(), new SeparatorMenuItem(), clear, export);
    return view;
  }

  private Menu zoneMenu() {
    Menu zones = new Menu("Time zone (display only)");
    ToggleGroup group = new ToggleGroup();
    List<ZoneId> choices = new ArrayList<>();
    choices.add(ZoneOffset.UTC);
    ZoneId local = ZoneId.systemDefault();
    if (!local.normalized().equals(ZoneOffset.UTC)) {
      choices.add(local);
    }
    ZONES.stream().map(ZoneId::of).filter(z -> !choices.contains(z)).forEach(choices::add);
    for (ZoneId z : choices) {
      RadioMenuItem item = new RadioMenuItem(z.equals(ZoneOffset.UTC) ? "UTC (evidence time)" : z.equals(local) ? z.getId() + " (this computer)" : z.getId());
      item.setId(name + "-zone-" + z.getId());
      item.setToggleGroup(group);
      item.setOnAction(e -> setZone(z));
      zones.getItems().add(item);
    }
    MenuItem other = new MenuItem("Other zone…");
    other.setOnAction(e -> {
      TextInputDialog d = new TextInputDialog(time.zone().getId());
      d.setHeaderText("A time zone id (Europe/Paris) or an offset (+05:30)");
      d.showAndWait().ifPresent(id -> {
        try {
          setZone(ZoneId.of(id.strip()));
        } catch (java.time.DateTimeException ex) {
          notice.accept("\"" + id + "\" is not a time zone: type an id such as Europe/Paris or an offset such as +05:30");
        }
      });
    });
    zones.getItems().addAll(new SeparatorMenuItem(), other);
    zones.setOnShowing(e -> zones.getItems().stream().filter(i -> i instanceof RadioMenuItem).map(i -> (RadioMenuItem) i)
        .forEach(i -> i.setSelected(i.getId().equals(name + "-zone-" + time.zone().getId()))));
    return zones;
  }

  /** Shows every time in {@code z} (kept between sessions); the evidence stays UTC. */
  public void setZone(ZoneId z) {
    time.zoneProperty().set(z);
    prefs.put("display.zone", z.getId());
  }

  private TextField timeRangeField() {
    TextField f = new TextField();
    f.setId(name + "-time-range");
    f.setPromptText("time range");
    f.setPrefColumnCount(8);
    Fit.promptWhole(f);
    f.setTooltip(new Tooltip("Keep rows between two times, in the display time zone: 2024-03-01 10:00 .. 2024-03-01 11:30"
        + " (either side may be left out); Enter applies, Esc clears"));
    Runnable show = () -> {
      long[] r = timeRange.get();
      f.getStyleClass().remove("danger");
      f.setText(r == null ? "" : (r[0] == Long.MIN_VALUE ? "" : time.format(r[0])) + " .. " + (r[1] == Long.MAX_VALUE ? "" : time.format(r[1])));
    };
    timeRange.addListener((o, a, r) -> show.run());
    time.zoneProperty().addListener((o, a, z) -> show.run());
    f.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        timeRange.set(null);
        show.run();
        e.consume();
      }
    });
    f.setOnAction(e -> {
      try {
        timeRange.set(parseRange(f.getText()));
        show.run();
      } catch (IllegalArgumentException ex) {
        f.getStyleClass().add("danger");
        notice.accept(ex.getMessage());
      }
    });
    return f;
  }

  /** "from .. to" in the display zone; null for an empty text. */
  long[] parseRange(String typed) {
    String s = typed == null ? "" : typed.strip();
    if (s.isEmpty() || s.equals("..")) {
      return null;
    }
    int dots = s.indexOf("..");
    String from = dots < 0 ? s : s.substring(0, dots);
    String to = dots < 0 ? "" : s.substring(dots + 2);
    long a = from.isBlank() ? Long.MIN_VALUE : time.parse(from);
    long b = to.isBlank() ? Long.MAX_VALUE : endOf(to.strip());
    if (a > b) {
      throw new IllegalArgumentException("The time range ends before it starts: " + typed.strip());
    }
    return new long[] {a, b};
  }

  // "2024-03-01 11:30" as an end means up to 11:30:59.9999999; a bare date, the whole day.
  private long endOf(String to) {
    long t = time.parse(to);
    String plain = to.replace('T', ' ');
    long step = plain.length() == 10 ? 86_400L : plain.length() == 16 ? 60L : plain.length() == 19 ? 1L : 0L;
    return step == 0 ? t : t + step * Times.TICKS_PER_SECOND - 1;
  }

  private TextField goToField() {
    TextField f = new TextField();
    f.setId(name + "-go-to");
    f.setPromptText("go to time");
    f.setPrefColumnCount(7);
    Fit.promptWhole(f);
    f.setTooltip(new Tooltip("Select the row nearest to a time (display time zone): 2024-03-01 10:00; Enter"));
    f.setOnAction(e -> {
      f.getStyleClass().remove("danger");
      try {
        if (!goTo(time.parse(f.getText()))) {
          notice.accept("No row is shown: clear the filters to go to a time");
        }
      } catch (IllegalArgumentException ex) {
        f.getStyleClass().add("danger");
        notice.accept(ex.getMessage());
      }
    });
    return f;
  }

  /** Selects and shows the shown row whose time is nearest to {@code ticks}; false when no row is shown. */
  public boolean goTo(long ticks) {
    GridColumn<S> timeCol = model.columns().stream().filter(c -> c.kind() == GridColumn.Kind.TIME).findFirst().orElse(null);
    if (timeCol == null) {
      return false;
    }
    int[] rows = model.rows().ids();
    S src = model.source();
    int best = -1;
    long bestGap = Long.MAX_VALUE;
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] >= 0) {
        long gap = Math.abs(timeCol.number().of(src, rows[i]) - ticks);
        if (gap < bestGap) {
          best = i;
          bestGap = gap;
        }
      }
    }
    if (best < 0) {
      return false;
    }
    showRow(best);
    return true;
  }

  private void showRow(int position) {
    table.getSelectionModel().clearAndSelect(position);
    table.getFocusModel().focus(position);
    table.scrollTo(Math.max(0, position - 3));
    table.requestFocus();
  }

  // ---- right-click menu and keys ----

  void cellPressed(GridCell<S> cell) {
    pressed = cell;
    cursor = cell.column();
    restyle();
  }

  boolean isCursor(GridCell<S> cell) {
    return cell.column() == cursor && cell.getIndex() == table.getSelectionModel().getSelectedIndex();
  }

  private void restyle() {
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof GridCell<?> c) {
        c.show();
      }
    }
  }

  private Node cursorCell() {
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof GridCell<?> c && c.getStyleClass().contains(GridCell.CURSOR) && c.isVisible()) {
        return c;
      }
    }
    return null;
  }

  /** The cursor: selected row and current column (Left/Right move it), or the cell last clicked. */
  private int cursorRow() {
    Integer r = table.getSelectionModel().getSelectedItem();
    return r == null ? -1 : r;
  }

  private ContextMenu contextMenu() {
    ContextMenu menu = new ContextMenu();
    menu.setId(name + "-cell-menu");
    // Shift+F10 or the menu key: the same menu for the cell under the keyboard cursor.
    table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.CONTEXT_MENU || e.getCode() == KeyCode.F10 && e.isShiftDown()) {
        menu.getItems().setAll(cellItems());
        Node anchor = cursorCell();
        javafx.geometry.Bounds b = (anchor == null ? table : anchor).localToScreen((anchor == null ? table : anchor).getBoundsInLocal());
        menu.show(table, b.getMinX() + 4, b.getMaxY());
        e.consume();
      }
    });
    // Filled before the table shows it (filters run before the control's own handler), for the cell under the cursor.
    table.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> menu.getItems().setAll(cellItems()));
    return menu;
  }

  private List<MenuItem> cellItems() {
    List<MenuItem> items = new ArrayList<>();
    Integer selected = table.getSelectionModel().getSelectedItem();
    int row = selected == null ? Integer.MIN_VALUE : selected;
    GridColumn<S> c = cursor;
    if (row < 0 || c == null) {
      MenuItem none = new MenuItem(selected != null ? "Group header: Enter or a click collapses or expands it" : "Select a row first");
      none.setDisable(true);
      items.add(none);
      return items;
    }
    String value = model.text(c, row);
    String shortValue = value.length() > 40 ? value.substring(0, 37) + "…" : value;
    items.add(item("Filter on this value (" + c.header() + " = " + shortValue + ")", "filter-on", () -> filterOn(c, value)));
    items.add(item("Exclude this value", "exclude", () -> model.update(s -> s.withExcluded(c.key(), value))));
    items.add(item("Copy", "copy", () -> putOnClipboard(value)));
    items.add(item("Copy row", "copy-row", () -> putOnClipboard(rowTsv(row, visibleColumns()))));
    cellMenu.add(items, c, row, value);
    items.add(new SeparatorMenuItem());
    items.add(item("Group by " + c.header(), "group-by", () -> model.update(s -> s.withGroupBy(c.key()))));
    if (model.state().groupBy() != null) {
      items.add(item("No grouping", "no-group", () -> model.update(s -> s.withGroupBy(null))));
    }
    items.add(item("Export this view as CSV…", "export", this::chooseExport));
    return items;
  }

  private MenuItem item(String text, String id, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setId(name + "-menu-" + id);
    m.setOnAction(e -> action.run());
    return m;
  }

  /** Keeps only rows whose cell in {@code c} is exactly {@code value}. */
  public void filterOn(GridColumn<S> c, String value) {
    if (c.kind() == GridColumn.Kind.NUMBER) {
      model.update(s -> s.withFilter(c.key(), "=" + value));
    } else {
      model.update(s -> s.withFilter(c.key(), ColumnFilter.equalsExpr(value)));
    }
  }

  private void keyPressed(KeyEvent e) {
    boolean plain = !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
    if (e.isShortcutDown() && e.getCode() == KeyCode.C && !e.isShiftDown()) {
      copySelection();
      e.consume();
    } else if (plain && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
      moveCursor(e.getCode() == KeyCode.LEFT ? -1 : 1);
      e.consume();
    } else if (plain && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && cursorRow() < 0
        && table.getSelectionModel().getSelectedItem() != null) {
      int pos = table.getSelectionModel().getSelectedIndex();
      model.toggleGroup(cursorRow());
      javafx.application.Platform.runLater(() -> {
        if (pos < table.getItems().size()) {
          table.getSelectionModel().clearAndSelect(pos);
        }
      });
      e.consume();
    } else if (e.getCode() == KeyCode.F3) {
      findStep(e.isShiftDown() ? -1 : 1);
      e.consume();
    }
  }

  private void moveCursor(int step) {
    List<TableColumn<Integer, ?>> visible = table.getVisibleLeafColumns();
    int at = -1;
    for (int i = 0; i < visible.size(); i++) {
      if (visible.get(i).getUserData() == cursor) {
        at = i;
      }
    }
    int next = Math.max(0, Math.min(visible.size() - 1, at + step));
    @SuppressWarnings("unchecked")
    GridColumn<S> c = (GridColumn<S>) visible.get(next).getUserData();
    cursor = c;
    table.scrollToColumn(visible.get(next));
    restyle();
  }

  /** The column the keyboard cursor is on. */
  public GridColumn<S> cursorColumn() {
    return cursor;
  }

  // ---- copy and export ----

  private List<GridColumn<S>> visibleColumns() {
    List<GridColumn<S>> out = new ArrayList<>();
    for (TableColumn<Integer, ?> col : table.getVisibleLeafColumns()) {
      @SuppressWarnings("unchecked")
      GridColumn<S> c = (GridColumn<S>) col.getUserData();
      out.add(c);
    }
    return out;
  }

  /** Ctrl+C: the selected rows (not group headers) as TSV with a header line, visible columns in order. */
  public void copySelection() {
    List<Integer> positions = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
    positions.sort(null);
    int[] rows = positions.stream().mapToInt(p -> model.rows().id(p)).filter(r -> r >= 0).toArray();
    if (rows.length == 0) {
      return;
    }
    List<GridColumn<S>> cols = visibleColumns();
    S src = model.source();
    if (rows.length <= BACKGROUND_ROWS) {
      putOnClipboard(tsv(src, rows, cols));
      notice.accept(String.format("Copied %,d row(s) as TSV", rows.length));
      return;
    }
    notice.accept(String.format("Copying %,d rows…", rows.length));
    runner.submit(cancel -> tsv(src, rows, cols), text -> {
      putOnClipboard(text);
      notice.accept(String.format("Copied %,d rows as TSV", rows.length));
    }, e -> notice.accept("Copy failed: " + e));
  }

  String tsv(S src, int[] rows, List<GridColumn<S>> cols) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      b.append(i == 0 ? "" : "\t").append(tsvCell(headerText(cols.get(i))));
    }
    b.append('\n');
    for (int r : rows) {
      b.append(rowTsv(src, r, cols)).append('\n');
    }
    return b.toString();
  }

  private String rowTsv(int row, List<GridColumn<S>> cols) {
    return rowTsv(model.source(), row, cols);
  }

  private static <S> String rowTsv(S src, int row, List<GridColumn<S>> cols) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cols.size(); i++) {
      b.append(i == 0 ? "" : "\t").append(tsvCell(cols.get(i).textOf(src, row)));
    }
    return b.toString();
  }

  // TSV has no quoting: a tab or line break inside a value would start a new cell or row.
  private static String tsvCell(String v) {
    return v.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  private static void putOnClipboard(String text) {
    ClipboardContent c = new ClipboardContent();
    c.putString(text);
    Clipboard.getSystemClipboard().setContent(c);
  }

  private void chooseExport() {
    javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
    chooser.setTitle("Export this view as CSV");
    chooser.setInitialFileName(name + "-view.csv");
    chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV", "*.csv"));
    java.io.File f = chooser.showSaveDialog(table.getScene() == null ? null : table.getScene().getWindow());
    if (f != null) {
      exportCsv(f.toPath(), r -> {});
    }
  }

  /**
   * Writes the rows that pass every filter (also those of collapsed groups), in display order, with
   * the visible columns, as CSV: times in UTC with full precision, cells safe from formula injection.
   * Never writes over an input log; writes a temporary file and moves it in place.
   */
  public void exportCsv(Path out, Consumer<Path> done) {
    int[] rows = model.result().matched().clone();
    List<GridColumn<S>> cols = visibleColumns();
    S src = model.source();
    EvidenceGuard logs = evidence.get();
    notice.accept(String.format("Exporting %,d rows…", rows.length));
    runner.submit(cancel -> writeCsv(out, src, rows, cols, logs, cancel), n -> {
      notice.accept(String.format("Exported %,d rows to %s", n, out));
      done.accept(out);
    }, e -> notice.accept(e instanceof TriageException || e instanceof IllegalArgumentException ? e.getMessage()
        : e instanceof CancelledException ? "Export cancelled" : "The CSV could not be written: " + e));
  }

  static <S> int writeCsv(Path out, S src, int[] rows, List<GridColumn<S>> cols, EvidenceGuard logs,
      org.sysmontriage.event.CancellationToken cancel) throws IOException {
    Path target = logs.check(out, "The CSV export"); // never evidence, a file in an input folder, or a device
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), ".export-", ".csv.tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (int i = 0; i < cols.size(); i++) {
          GridColumn<S> c = cols.get(i);
          w.write((i == 0 ? "" : ",") + CsvReportWriter.cell(c.kind() == GridColumn.Kind.TIME ? c.header() + " (UTC)" : c.header()));
        }
        w.write("\r\n");
        for (int k = 0; k < rows.length; k++) {
          if ((k & 0x3FFF) == 0) {
            cancel.check();
          }
          for (int i = 0; i < cols.size(); i++) {
            GridColumn<S> c = cols.get(i);
            String v = c.kind() == GridColumn.Kind.TIME ? Times.format(c.number().of(src, rows[k])) : c.textOf(src, rows[k]);
            w.write((i == 0 ? "" : ",") + CsvReportWriter.cell(v));
          }
          w.write("\r\n");
        }
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return rows.length;
  }

  // ---- find ----

  /** The Find bar (hidden until {@link #find()}): matches highlighted, Enter / F3 next, Shift+Enter / Shift+F3 previous. */
  public HBox findNode() {
    return findBar;
  }

  private HBox findBar() {
    findField.setId(name + "-find");
    findField.setPromptText("Find in the shown rows");
    findField.setPrefColumnCount(18);
    findField.textProperty().addListener((o, a, b) -> {
      findNeedle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
      runFind();
    });
    findField.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
        findStep(e.isShiftDown() ? -1 : 1);
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        closeFind();
        e.consume();
      }
    });
    Button prev = new Button("▲");
    prev.setId(name + "-find-prev");
    prev.setTooltip(new Tooltip("Previous match (Shift+Enter, Shift+F3)"));
    prev.setOnAction(e -> findStep(-1));
    Button next = new Button("▼");
    next.setId(name + "-find-next");
    next.setTooltip(new Tooltip("Next match (Enter, F3)"));
    next.setOnAction(e -> findStep(1));
    Button close = new Button("✕");
    close.setTooltip(new Tooltip("Close Find (Esc)"));
    close.setOnAction(e -> closeFind());
    findCount.setId(name + "-find-count");
    findCount.textProperty().bind(findStatus);
    findCount.getStyleClass().add("muted");
    HBox bar = new HBox(6, new Label("Find"), findField, prev, next, findCount, close);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("filter-bar");
    bar.setVisible(false);
    bar.setManaged(false);
    return bar;
  }

  /** Ctrl+F: shows the Find bar and puts the cursor in it. */
  public void find() {
    findBar.setVisible(true);
    findBar.setManaged(true);
    findField.requestFocus();
    findField.selectAll();
  }

  private void closeFind() {
    findField.clear();
    findBar.setVisible(false);
    findBar.setManaged(false);
    table.requestFocus();
  }

  boolean findMatches(String cellText) {
    return !findNeedle.isEmpty() && ColumnFilter.containsIgnoreCase(cellText, findNeedle);
  }

  private void runFind() {
    if (findJob != null) {
      findJob.cancel();
      findJob = null;
    }
    String needle = findNeedle;
    if (needle.isEmpty()) {
      findHits = new int[0];
      findStatus.set("");
      restyle();
      return;
    }
    int[] rows = model.rows().ids();
    List<GridColumn<S>> cols = visibleColumns();
    S src = model.source();
    if (rows.length <= BACKGROUND_ROWS) {
      foundAll(needle, findPositions(src, rows, cols, needle, new org.sysmontriage.event.CancellationToken()));
      return;
    }
    findStatus.set("Finding…");
    findJob = runner.submit(cancel -> findPositions(src, rows, cols, needle, cancel), p -> foundAll(needle, p), e -> {
      if (!(e instanceof CancelledException)) {
        findStatus.set("Find failed: " + e);
      }
    });
  }

  static <S> int[] findPositions(S src, int[] rows, List<GridColumn<S>> cols, String needle, org.sysmontriage.event.CancellationToken cancel) {
    int[] out = new int[Math.min(rows.length, 1 << 16)];
    int n = 0;
    for (int i = 0; i < rows.length; i++) {
      if ((i & 0x3FFF) == 0) {
        cancel.check();
      }
      if (rows[i] < 0) {
        continue;
      }
      for (GridColumn<S> c : cols) {
        if (ColumnFilter.containsIgnoreCase(c.textOf(src, rows[i]), needle)) {
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
          }
          out[n++] = i;
          break;
        }
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private void foundAll(String needle, int[] positions) {
    if (!needle.equals(findNeedle)) {
      return;
    }
    findHits = positions;
    restyle();
    int on = java.util.Arrays.binarySearch(positions, table.getSelectionModel().getSelectedIndex());
    if (positions.length == 0) {
      findStatus.set("no match");
    } else if (on >= 0) {
      findStatus.set(String.format("%,d of %,d rows", on + 1, positions.length));
    } else {
      selectFind(0);
    }
  }

  /** Moves to the next ({@code +1}) or previous ({@code -1}) row with a match, wrapping around. */
  public void findStep(int step) {
    if (findHits.length == 0) {
      return;
    }
    int at = table.getSelectionModel().getSelectedIndex();
    int i = java.util.Arrays.binarySearch(findHits, at);
    int k;
    if (i >= 0) {
      k = Math.floorMod(i + step, findHits.length);
    } else {
      int insert = -i - 1; // first match after the selection
      k = step > 0 ? insert % findHits.length : Math.floorMod(insert - 1, findHits.length);
    }
    selectFind(k);
  }

  private void selectFind(int k) {
    int position = findHits[k];
    findStatus.set(String.format("%,d of %,d rows", k + 1, findHits.length));
    table.getSelectionModel().clearAndSelect(position);
    table.scrollTo(Math.max(0, position - 3));
  }

  public javafx.beans.property.ReadOnlyStringProperty findStatusProperty() {
    return findStatus.getReadOnlyProperty();
  }
}
