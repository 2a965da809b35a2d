package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.AppHome;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.engine.PackStatus;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.timeline.TimelineCanvas;
import org.sysmontriage.ui.timeline.TimelineData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The analytics library's rule packs with the real engine: the Hunt pack switched on gives hunt hits
 * (in a lane of their own below the LSASS lanes, with the rule's author); a rule folder with a good
 * and a bad rule gives the good rule's hits and the bad one's file:line; a new window with the same
 * application folder keeps both choices.
 */
@ExtendWith(ApplicationExtension.class)
class RulePacksUiTest {
  @TempDir static Path dir;
  private static String oldHome;
  private static String oldHunt;
  private static Path log;
  private ShellViewModel vm;

  @BeforeAll
  static void files() throws Exception {
    oldHome = System.getProperty(AppHome.PROPERTY);
    oldHunt = System.getProperty("sysmon.triage.hunt");
    System.setProperty(AppHome.PROPERTY, Files.createDirectories(dir.resolve("home")).toString());
    Path hunt = Files.createDirectories(dir.resolve("hunt/process_creation"));
    Files.writeString(hunt.resolve("proc_creation_win_whoami.yml"), rule("Whoami Execution", "hunt-whoami", "Jane Doe (Example Labs)",
        "medium", "whoami.exe").replace("level: medium", "name: whoami\nlevel: medium"));
    System.setProperty("sysmon.triage.hunt", dir.resolve("hunt").toString());
    Path mine = Files.createDirectories(dir.resolve("my-rules"));
    Files.writeString(mine.resolve("good.yml"), rule("Net user enumeration", "mine-net", "Analyst", "low", "net.exe")
        .replace("level: low", "name: net_user\nlevel: low"));
    Files.writeString(mine.resolve("recon.yml"), """
        title: Whoami then net by one user
        id: mine-recon
        correlation:
          type: temporal
          rules: [whoami, net_user]
          group-by: [User]
          timespan: 5m
        """);
    Files.writeString(mine.resolve("bad.yml"), """
        title: Broken
        id: mine-broken
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|nope: x
          condition: sel
        """);
    log = dir.resolve("ws01.ndjson");
    Files.writeString(log, event(1, "2020-10-18 19:50:09.241", "C:\\\\Tools\\\\procdump64.exe", "procdump64.exe -accepteula -ma lsass.exe C:\\\\tmp\\\\l.dmp")
        + event(2, "2020-10-18 19:51:00.000", "C:\\\\Windows\\\\System32\\\\whoami.exe", "whoami /all")
        + event(3, "2020-10-18 19:52:00.000", "C:\\\\Windows\\\\System32\\\\net.exe", "net user /domain"));
  }

  @AfterAll
  static void restore() {
    restore(AppHome.PROPERTY, oldHome);
    restore("sysmon.triage.hunt", oldHunt);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }

  private static String rule(String title, String id, String author, String level, String image) {
    return """
        title: %s
        id: %s
        author: %s
        level: %s
        logsource: {product: windows, category: process_creation}
        detection:
          sel:
            Image|endswith: '\\%s'
          condition: sel
        """.formatted(title, id, author, level, image);
  }

  private static String event(int record, String time, String image, String commandLine) {
    return "{\"EventID\":1,\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"SourceName\":\"Microsoft-Windows-Sysmon\","
        + "\"Hostname\":\"WS01\",\"EventRecordID\":" + record + ",\"UtcTime\":\"" + time + "\",\"Image\":\"" + image + "\","
        + "\"CommandLine\":\"" + commandLine + "\",\"User\":\"CORP\\\\alice\"}\n";
  }

  private static ShellViewModel window(Stage stage) {
    ShellViewModel shell = TriageWindow.open(stage, new TriageWindow.Parts(new CoreEngine(), new FxTaskRunner(),
        new RecentFiles(dir.resolve("recent.json")), Optional.empty(), url -> {}));
    stage.show();
    return shell;
  }

  @Start
  void start(Stage stage) {
    vm = window(stage);
  }

  private static boolean hasHit(ShellViewModel shell, String analyticId) {
    HitTable t = shell.hits().table();
    return IntStream.range(0, t.size()).anyMatch(h -> t.analyticId(h).equals(analyticId));
  }

  @Test
  void packsAndRuleFoldersAddHitsShowErrorsAndAreRemembered(FxRobot robot) throws Exception {
    robot.interact(() -> vm.open(List.of(log.toString())));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.hits().table().size() > 0);
    assertTrue(!hasHit(vm, "hunt-whoami"), "the Hunt pack is off until switched on");

    ShellUiTest.showTab(robot, Ids.TAB_LIBRARY);
    robot.clickOn(Ids.selector(Ids.LIBRARY_PACK_HUNT));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hasHit(vm, "hunt-whoami"));
    HitTable table = vm.hits().table();
    int hunt = IntStream.range(0, table.size()).filter(h -> table.analyticId(h).equals("hunt-whoami")).findFirst().orElseThrow();
    assertEquals(PackStatus.HUNT, table.pack(hunt));
    assertEquals(40, table.risk(hunt), "medium: 50 impact x 80 confidence / 100");

    TimelineCanvas canvas = robot.lookup(Ids.selector(Ids.TIMELINE)).queryAs(TimelineCanvas.class);
    // the lanes are built on a worker thread and swapped in after the hit table: under load they lag it
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
        () -> canvas.data() != null && canvas.data().table() == vm.hits().table() && canvas.data().firstPackLane() >= 0);
    TimelineData lanes = canvas.data();
    assertEquals("WS01", lanes.laneNames().get(0), "the LSASS lane first");
    assertEquals(1, lanes.firstPackLane());
    assertEquals("Hunt: 1 hit", lanes.laneNames().get(1));

    ShellUiTest.showTab(robot, Ids.TAB_HITS);
    robot.interact(() -> vm.hits().selectedHitProperty().set(hunt));
    Label author = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_AUTHOR)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> author.getText().equals("Rule by Jane Doe (Example Labs)"));

    robot.interact(() -> vm.library().addFolder(dir.resolve("my-rules")));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> hasHit(vm, "mine-net"));
    assertTrue(hasHit(vm, "hunt-whoami"), "the Hunt pack stays on");
    ShellUiTest.showTab(robot, Ids.TAB_LIBRARY);
    ListView<String> errors = robot.lookup(Ids.selector(Ids.LIBRARY_ERRORS)).queryListView();
    assertEquals(1, errors.getItems().size(), errors.getItems().toString());
    String bad = dir.resolve("my-rules").resolve("bad.yml") + ":6: unsupported modifier 'nope'";
    assertTrue(errors.getItems().get(0).startsWith(bad), errors.getItems().get(0));
    assertTrue(errors.isVisible());

    ShellUiTest.showTab(robot, Ids.TAB_CORRELATIONS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.correlations().findings().size() == 1);
    assertEquals("Correlations (1)", vm.correlations().titleProperty().get());
    javafx.scene.control.TableView<Integer> grouped = robot.lookup(Ids.selector(Ids.CORRELATIONS_HITS)).queryTableView();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> grouped.getItems().size() == 2);
    HitTable now = vm.hits().table();
    assertEquals(List.of("hunt-whoami", "mine-net"), grouped.getItems().stream().map(now::analyticId).toList());
    int net = grouped.getItems().get(1);
    robot.interact(() -> vm.correlations().open(net));
    assertEquals(net, vm.hits().selectedHitProperty().get(), "a grouped hit opens in the Hits view");

    Stage[] second = new Stage[1];
    ShellViewModel[] again = new ShellViewModel[1];
    robot.interact(() -> {
      second[0] = new Stage();
      again[0] = window(second[0]);
    });
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again[0].library().packs().size() == 3);
    List<PackStatus> packs = again[0].library().packs();
    assertTrue(packs.get(1).enabled() && packs.get(1).rules() == 1, "Hunt kept on: " + packs.get(1));
    assertEquals(dir.resolve("my-rules"), packs.get(2).folder());
    assertTrue(packs.get(2).enabled() && packs.get(2).rules() == 1, packs.get(2).toString());
    assertEquals(1, packs.get(2).errors().size(), "the bad rule is checked again on load");
    assertTrue(robot.from(second[0].getScene().getRoot()).lookup(Ids.selector(Ids.LIBRARY_PACK_HUNT)).queryAs(CheckBox.class).isSelected());
    robot.interact(() -> second[0].close());
  }
}
