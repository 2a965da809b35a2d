package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.incident.ProcessNode;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.ShownPane;
import org.sysmontriage.ui.details.ProcessTreeView;
import org.sysmontriage.ui.engine.ImportSnapshot;
import org.sysmontriage.ui.hits.HitColumn;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The process tree of a hit and Back / Forward between hits, related events, tree nodes and incidents. */
@ExtendWith(ApplicationExtension.class)
class NavigationUiTest {
  private static final String EXPLORER = "{33333333-0000-0000-0000-000000000001}";
  private static final String PROCDUMP = "{33333333-0000-0000-0000-000000000002}";
  private static final String WERFAULT = "{33333333-0000-0000-0000-000000000003}";
  private static final int START = 1;
  private static final int ACCESS = 2;
  private static final int CHILD = 3;

  @TempDir static Path home;
  private ShellViewModel vm;

  /** explorer starts procdump (a hit), procdump opens lsass (a hit) and starts WerFault. */
  static final class LineageEngine extends FakeEngine {
    @Override
    public EventStore importLogs(List<String> paths, java.util.function.Consumer<ImportSnapshot> progress, CancellationToken cancel) {
      EventStoreBuilder b = new EventStoreBuilder();
      int src = b.addSource("lineage.json");
      add(b, src, 1, "2024-03-01T10:00:00Z", Map.of("Image", "C:\\Windows\\explorer.exe", "ProcessGuid", EXPLORER, "ProcessId", "1000"));
      add(b, src, 1, "2024-03-01T10:00:05Z", Map.of("Image", "C:\\Tools\\procdump64.exe", "ProcessGuid", PROCDUMP, "ProcessId", "2000",
          "ParentProcessGuid", EXPLORER, "CommandLine", "procdump64.exe -ma lsass.exe C:\\Temp\\l.dmp"));
      add(b, src, 10, "2024-03-01T10:00:06Z", Map.of("SourceImage", "C:\\Tools\\procdump64.exe", "SourceProcessGUID", PROCDUMP,
          "TargetImage", "C:\\Windows\\System32\\lsass.exe", "GrantedAccess", "0x1FFFFF"));
      add(b, src, 1, "2024-03-01T10:00:08Z", Map.of("Image", "C:\\Windows\\System32\\WerFault.exe", "ProcessGuid", WERFAULT, "ProcessId", "3000",
          "ParentProcessGuid", PROCDUMP, "CommandLine", "WerFault.exe -u -p 2000"));
      return b.freeze();
    }

    @Override
    public List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel) {
      List<Hit> hits = new ArrayList<>();
      hits.add(new Hit(START, Fixtures.PROCDUMP, List.of(new MatchedField("CommandLine", "procdump64.exe", "CommandLine contains procdump"))));
      hits.add(new Hit(ACCESS, Fixtures.CALLTRACE, List.of(new MatchedField("TargetImage", "lsass.exe", "TargetImage ends with lsass.exe"))));
      return hits;
    }

