package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real engine over sample-logs/: open, hits appear, details of one, filter by host. */
@ExtendWith(ApplicationExtension.class)
class SampleLogsUiTest {
  @TempDir static Path home;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new CoreEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), SampleLogs.locate(), url -> {}));
    stage.show();
  }

  @Test
  void sampleLogsShowHitsWithTechniqueAndRiskAndFilterByHost(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n > 10);
    robot.clickOn(Ids.selector(Ids.HITS_TABLE));
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    Hit hit = vm.hits().table().hit(table.getItems().get(0));
    Label risk = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_RISK)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> risk.getText().endsWith("= " + hit.risk() + " risk"));
    ShellUiTest.detailsFilled(robot);
    Label card = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_TECHNIQUES)).lookup(".card-title").queryAs(Label.class);
    assertTrue(card.getText().startsWith(hit.analytic().techniques().get(0)), card.getText());

    robot.interact(() -> vm.hits().hostProperty().set("SRV-FILE-01.acme.local"));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(table.getItems().size() > 0);
    for (int h : table.getItems()) {
      assertEquals("SRV-FILE-01.acme.local", vm.hits().table().host(h));
    }
  }

  @Test
  void libraryPageShowsTheColouredSigmaRuleThatRunsAndShowMeSelectsItsHit(FxRobot robot) throws Exception {
    String id = "ST-LSASS-CLONE";
    // before any log is open: from the start page, and back
    robot.clickOn(Ids.selector(Ids.START_LIBRARY));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(robot.lookup(Ids.selector(Ids.START_VIEW)).query().isVisible());
    robot.clickOn(Ids.selector(Ids.LIBRARY_BACK));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(robot.lookup(Ids.selector(Ids.START_VIEW)).query().isVisible());
    robot.clickOn(Ids.selector(Ids.START_LIBRARY));
    ListView<Analytic> list = robot.lookup(Ids.selector(Ids.LIBRARY_LIST)).queryListView();
    robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow()));
    WaitForAsyncUtils.waitForFxEvents();
    TextFlow sigma = robot.lookup(Ids.selector(Ids.LIBRARY_PAGE, Ids.ANALYTIC_SIGMA)).queryAs(TextFlow.class);
    StringBuilder shown = new StringBuilder();
    java.util.Set<String> colours = new java.util.HashSet<>();
    for (Node n : sigma.getChildren()) {
      shown.append(((Text) n).getText());
      colours.addAll(n.getStyleClass());
    }
    assertEquals(AnalyticLibrary.builtIn().info(id).ruleDocument(), shown.toString());
    assertTrue(colours.containsAll(java.util.List.of("yaml-key", "yaml-modifier", "yaml-string", "yaml-punct")), colours.toString());
    assertTrue(robot.lookup(Ids.selector(Ids.LIBRARY_PAGE)).lookup(".label")
        .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().startsWith("1. ")), "numbered test steps");

    robot.clickOn(Ids.selector(Ids.LIBRARY_SHOW_ME));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
      int h = vm.hits().selectedHitProperty().get();
      return h >= 0 && vm.hits().table() != null && vm.hits().table().hit(h).analytic().id().equals(id);
    });
  }

  @Test
  void aLogOpenedTwiceUnderTwoPathsIsReadOnceAndTheWindowSaysSo(FxRobot robot, @TempDir Path dir) throws Exception {
    Path sample = SampleLogs.locate().orElseThrow().resolve("json/otrf-flat_SRV-FILE-01_sysmon.json");
    Path a = java.nio.file.Files.copy(sample, dir.resolve("a.json"));
    Path b = java.nio.file.Files.copy(sample, java.nio.file.Files.createDirectories(dir.resolve("copy")).resolve("a.json"));
    robot.interact(() -> vm.open(java.util.List.of(a.toString(), b.getParent().toString())));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.investigationProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(b + " is identical to " + a + " (same SHA-256): read once (Sources lists both)", vm.noticeProperty().get());
    assertEquals(new CoreEngine().importLogs(java.util.List.of(a.toString()), s -> {}, new org.sysmontriage.event.CancellationToken()).size(),
        vm.investigationProperty().get().store().size());
  }
}
