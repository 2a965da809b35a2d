package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a user does with a fixture engine: open, see hits, read details, filter. */
@ExtendWith(ApplicationExtension.class)
class ShellUiTest {
  @TempDir static Path home;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.show();
  }

  @Test
  void openingShowsHitsAndTheDetailsOfTheSelectedOne(FxRobot robot) throws Exception {
    assertTrue(stage.getTitle().startsWith("Sysmon Triage"));
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = robot.lookup(Ids.selector(Ids.HITS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
    showTab(robot, Ids.TAB_HITS);
    robot.clickOn(Ids.selector(Ids.HITS_TABLE)).type(javafx.scene.input.KeyCode.DOWN);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
    Label risk = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_RISK)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> risk.getText().endsWith("= 63 risk"));
    assertTrue(robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_TECHNIQUES)).lookup(".card-title").queryAs(Label.class).getText().startsWith("T1003.001"));
    assertTrue(robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_REASONS)).queryAs(Label.class).getText().contains("CallTrace contains dbghelp.dll"));
    assertTrue(stage.getTitle().startsWith("Sysmon Triage — "), stage.getTitle());
  }

  @Test
  void anImportOpensOnTheIncidentsViewWithTheStoryOfTheFirstIncident(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    javafx.scene.control.ListView<?> list = robot.lookup(Ids.selector(IncidentIds.LIST)).queryListView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.TabPane tabs = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(javafx.scene.control.TabPane.class);
    assertEquals(IncidentIds.TAB, tabs.getSelectionModel().getSelectedItem().getId());
    Label headline = robot.lookup(Ids.selector(IncidentIds.HEADLINE)).queryAs(Label.class);
    assertTrue(headline.getText().startsWith("INC-001") || headline.getText().startsWith("INC-"), headline.getText());
    assertTrue(robot.lookup(Ids.selector(IncidentIds.FACTS)).queryAs(Label.class).getText().contains("Score: "));
    TableView<?> steps = robot.lookup(Ids.selector(IncidentIds.STEPS)).queryTableView();
    assertTrue(!steps.getItems().isEmpty());
    javafx.scene.control.ChoiceBox<org.sysmontriage.casefile.HitStatus> verdict =
        robot.lookup(Ids.selector(IncidentIds.VERDICT)).queryAs(javafx.scene.control.ChoiceBox.class);
    robot.interact(() -> verdict.setValue(org.sysmontriage.casefile.HitStatus.TRUE_POSITIVE));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(stage.getTitle().contains("unsaved"), "an incident verdict is case work: " + stage.getTitle());
  }

  /** Brings a workspace tab to the front (by its id). */
  static void showTab(FxRobot robot, String id) {
    javafx.scene.control.TabPane tabs = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(javafx.scene.control.TabPane.class);
    robot.interact(() -> tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t)));
    WaitForAsyncUtils.waitForFxEvents();
    revealed(robot);
  }

  /** Waits until every tab shown for the first time is laid out in full (ShownPane lays it out over a few pulses). */
  static void revealed(FxRobot robot) {
    try {
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
          () -> robot.lookup(n -> n instanceof org.sysmontriage.ui.common.ShownPane p && p.revealing()).tryQuery().isEmpty());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("a tab was still being laid out after 10 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void filteringByHostNarrowsTheTable(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = robot.lookup(Ids.selector(Ids.HITS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
    showTab(robot, Ids.TAB_HITS);
    ComboBox<String> host = robot.lookup(Ids.selector(Ids.HITS_HOST)).queryComboBox();
    robot.clickOn(host);
    robot.clickOn(robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("SRV-02")).queryLabeled());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, table.getItems().size());
    assertEquals("1 of 3 hits", robot.lookup(Ids.selector(Ids.HITS_SUMMARY)).queryAs(Label.class).getText());
  }
}
