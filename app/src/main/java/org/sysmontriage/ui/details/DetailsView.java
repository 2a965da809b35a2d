package org.sysmontriage.ui.details;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.common.Columns;
import org.sysmontriage.ui.common.Fit;
import org.sysmontriage.ui.common.NameLines;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.PulseStages;
import org.sysmontriage.ui.engine.TechniqueCard;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.sysmontriage.ui.common.ShownPane;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.common.WhenShown;
import org.sysmontriage.ui.common.WrappingTabs;

/** The details of the selected hit or event: why, ATT&CK, risk, fields, raw record, page, related. */
public final class DetailsView extends VBox {
  private final DetailsViewModel vm;
  private final Consumer<String> browser;
  private final TechniqueCards cards;
  private final AnalyticPageView page;
  private java.util.function.BiConsumer<String, String> allow;
  /**
   * A selection shows its heading in the next pulse; the reasons, risk and author, the technique cards and the
   * Fields table follow one pulse after another (in one pulse they took 50-150 ms of FX CPU in bench ui).
   */
  private final PulseStages stages = new PulseStages(this, 3);
  private final ObservableList<TechniqueCard> shownCards = FXCollections.observableArrayList();
  private final ObservableList<FieldRow> shownFields = FXCollections.observableArrayList();
  private final javafx.beans.property.BooleanProperty shortPane = new javafx.beans.property.SimpleBooleanProperty();

