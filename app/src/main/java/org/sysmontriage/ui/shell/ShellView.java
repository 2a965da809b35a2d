package org.sysmontriage.ui.shell;

import java.io.File;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sysmontriage.ui.casework.ExportViewModel;
import org.sysmontriage.ui.casework.TriageBox;
import org.sysmontriage.ui.common.Ids;
import javafx.scene.layout.VBox;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.common.Themes;
import org.sysmontriage.ui.details.DetailsView;
import org.sysmontriage.ui.hits.HitsView;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.sysmontriage.ui.incidents.IncidentsView;
import org.sysmontriage.ui.importing.ImportBar;
import org.sysmontriage.ui.common.ShownPane;
import org.sysmontriage.ui.start.StartView;
import org.sysmontriage.ui.events.EventsView;
import org.sysmontriage.ui.hosts.HostsView;
import org.sysmontriage.ui.importing.SourcesView;
import org.sysmontriage.ui.library.LibraryView;
import org.sysmontriage.ui.library.LibraryViewModel;
import org.sysmontriage.ui.timeline.TimelineView;
import java.util.function.Consumer;
import javafx.geometry.Orientation;

/** The window's content: menu, start page or workspace tabs, and the import bar. */
public final class ShellView extends BorderPane implements StartView.Actions {
  private final ShellViewModel vm;
  private final Themes themes;
  private final TabPane tabs = new TabPane();
  private org.sysmontriage.ui.common.WrappingTabs wrappedTabs;
  private final HitsView hitsView;
  private final StackPane center = new StackPane();
  private final CaseActions caseActions;
  private final TimelineView timeline;
  private final EventsView eventsView;
  /** True while the library is shown before any log was opened (the start page steps aside). */
  private final javafx.beans.property.BooleanProperty browsingLibrary = new javafx.beans.property.SimpleBooleanProperty();
  /** One Ctrl+= step. */
  static final double TEXT_STEP = 1.15;
  private double fontScale = 1;
  /** The hits | details divider where it was put (0.62 at first, then where the analyst dragged it). */
  private double hitsDivider = 0.62;
  private SplitPane hitsSplit;
  private String fontSheet;

