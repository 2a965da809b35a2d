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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.common.Choices;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;

/** The filter bar and the hits table: a window over hit indexes, sorted and filtered by the ViewModel. */
public final class HitsView extends BorderPane {
  private final HitsViewModel vm;
  private final TableView<Integer> table = new TableView<>();
  private final TextField text = TextFields.createClearableTextField();
  private final CaseViewModel caseWork;

  public HitsView(HitsViewModel vm, CaseViewModel caseWork) {
    this.vm = vm;
    this.caseWork = caseWork;
    setMinWidth(Columns.ems(24));
    setTop(filterBar());
    setCenter(table());
  }

  /** Puts the cursor in the text filter (Find). */
  public void focusFilter() {
    text.requestFocus();
    text.selectAll();
  }

  public TableView<Integer> tableView() {
    return table;
  }

  private FlowPane filterBar() {
    text.setId(Ids.HITS_TEXT);
    text.setPromptText("Filter hits…");
    text.setTooltip(new Tooltip("Keep hits with this text in any column (Ctrl+F)"));
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
    ComboBox<GroupBy> group = new ComboBox<>();
    group.setId(Ids.HITS_GROUP_BY);
    group.getItems().setAll(GroupBy.values());
    group.valueProperty().bindBidirectional(vm.groupByProperty());
    Button clear = new Button("", new FontIcon(Material2OutlinedAL.CLEAR));
    clear.setId(Ids.HITS_CLEAR);
    clear.setOnAction(e -> vm.clearFilters());
    clear.setTooltip(new Tooltip("Clear every filter, including the timeline brush"));
    Label summary = new Label();
    summary.setId(Ids.HITS_SUMMARY);
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add(Styles.MUTED);
    Label riskLabel = new Label("Risk ≥");
    riskLabel.setLabelFor(minRisk);
    HBox risk = new HBox(Columns.ems(0.4), riskLabel, minRisk); // label and spinner wrap together
    risk.setAlignment(Pos.CENTER_LEFT);
    FlowPane bar = new FlowPane(text, host, analytic, technique, risk, group, clear, summary);
    bar.getStyleClass().add(Styles.TOOLBAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

  private TableView<Integer> table() {
    table.getStyleClass().add(Styles.BIG_TABLE);
    table.setId(Ids.HITS_TABLE);
    table.setItems(vm.rows());
    table.setPlaceholder(new Label("No hits match. Clear filters to see every hit."));
    for (HitColumn c : HitColumn.values()) {
      table.getColumns().add(column(c));
    }
    table.setSortPolicy(t -> {
      ObservableList<TableColumn<Integer, ?>> order = t.getSortOrder();
      if (!order.isEmpty()) {
        TableColumn<Integer, ?> first = order.get(0);
        vm.sortBy((HitColumn) first.getUserData(), first.getSortType() == TableColumn.SortType.ASCENDING);
      }
      return true;
    });
    table.setRowFactory(t -> new HitRow(vm));
    table.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
    table.setContextMenu(statusMenu());
    table.setOnKeyPressed(e -> {
      HitStatus s = switch (e.getCode()) {
        case T -> HitStatus.TRUE_POSITIVE;
        case F -> HitStatus.FALSE_POSITIVE;
        case B -> HitStatus.BENIGN;
        case N -> HitStatus.NEW;
        default -> null;
      };
      if (s != null && !e.isShortcutDown() && !e.isAltDown()) {
        mark(s);
        e.consume();
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, id) -> {
      if (id != null) {
        vm.selectedHitProperty().set(id);
      }
    });
    vm.selectedHitProperty().addListener((o, a, h) -> select(h.intValue()));
    vm.rows().addListener((javafx.collections.ListChangeListener<Integer>) c -> select(vm.selectedHitProperty().get()));
    return table;
  }

  private javafx.scene.control.ContextMenu statusMenu() {
    javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
    for (HitStatus s : HitStatus.values()) {
      javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Mark " + s.label() + "   (" + s.label().toUpperCase().charAt(0) + ")");
      item.setOnAction(e -> mark(s));
      menu.getItems().add(item);
    }
    return menu;
  }

  /** Sets the verdict of every selected hit. */
  private void mark(HitStatus s) {
    for (Integer h : java.util.List.copyOf(table.getSelectionModel().getSelectedItems())) {
      if (h != null) {
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
    int row = vm.rows().indexOf(h);
    if (row >= 0) {
      table.getSelectionModel().clearAndSelect(row);
      table.scrollTo(Math.max(0, row - 3));
    }
  }

  private TableColumn<Integer, String> column(HitColumn c) {
    TableColumn<Integer, String> col = new TableColumn<>(c.header());
    col.setUserData(c);
    col.setId("hits-col-" + c.name().toLowerCase(java.util.Locale.ROOT));
    col.setCellValueFactory(f -> new ReadOnlyStringWrapper(c.text(vm.table(), f.getValue())));
    col.setPrefWidth(widthOf(c));
    if (c == HitColumn.SEVERITY || c == HitColumn.RISK) {
      col.setCellFactory(x -> new SeverityCell(vm, c));
    }
    return col;
  }

  // Widths in "em" of the default font, so the table scales with font size on big screens.
  private static double widthOf(HitColumn c) {
    return Columns.ems(switch (c) {
      case TIME -> 15;
      case HOST, USER -> 10;
      case ANALYTIC -> 16;
      case TECHNIQUE -> 6.5;
      case TACTIC -> 9;
      case RISK -> 3.5;
      case STATUS -> 7;
      case SEVERITY -> 5.5;
      case PROCESS, TARGET -> 16;
      case COMMAND -> 30;
    });
  }
}