  /** {@code browser} opens a URL outside the application (HostServices in the app). */
  public DetailsView(String id, DetailsViewModel vm, Consumer<String> browser) {
    this.vm = vm;
    this.browser = browser;
    this.page = new AnalyticPageView(browser, "Select a hit to read about the analytic that flagged it.");
    this.cards = new TechniqueCards(shownCards, browser);
    vm.techniques().addListener((ListChangeListener<TechniqueCard>) c -> stages.run(2, () -> shownCards.setAll(vm.techniques())));
    vm.fields().addListener((ListChangeListener<FieldRow>) c -> stages.run(3, () -> shownFields.setAll(vm.fields())));
    setId(id);
    setMinWidth(Columns.ems(16));
    getStyleClass().add("details");
    Label heading = new Label();
    heading.setId(Ids.DETAILS_HEADING);
    heading.getStyleClass().add(Styles.HEADING);
    heading.setWrapText(true);
    heading.setMinHeight(Region.USE_PREF_SIZE);
    heading.setMaxWidth(Double.MAX_VALUE);
    Label reasons = new Label();
    reasons.setId(Ids.DETAILS_REASONS);
    reasons.getStyleClass().add(Styles.REASONS);
    reasons.setWrapText(true);
    reasons.setMaxWidth(Double.MAX_VALUE);
    reasons.setMinHeight(Region.USE_PREF_SIZE);
    hideWhenEmpty(reasons);
    Label risk = new Label();
    risk.setId(Ids.DETAILS_RISK);
    risk.getStyleClass().add(Styles.RISK_BADGE);
    risk.setWrapText(true); // "90 impact × 95 confidence / 100 = 85 risk" wraps in a narrow pane, never "..."
    risk.setMinHeight(Region.USE_PREF_SIZE);
    hideWhenEmpty(risk);
    Label author = AnalyticPageView.muted("");
    author.setId(Ids.DETAILS_AUTHOR);
    // the heading shows in the selection's own pulse (headingText below), the rest one stage after another
    Runnable aboutText = () -> {
      reasons.setText(vm.reasonsProperty().get());
      risk.setText(vm.riskProperty().get());
      author.setText(vm.authorProperty().get());
    };
    aboutText.run();
    for (javafx.beans.value.ObservableStringValue text : java.util.List.of(vm.reasonsProperty(), vm.riskProperty(), vm.authorProperty())) {
      text.addListener((o, a, b) -> stages.run(1, aboutText));
    }
    hideWhenEmpty(author);
    cards.setId(Ids.DETAILS_TECHNIQUES);
    ScrollPane pageScroll = scroll(page, Ids.DETAILS_PAGE);
    // The analytic's page (many labels and the rule's highlighted YAML) is made when its tab shows, not at every selection.
    WhenShown pageShown = new WhenShown(page);
    Runnable showPage = () -> pageShown.run(() -> {
      page.show(vm.analyticProperty().get(), vm.pageProperty().get());
      pageScroll.layout(); // made after this pulse's layout: lay it out before the frame is drawn
    });
    vm.analyticProperty().addListener((o, a, b) -> showPage.run());
    vm.pageProperty().addListener((o, a, b) -> showPage.run());
    page.show(null, null);
    TabPane tabs = new TabPane(
        tab("Fields", fieldsTable()), tab("Raw", raw()), tab("Analytic", pageScroll), tab("Related", related()),
        tab("Processes", processTree()));
    WrappingTabs wrapped = new WrappingTabs(tabs);
    VBox.setVgrow(wrapped, Priority.ALWAYS);
    Label empty = AnalyticPageView.muted("Select a row to see its details. Arrow keys move through the table.");
    empty.visibleProperty().bind(vm.headingProperty().isEmpty());
    empty.managedProperty().bind(empty.visibleProperty());
    // What the hit is (heading, why, risk, ATT&CK) scrolls on its own and takes at most half the pane, so
    // with large text on a small screen the verdict box and the tabs stay in sight.
    VBox about = new VBox(getSpacing(), heading, author, reasons, risk, cards);
    about.setMinWidth(0); // wraps to the pane (a wide child would push the heading out of sight at the right)
    // A long host in the heading goes on lines between its parts at the pane's width (alice. / insecurebank.local),
    // never broken inside a word; the heading's whole text is its accessible text.
    Runnable headingText = () -> {
      String whole = vm.headingProperty().get();
      javafx.scene.text.Font font = heading.getFont();
      double room = about.getWidth() - about.snappedLeftInset() - about.snappedRightInset() - heading.snappedLeftInset() - heading.snappedRightInset();
      heading.setText(NameLines.breakLongWords(whole, about.getWidth() > 0 ? room - 1 : 0, w -> Fit.textWidth(w, font), font.getSize()));
      heading.setAccessibleText(whole);
    };
    headingText.run();
    vm.headingProperty().addListener((o, a, b) -> headingText.run());
    about.widthProperty().addListener((o, a, b) -> headingText.run());
    heading.fontProperty().addListener((o, a, b) -> headingText.run());
    ScrollPane aboutScroll = new ScrollPane(about);
    aboutScroll.setFitToWidth(true);
    aboutScroll.getStyleClass().add("edge-to-edge");
    aboutScroll.prefViewportHeightProperty().bind(about.heightProperty());
    // In a short pane (under 32 heading lines: 1024x700 with the text three steps larger) at most 15 %, so the
    // Fields table keeps rows in sight under the verdict box; else at most half.
    shortPane.bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> getHeight() > 0 && getHeight() < heading.getFont().getSize() * 32, heightProperty(), heading.fontProperty()));
    javafx.beans.binding.DoubleBinding share = javafx.beans.binding.Bindings.createDoubleBinding(
        () -> shortPane.get() ? 0.15 : 0.5, shortPane);
    aboutScroll.maxHeightProperty().bind(heightProperty().multiply(share));
    aboutScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    // never squeezed to nothing by the tabs: all of it, or at least 15 % of the pane
    aboutScroll.minHeightProperty().bind(javafx.beans.binding.Bindings.min(about.heightProperty(), heightProperty().multiply(0.15)));
    aboutScroll.visibleProperty().bind(empty.visibleProperty().not());
    aboutScroll.managedProperty().bind(aboutScroll.visibleProperty());
    wrapped.setMinHeight(Columns.ems(9));
    getChildren().addAll(empty, aboutScroll, wrapped);
  }

  /** True while the pane is short for its text (1024x700 with the text three steps larger): the parts above the tabs give way. */
  public javafx.beans.value.ObservableBooleanValue shortPane() {
    return shortPane;
  }

  /** Adds the analyst's verdict box (hits only) above the tabs. */
  public void setTriage(javafx.scene.Node triage) {
    getChildren().add(getChildren().size() - 1, triage);
  }

  /** Lets a matched field be allowlisted from its context menu: (field, value). */
  public void setAllowAction(java.util.function.BiConsumer<String, String> action) {
    allow = action;
  }

  /** True while a selection's reasons, cards or fields wait for their pulse (tests wait for them as a person would). */
  public boolean filling() {
    return stages.pending();
  }

  private static void hideWhenEmpty(Label l) {
    l.visibleProperty().bind(l.textProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
  }

  /** A details tab; its content is laid out only while it shows (a selection fills the shown tab only: ShownPane). */
  private static Tab tab(String title, javafx.scene.Node content) {
    Tab t = new Tab(title, new ShownPane(content));
    t.setClosable(false);
    return t;
  }

  private static ScrollPane scroll(javafx.scene.Node content, String id) {
    ScrollPane s = new ScrollPane(content);
    s.setId(id);
    s.setFitToWidth(true);
    return s;
  }

  private TableView<FieldRow> fieldsTable() {
    TableView<FieldRow> table = new TableView<>(shownFields);
    table.setId(Ids.DETAILS_FIELDS);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().add(new FieldNames(table).column()); // as wide as the widest name, a long one on lines between its words
    javafx.scene.control.TableColumn<FieldRow, String> value = Columns.text("Value",
        r -> r.matched() ? r.value() + "\n⚑ " + r.reason() : r.value(), 30);
    value.setCellFactory(c -> new org.sysmontriage.ui.common.WrapTextCell<>()); // the whole value, wrapped (first 2,000 characters)
    table.getColumns().add(value);
    table.setRowFactory(t -> {
      TableRow<FieldRow> row = new org.sysmontriage.ui.common.MarkedRow<>(Styles.MATCHED, FieldRow::matched);
      // The allowlist menu is made when a row asks for it (a right click), not for every row at every selection: a
      // menu is a popup window with a scene of its own, and the pulse that filled the Fields table made one per row.
      row.setOnContextMenuRequested(e -> {
        FieldRow item = row.getItem();
        if (!row.isEmpty() && item != null && allow != null && vm.analyticProperty().get() != null
            && !item.name().equals(DetailsViewModel.USER_FROM_CREATION)) {
          allowMenu(item).show(row, e.getScreenX(), e.getScreenY());
          e.consume();
        }
      });
      return row;
    });
    table.setOnKeyPressed(e -> {
      FieldRow row = table.getSelectionModel().getSelectedItem();
      if (row != null && e.isShortcutDown() && e.getCode() == KeyCode.C) {
        ClipboardContent c = new ClipboardContent();
        c.putString(row.value());
        Clipboard.getSystemClipboard().setContent(c);
      }
    });
    table.setPlaceholder(new Label(""));
    return table;
  }

  private javafx.scene.control.ContextMenu allowMenu(FieldRow row) {
    String value = row.value().length() > 60 ? row.value().substring(0, 57) + "…" : row.value();
    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
        "Allowlist: never flag \"" + vm.analyticProperty().get().title() + "\" when " + row.name() + " = " + value);
    item.setOnAction(e -> allow.accept(row.name(), row.value()));
    return new javafx.scene.control.ContextMenu(item);
  }

  /** "08:09:38.513": the related events are minutes apart, the date is in the details. */
  private static String timeOfDay(long ticks) {
    String full = Times.format(ticks);
    return full.length() < 23 ? full : full.substring(11, 23);
  }

  private TextArea raw() {
    TextArea raw = new TextArea();
    raw.setId(Ids.DETAILS_RAW);
    raw.setEditable(false);
    raw.getStyleClass().add(Styles.MONO);
    raw.textProperty().bind(vm.rawProperty());
    return raw;
  }

  // Ancestors in the logs down to the event's own process (marked, selected) and its children.
  private VBox processTree() {
    ProcessTreeView tree = new ProcessTreeView();
    tree.setId(Ids.DETAILS_PROCESS_TREE);
    tree.onOpen(vm::showRelated);
    vm.processTreeProperty().addListener((o, a, t) -> tree.show(t.nodes(), true));
    Label why = new Label();
    why.setWrapText(true);
    why.textProperty().bind(vm.processTreeErrorProperty());
    why.visibleProperty().bind(why.textProperty().isNotEmpty());
    why.managedProperty().bind(why.visibleProperty());
    String how = "Sysmon ProcessGuid / ParentProcessGuid; Security 4688 process ids on the same host. "
        + "Enter or double-click opens a process's start.";
    Label hint = AnalyticPageView.muted(how);
    // one line (the whole text in its tooltip): wrapped, in a short pane (text +3 at 1024x700) it took the tree's place
    hint.setTooltip(new javafx.scene.control.Tooltip(how));
    hint.setWrapText(false); // muted() wraps: at 1024x700 with text +3 the hint took five lines under a two-node tree
    hint.setMinWidth(0);
    VBox.setVgrow(tree, Priority.ALWAYS);
    tree.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> hint.getFont().getSize() * 5, hint.fontProperty()));
    return new VBox(4, why, tree, hint);
  }

  private VBox related() {
    Spinner<Integer> window = new Spinner<>(1, 24 * 60, 5, 1);
    window.setId(Ids.DETAILS_WINDOW);
    window.setEditable(true);
    // as wide as four digits and its arrows at any text size (90 px showed only the arrows at text +3)
    window.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> window.getEditor().getFont().getSize() * 5.5, window.getEditor().fontProperty()));
    window.setMinWidth(Region.USE_PREF_SIZE);
    window.getValueFactory().valueProperty().bindBidirectional(vm.windowMinutesProperty().asObject());
    Label same = new Label("Same process, and same host ±");
    same.setWrapText(true); // on two lines in a narrow pane, never "Same process, and sam..."
    same.setMinWidth(0);
    same.setMinHeight(Region.USE_PREF_SIZE);
    HBox.setHgrow(same, Priority.SOMETIMES);
    Label minutes = new Label("min");
    minutes.setMinWidth(Region.USE_PREF_SIZE);
    HBox bar = new HBox(same, window, minutes);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(Styles.TOOLBAR);
    TableView<RelatedEvent> table = new TableView<>(vm.related());
    table.setId(Ids.DETAILS_RELATED);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    // the time of day whole in bold (a row of the same process): 7 ems showed "08:09:3..." at text +3
    javafx.scene.control.TableColumn<RelatedEvent, String> time = Columns.text("Time", r -> timeOfDay(vm.store().ticks(r.event())), 9);
    table.getColumns().add(time);
    table.getColumns().add(Columns.text("ID", r -> Integer.toString(vm.store().eventId(r.event())), 2.5));
    table.getColumns().add(Columns.text("Relation", RelatedEvent::relation, 10));
    table.getColumns().add(Columns.text("What", r -> EventSummary.of(vm.store(), r.event()), 10));
    table.getColumns().forEach(c -> c.setMinWidth(Math.min(c.getPrefWidth(), Columns.ems(7))));
    time.setMinWidth(time.getPrefWidth());
    Label none = new Label();
    none.setWrapText(true);
    none.textProperty().bind(javafx.beans.binding.Bindings.when(vm.relatedErrorProperty().isEmpty())
        .then("No related events.").otherwise(vm.relatedErrorProperty()));
    table.setPlaceholder(none);
    table.setRowFactory(t -> new org.sysmontriage.ui.common.MarkedRow<>(Styles.PROCESS_RELATED,
        r -> !r.relation().startsWith("same host")));
    table.setOnMouseClicked(e -> {
      RelatedEvent r = table.getSelectionModel().getSelectedItem();
      if (e.getClickCount() == 2 && r != null) {
        vm.showRelated(r.event());
      }
    });
    table.setOnKeyPressed(e -> {
      RelatedEvent r = table.getSelectionModel().getSelectedItem();
      if (e.getCode() == KeyCode.ENTER && r != null) {
        vm.showRelated(r.event());
      }
    });
    VBox.setVgrow(table, Priority.ALWAYS);
    return new VBox(bar, table);
  }
}