    private static void add(EventStoreBuilder b, int src, int id, String time, Map<String, String> fields) {
      EventDraft d = new EventDraft();
      d.eventId = id;
      d.computer = "WKS-01";
      d.channel = "Microsoft-Windows-Sysmon/Operational";
      d.provider = "Microsoft-Windows-Sysmon";
      d.ticks = Fixtures.t(time);
      d.recordId = b.size() + 1;
      fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> d.field(f.getKey(), f.getValue()));
      b.accept(d, src);
    }
  }

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new LineageEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.show();
  }

  private TableView<Integer> open(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n == 2);
    return table;
  }

  private void selectHitOf(FxRobot robot, TableView<Integer> table, int event) {
    robot.interact(() -> {
      int h = vm.hits().table().hitOfEvent(event);
      table.requestFocus();
      table.getSelectionModel().clearAndSelect(table.getItems().indexOf(h));
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private ProcessTreeView showProcessTree(FxRobot robot) {
    TabPane tabs = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(() -> tabs.getTabs().stream().filter(t -> t.getText().equals("Processes")).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t)));
    return robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_PROCESS_TREE)).queryAs(ProcessTreeView.class);
  }

  private static List<String> rows(ProcessTreeView tree) {
    List<String> out = new ArrayList<>();
    walk(tree.getRoot(), -1, out);
    return out;
  }

  private static void walk(TreeItem<ProcessNode> item, int depth, List<String> out) {
    if (item == null) {
      return;
    }
    if (item.getValue() != null) {
      ProcessNode n = item.getValue();
      out.add(depth + " " + n.image().substring(n.image().lastIndexOf('\\') + 1) + (n.marked() ? " *" : ""));
    }
    item.getChildren().forEach(c -> walk(c, depth + 1, out));
  }

  private String heading(FxRobot robot) {
    return robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_HEADING)).queryAs(Label.class).getText();
  }

  private static void alt(FxRobot robot, KeyCode arrow) {
    robot.press(KeyCode.ALT).type(arrow).release(KeyCode.ALT);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theProcessTreeOfAHitShowsItsParentAndChildAndEnterOpensANodesEvent(FxRobot robot) throws Exception {
    TableView<Integer> table = open(robot);
    selectHitOf(robot, table, ACCESS);
    ProcessTreeView tree = showProcessTree(robot);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(tree).size() == 3);
    assertEquals(List.of("0 explorer.exe", "1 procdump64.exe *", "2 WerFault.exe"), rows(tree),
        "the access's process (marked) under its parent, with its child");
    assertEquals("procdump64.exe", tree.getSelectionModel().getSelectedItem().getValue().image().substring(9),
        "the hit's own process is selected");
    robot.interact(() -> {
      tree.requestFocus();
      tree.getSelectionModel().select(tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0));
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.hitDetails().event() == CHILD);
    assertTrue(heading(robot).contains("WerFault.exe"), heading(robot));
    assertEquals(vm.hits().table().hitOfEvent(ACCESS), vm.hits().selectedHitProperty().get(), "the grid keeps the hit");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(tree).equals(List.of("0 explorer.exe", "1 procdump64.exe", "2 WerFault.exe *")));

    robot.interact(() -> {
      tree.requestFocus();
      tree.getSelectionModel().select(tree.getRoot().getChildren().get(0));
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heading(robot).contains("explorer.exe"));
    assertEquals(0, vm.hitDetails().event(), "the root's start event");
  }

  @Test
  void aDetailsTabBehindTheShownOneIsLaidOutWhenShown(FxRobot robot) throws Exception {
    TableView<Integer> table = open(robot);
    selectHitOf(robot, table, ACCESS);
    ProcessTreeView tree = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_PROCESS_TREE)).queryAs(ProcessTreeView.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(tree).size() == 3); // the model fills behind the tab
    ShownPane pane = null;
    for (javafx.scene.Node n = tree; n != null && pane == null; n = n.getParent()) {
      pane = n instanceof ShownPane p ? p : null;
    }
    assertTrue(pane != null && pane.waiting(), "the Processes tab does not show: its layout (and its cells) wait");
    assertTrue(tree.lookupAll(".tree-cell").stream().noneMatch(c -> ((TreeCell<?>) c).getItem() != null), "no row made yet");
    showProcessTree(robot);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(pane.waiting());
    assertEquals(3, tree.lookupAll(".tree-cell").stream().filter(c -> ((TreeCell<?>) c).getItem() != null).count(), "its three rows show");
  }

  @Test
  void theAnalyticsPageIsMadeWhenItsTabShows(FxRobot robot) throws Exception {
    TableView<Integer> table = open(robot);
    selectHitOf(robot, table, ACCESS);
    javafx.scene.control.ScrollPane scroll = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_PAGE)).queryAs(javafx.scene.control.ScrollPane.class);
    String title = vm.hitDetails().analyticProperty().get().title();
    assertFalse(texts(scroll).contains(title), "hidden: the page is not made at the selection");
    TabPane tabs = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(() -> tabs.getTabs().stream().filter(t -> t.getText().equals("Analytic")).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(texts(scroll).contains(title), "shown: the selected hit's analytic");
    Label first = (Label) ((javafx.scene.layout.VBox) scroll.getContent()).getChildren().get(0);
    assertTrue(first.getWidth() > 0 && first.getHeight() > 0, "laid out in the pulse it was made in");
  }

  private static List<String> texts(javafx.scene.control.ScrollPane scroll) {
    return ((javafx.scene.layout.VBox) scroll.getContent()).getChildren().stream()
        .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
  }

  @Test
  void backAndForwardRetraceHitsTreeNodesAndIncidents(FxRobot robot) throws Exception {
    TableView<Integer> table = open(robot);
    Button back = robot.lookup(Ids.selector(Ids.NAV_BACK)).queryButton();
    selectHitOf(robot, table, START);
    selectHitOf(robot, table, ACCESS);
    ProcessTreeView tree = showProcessTree(robot);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rows(tree).size() == 3);
    robot.interact(() -> {
      tree.requestFocus();
      tree.getSelectionModel().select(tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().get(0));
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.hitDetails().event() == CHILD);

    alt(robot, KeyCode.LEFT); // the tree has the focus: Alt+Left is still Back
    assertEquals(ACCESS, vm.hitDetails().event(), "back to the hit the tree was opened from");
    alt(robot, KeyCode.LEFT);
    assertEquals(START, vm.hitDetails().event());
    assertEquals(vm.hits().table().hitOfEvent(START), vm.hits().selectedHitProperty().get(), "the grid selects the earlier hit again");
    assertEquals(vm.hits().table().hitOfEvent(START), table.getSelectionModel().getSelectedItem());
    alt(robot, KeyCode.RIGHT);
    assertEquals(ACCESS, vm.hitDetails().event());
    alt(robot, KeyCode.RIGHT);
    assertEquals(CHILD, vm.hitDetails().event(), "forward to the tree node");
    assertEquals(vm.hits().table().hitOfEvent(ACCESS), table.getSelectionModel().getSelectedItem());

    // an incident, then Back from it returns to the Hits view and the tree node
    ShellUiTest.showTab(robot, IncidentIds.TAB);
    javafx.scene.control.ListView<?> list = robot.lookup(Ids.selector(IncidentIds.LIST)).queryListView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
    robot.interact(() -> {
      list.getSelectionModel().clearSelection();
      vm.incidents().selectedProperty().set(null);
      list.getSelectionModel().select(0);
    });
    WaitForAsyncUtils.waitForFxEvents();
    TabPane tabs = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(TabPane.class);
    robot.clickOn(back);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Ids.TAB_HITS, tabs.getSelectionModel().getSelectedItem().getId());
    assertEquals(CHILD, vm.hitDetails().event());
    alt(robot, KeyCode.RIGHT);
    assertEquals(IncidentIds.TAB, tabs.getSelectionModel().getSelectedItem().getId(), "forward to the incident");

    // a step of the incident opens its event in the Hits view; Back returns to the incident
    TableView<?> steps = robot.lookup(Ids.selector(IncidentIds.STEPS)).queryTableView();
    robot.interact(() -> {
      steps.requestFocus();
      steps.getSelectionModel().clearAndSelect(0);
    });
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Ids.TAB_HITS, tabs.getSelectionModel().getSelectedItem().getId());
    int stepEvent = ((org.sysmontriage.incident.Step) steps.getItems().get(0)).event();
    assertEquals(stepEvent, vm.hitDetails().event());
    alt(robot, KeyCode.LEFT);
    assertEquals(IncidentIds.TAB, tabs.getSelectionModel().getSelectedItem().getId());
    assertFalse(back.isDisabled());
  }

  @Test
  void backAndForwardSetTheFiltersAndSortEachHitWasShownWith(FxRobot robot) throws Exception {
    TableView<Integer> table = open(robot);
    selectHitOf(robot, table, START);
    HitsViewModel.ViewState first = vm.hits().viewState();
    robot.interact(() -> {
      vm.hits().minRiskProperty().set(1);
      vm.hits().sortBy(HitColumn.TIME, true);
    });
    WaitForAsyncUtils.waitForFxEvents();
    selectHitOf(robot, table, ACCESS);
    HitsViewModel.ViewState second = vm.hits().viewState();
    assertNotEquals(first, second);

    alt(robot, KeyCode.LEFT);
    assertEquals(START, vm.hitDetails().event());
    assertEquals(first, vm.hits().viewState(), "Back sets the filters and sort the earlier hit was shown with");
    assertEquals(0, vm.hits().minRiskProperty().get());
    alt(robot, KeyCode.RIGHT);
    assertEquals(ACCESS, vm.hitDetails().event());
    assertEquals(second, vm.hits().viewState(), "Forward sets them as they were again");
    assertEquals(vm.hits().table().hitOfEvent(ACCESS), table.getSelectionModel().getSelectedItem());
  }
}
