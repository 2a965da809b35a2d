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
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.common.Themes;
import org.sysmontriage.ui.details.DetailsView;
import org.sysmontriage.ui.hits.HitsView;
import org.sysmontriage.ui.importing.ImportBar;
import org.sysmontriage.ui.start.StartView;

/** The window's content: menu, start page or workspace tabs, and the import bar. */
public final class ShellView extends BorderPane implements StartView.Actions {
  private final ShellViewModel vm;
  private final Themes themes;
  private final TabPane tabs = new TabPane();
  private final HitsView hitsView;
  private final StackPane center = new StackPane();

  public ShellView(ShellViewModel vm, Themes themes, java.util.function.Consumer<String> browser) {
    this.vm = vm;
    this.themes = themes;
    getStyleClass().add(Styles.APP);
    hitsView = new HitsView(vm.hits());
    StartView start = new StartView(vm.start(), this);
    Node workspace = workspace(new DetailsView(vm.hitDetails(), browser));
    workspace.visibleProperty().bind(vm.investigationProperty().isNotNull());
    start.visibleProperty().bind(workspace.visibleProperty().not());
    center.getChildren().addAll(workspace, start);
    setTop(new ShellMenu(vm, this).bar());
    setCenter(center);
    setBottom(new ImportBar(vm.importing()));
    setOnDragOver(this::dragOver);
    setOnDragDropped(this::dropped);
    setOnDragExited(e -> getStyleClass().remove(Styles.DROP_ACTIVE));
  }

  private Node workspace(DetailsView details) {
    tabs.setId(Ids.MAIN_TABS);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    SplitPane hits = new SplitPane(hitsView, details);
    hits.setDividerPositions(0.62);
    SplitPane.setResizableWithParent(details, false);
    tabs.getTabs().add(tab(Ids.TAB_HITS, "Hits", hits));
    BorderPane pane = new BorderPane(tabs);
    pane.setId(Ids.WORKSPACE);
    return pane;
  }

  private static Tab tab(String id, String title, Node content) {
    Tab t = new Tab(title, content);
    t.setId(id);
    return t;
  }

  /** Selects a workspace tab by its id, when it exists. */
  void showTab(String id) {
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  void find() {
    showTab(Ids.TAB_HITS);
    hitsView.focusFilter();
  }

  void focusHits() {
    showTab(Ids.TAB_HITS);
    hitsView.tableView().requestFocus();
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

  private Window window() {
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