  public ShellView(ShellViewModel vm, LibraryViewModel library, ExportViewModel export, Themes themes, Consumer<String> browser,
      org.sysmontriage.ui.grid.GridParts grids) {
    this.vm = vm;
    this.themes = themes;
    this.caseActions = new CaseActions(vm, export, this::window);
    getStyleClass().add(Styles.APP);
    zoomText(0);
    sceneProperty().addListener((o, a, scene) -> {
      if (scene != null && !scene.getStylesheets().contains(fontSheet)) {
        scene.getStylesheets().add(fontSheet);
      }
      if (scene != null) {
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::textSizeKeys);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::historyKeys);
      }
    });
    hitsView = new HitsView(vm.hits(), vm.caseWork(), grids, this::allow);
    timeline = new TimelineView(vm.hits(), themes.darkProperty());
    eventsView = new EventsView(vm.events(), browser, grids, vm.caseWork()::toggleBookmark,
        e -> vm.caseWork().toggleEventBookmark(vm.events().store(), e));
    StartView start = new StartView(vm.start(), this);
    DetailsView hitDetails = new DetailsView(Ids.HIT_DETAILS, vm.hitDetails(), browser);
    TriageBox triage = new TriageBox(vm.caseWork(), vm.hitDetails().hitProperty());
    triage.compactWhen(hitDetails.shortPane());
    hitDetails.setTriage(triage);
    hitDetails.setAllowAction((field, value) -> allow(field, value));
    Node workspace = workspace(hitDetails, library, browser);
    scaleColumns(workspace, 1);
    vm.onShowHits(() -> showTab(Ids.TAB_HITS));
    vm.onShowIncidents(() -> showTab(IncidentIds.TAB));
    vm.onShowTab(this::showTab);
    vm.onUnsaved(this::saveOrDiscard);
    // The workspace is built, styled and laid out behind the (opaque) start page from the start,
    // so the first open does not pay for creating every skin at once.
    // Before any log is open only the analytics library can be browsed (from the start page or Ctrl+6).
    // Blocked, not disabled: disabling it set the :disabled state on every node of the workspace, and enabling it
    // at the first open restyled them all (a CSS pass over every node and table cell, in the same pulse as the
    // tables' first fill; bench ui). The opaque start page covers it; its input is consumed and focus kept out.
    javafx.beans.binding.BooleanBinding blocked = vm.investigationProperty().isNull().and(browsingLibrary.not());
    workspace.addEventFilter(javafx.scene.input.InputEvent.ANY, e -> {
      if (blocked.get() && !(e instanceof javafx.scene.input.DragEvent)) { // a drop anywhere on the window opens the logs
        e.consume();
      }
    });
    sceneProperty().addListener((o, a, scene) -> {
      if (scene != null) {
        scene.focusOwnerProperty().addListener((fo, was, owner) -> {
          if (blocked.get() && owner != null && inside(owner, workspace)) {
            start.requestFocus();
          }
        });
      }
    });
    start.visibleProperty().bind(vm.investigationProperty().isNull().and(browsingLibrary.not()));
    // Before any log is open only the library's tab can be chosen. The other tabs' names are greyed out, the tabs
    // themselves not disabled: a disabled tab disables its content, and enabling every tab at the first open
    // restyled the whole workspace in the pulse after the import (bench ui).
    javafx.beans.binding.BooleanBinding noLogs = vm.investigationProperty().isNull();
    tabs.getTabs().stream().filter(t -> !Ids.TAB_LIBRARY.equals(t.getId())).forEach(t -> wrappedTabs.unavailableWhile(t, noLogs));
    tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
      if (t != null && noLogs.get() && browsingLibrary.get() && !Ids.TAB_LIBRARY.equals(t.getId())) {
        javafx.application.Platform.runLater(() -> showTab(Ids.TAB_LIBRARY)); // nothing there yet (a key that moves between tabs)
      }
    });
    vm.investigationProperty().addListener((o, a, b) -> browsingLibrary.set(false));
    center.getChildren().addAll(workspace, start);
    setTop(new ShellMenu(vm, this).top());
    setCenter(center);
    setBottom(new VBox(new ImportBar(vm.importing()), noticeBar()));
    setOnDragOver(this::dragOver);
    setOnDragDropped(this::dropped);
    setOnDragExited(e -> getStyleClass().remove(Styles.DROP_ACTIVE));
  }

  private Node workspace(DetailsView details, LibraryViewModel library, Consumer<String> browser) {
    tabs.setId(Ids.MAIN_TABS);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane left = new SplitPane(timeline, hitsView);
    left.setOrientation(Orientation.VERTICAL);
    left.setDividerPositions(0.3);
    SplitPane hits = new SplitPane(left, details);
    hits.setDividerPositions(hitsDivider);
    hitsSplit = hits;
    // The split keeps its sides' least widths by moving the divider (text six steps larger pushes the details pane
    // narrow); a text size change puts the divider back where the analyst had it, so the pane follows the text back.
    hits.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
      for (Object n = e.getTarget(); n instanceof Node node && node != hits; n = node.getParent()) {
        if (node.getStyleClass().contains("split-pane-divider") && node.getParent() == hits) {
          hitsDivider = hits.getDividerPositions()[0];
        }
      }
    });
    // Both sides keep their share when the window is resized (a fixed-width details pane left the hits
    // a sliver after shrinking a large window to 1024 px).
    // Tabs behind the Incidents view (where the window opens) are laid out when first shown: ShownPane.
    Tab sources = tab(Ids.TAB_SOURCES, "Sources", new ShownPane(new SourcesView(vm.sources())));
    sources.textProperty().bind(vm.sources().titleProperty());
    Tab correlations = tab(Ids.TAB_CORRELATIONS, "Correlations", new ShownPane(new org.sysmontriage.ui.correlations.CorrelationsView(vm.correlations())));
    correlations.textProperty().bind(vm.correlations().titleProperty());
    tabs.getTabs().addAll(
        tab(IncidentIds.TAB, "Incidents", new IncidentsView(vm.incidents())),
        tab(Ids.TAB_HITS, "Hits", new ShownPane(hits)),
        correlations,
        tab(Ids.TAB_EVENTS, "Events", new ShownPane(eventsView)),
        tab(Ids.TAB_HOSTS, "Hosts & users", new ShownPane(new HostsView(vm.hosts()))),
        sources,
        tab(Ids.TAB_LIBRARY, "Analytics library", new LibraryView(library, browser, browsingLibrary, this::closeLibrary)));
    // the tab names wrap onto a second row when they do not fit (large text), never an overflow menu
    wrappedTabs = new org.sysmontriage.ui.common.WrappingTabs(tabs);
    BorderPane pane = new BorderPane(wrappedTabs);
    pane.setId(Ids.WORKSPACE);
    return pane;
  }

  private static boolean inside(Node n, Node ancestor) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Tab tab(String id, String title, Node content) {
    Tab t = new Tab(title, content);
    t.setId(id);
    return t;
  }

  @Override
  public void openLibrary() {
    showTab(Ids.TAB_LIBRARY);
  }

  /** Back to the start page from the library browsed before any log was opened. */
  void closeLibrary() {
    browsingLibrary.set(false);
  }

  /** Selects a workspace tab by its id, when it exists (the library also before any log is open). */
  void showTab(String id) {
    if (Ids.TAB_LIBRARY.equals(id) && vm.investigationProperty().get() == null) {
      browsingLibrary.set(true);
    }
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /** Find (Ctrl+F): the Find bar of the events browser when it is in front, else of the hits table. */
  void find() {
    if (tabs.getSelectionModel().getSelectedItem() != null && Ids.TAB_EVENTS.equals(tabs.getSelectionModel().getSelectedItem().getId())) {
      eventsView.find();
      return;
    }
    showTab(Ids.TAB_HITS);
    hitsView.find();
  }

  void focusTimeline() {
    showTab(Ids.TAB_HITS);
    timeline.focus();
  }

  /** Scales every text of the window (and the layout in ems with it). */
  void zoomText(double factor) {
    double old = fontScale;
    fontScale = factor == 0 ? 1 : Math.max(0.6, Math.min(3, fontScale * factor));
    org.sysmontriage.ui.common.Em.setScale(fontScale);
    scaleColumns(this, fontScale / old);
    if (hitsSplit != null) {
      hitsSplit.setDividerPositions(hitsDivider);
    }
    double px = org.sysmontriage.ui.common.Em.size() * fontScale;
    String css = String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px);
    setStyle(css);
    // Popups (menus, combo lists, tooltips, dialogs) take the scene's stylesheets, not this style.
    // Icons get pixels: an icon size in em would refer to the icon's own font and grow without end.
    String rules = String.format(java.util.Locale.ROOT, ".root { %s } .ikonli-font-icon { -fx-icon-size: %.0fpx; }", css, px * 1.15);
    String sheet = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString(rules.getBytes(
        java.nio.charset.StandardCharsets.UTF_8));
    if (getScene() != null) {
      getScene().getStylesheets().remove(fontSheet);
      getScene().getStylesheets().add(sheet);
    }
    fontSheet = sheet;
  }

  // Column widths are in pixels: they grow and shrink with the text, so headers and risk never show "…".
  private void scaleColumns(Node root, double ratio) {
    double px = org.sysmontriage.ui.common.Em.size() * fontScale;
    for (Node n : root.lookupAll(".table-view")) {
      if (n instanceof javafx.scene.control.TableView<?> t) {
        scale(t.getColumns(), ratio, px);
      }
    }
  }

  // Each column at least as wide as its header (bold, with room for the sort arrow and padding).
  private static void scale(List<? extends javafx.scene.control.TableColumnBase<?, ?>> columns, double ratio, double px) {
    for (javafx.scene.control.TableColumnBase<?, ?> c : columns) {
      double least = org.sysmontriage.ui.common.Columns.headerLeast(c.getText(), px);
      c.setMinWidth(Math.max(c.getMinWidth() * ratio, least));
      c.setPrefWidth(Math.max(c.getPrefWidth() * ratio, c.getMinWidth()));
      scale(c.getColumns(), ratio, px);
    }
  }

  // Ctrl+= / Ctrl++ / Ctrl+- / Ctrl+0 size the text wherever the focus is (a field or the timeline
  // would otherwise take the key first).
  private void textSizeKeys(javafx.scene.input.KeyEvent e) {
    if (!e.isShortcutDown() || e.isAltDown()) {
      return;
    }
    switch (e.getCode()) {
      case EQUALS, PLUS, ADD -> zoomText(TEXT_STEP);
      case MINUS, SUBTRACT -> zoomText(1 / TEXT_STEP);
      case DIGIT0, NUMPAD0 -> zoomText(0);
      default -> {
        return;
      }
    }
    e.consume();
  }

  // Alt+Left / Alt+Right go back and forward wherever the focus is (a table or tree would take the arrow).
  private void historyKeys(javafx.scene.input.KeyEvent e) {
    if (!e.isAltDown() || e.isShortcutDown() || e.isShiftDown()) {
      return;
    }
    switch (e.getCode()) {
      case LEFT, KP_LEFT -> vm.back();
      case RIGHT, KP_RIGHT -> vm.forward();
      default -> {
        return;
      }
    }
    e.consume();
  }

  void focusHits() {
    showTab(Ids.TAB_HITS);
    hitsView.tableView().requestFocus();
  }

  private void allow(String field, String value) {
    int h = vm.hits().selectedHitProperty().get();
    if (h >= 0) {
      String analytic = vm.hits().table().hit(h).analytic().title();
      vm.caseWork().allow(h, field, value, "");
      vm.reapplyCase();
      vm.notice("Allowlisted: \"" + analytic + "\" will not flag " + field + " = " + value + " (saved with the case, Ctrl+S)");
    }
  }

  // Save / Discard / Cancel: true when the work is safe (saved) or deliberately dropped.
  private boolean saveOrDiscard(String action) {
    return switch (Dialogs.askUnsaved(window(), action)) {
      case SAVE -> caseActions.save();
      case DISCARD -> {
        vm.caseWork().discard();
        yield true;
      }
      case CANCEL -> false;
    };
  }

  /** Quits unless unsaved triage should be kept (the analyst pressed Cancel); true when quitting. */
  public boolean quit() {
    if (!vm.mayLeaveCase("quit")) {
      return false;
    }
    javafx.application.Platform.exit();
    return true;
  }

  CaseActions caseActions() {
    return caseActions;
  }

  private javafx.scene.Node noticeBar() {
    javafx.scene.control.Label notice = new javafx.scene.control.Label();
    notice.setId(Ids.NOTICE);
    notice.textProperty().bind(vm.noticeProperty());
    notice.setWrapText(true);
    javafx.scene.control.Button close = new javafx.scene.control.Button("", new org.kordamp.ikonli.javafx.FontIcon(
        org.kordamp.ikonli.material2.Material2OutlinedAL.CLEAR));
    close.setOnAction(e -> vm.notice(""));
    close.getStyleClass().add("flat");
    javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(notice, close);
    bar.getStyleClass().add(Styles.IMPORT_BAR);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    bar.managedProperty().bind(vm.noticeProperty().isNotEmpty());
    bar.visibleProperty().bind(bar.managedProperty());
    return bar;
  }

  Themes themes() {
    return themes;
  }

  @Override
  public void openFiles() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Open logs (EVTX, XML, JSON, archives)");
    List<File> files = chooser.showOpenMultipleDialog(window());
    if (files != null && !files.isEmpty()) {
      vm.open(files.stream().map(File::getPath).toList());
    }
  }

  @Override
  public void openFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open a folder of logs");
    File dir = chooser.showDialog(window());
    if (dir != null) {
      vm.open(List.of(dir.getPath()));
    }
  }

  Window window() {
    return getScene() == null ? null : getScene().getWindow();
  }

  private void dragOver(DragEvent e) {
    if (e.getDragboard().hasFiles()) {
      e.acceptTransferModes(TransferMode.COPY);
      if (!getStyleClass().contains(Styles.DROP_ACTIVE)) {
        getStyleClass().add(Styles.DROP_ACTIVE);
      }
    }
    e.consume();
  }

  private void dropped(DragEvent e) {
    getStyleClass().remove(Styles.DROP_ACTIVE);
    boolean ok = e.getDragboard().hasFiles();
    if (ok) {
      vm.open(e.getDragboard().getFiles().stream().map(File::getPath).toList());
    }
    e.setDropCompleted(ok);
    e.consume();
  }
}
