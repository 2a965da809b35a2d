package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.Step;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** From an incident's step to its hit in the Hits view (or its event, for a step no analytic reported). */
@ExtendWith(ApplicationExtension.class)
class IncidentStepUiTest {
  @TempDir static Path home;

  @Start
  void start(Stage stage) {
    TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.show();
  }

  @Test
  void aStepOpensItsHitAndAContextStepItsEvent(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    ListView<Incident> list = robot.lookup(Ids.selector(IncidentIds.LIST)).queryListView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().stream().anyMatch(i -> step(i, Fixtures.DUMP_FILE) >= 0));
    Incident wks = list.getItems().stream().filter(i -> step(i, Fixtures.DUMP_FILE) >= 0).findFirst().orElseThrow();
    robot.interact(() -> list.getSelectionModel().select(wks));
    TableView<Step> steps = robot.lookup(Ids.selector(IncidentIds.STEPS)).queryTableView();
    Button open = robot.lookup(Ids.selector(IncidentIds.STEP_OPEN)).queryButton();
    assertTrue(open.isDisabled(), "no step selected: nothing to open");

    // a step an analytic reported: its hit is selected in the Hits view and its details shown
    robot.interact(() -> steps.getSelectionModel().select(step(wks, Fixtures.DUMP_FILE)));
    robot.clickOn(open);
    WaitForAsyncUtils.waitForFxEvents();
    TabPane tabs = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(TabPane.class);
    assertEquals(Ids.TAB_HITS, tabs.getSelectionModel().getSelectedItem().getId());
    TableView<Integer> hits = robot.lookup(Ids.selector(Ids.HITS_TABLE)).queryTableView();
    Label heading = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_HEADING)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> hits.getSelectionModel().getSelectedItem() != null
        && heading.getText().startsWith(Fixtures.TASKMGR.title()));
    assertEquals(1, hits.getSelectionModel().getSelectedItems().size());

    // a context step (procdump's LSASS access no analytic reported here): its event, no hit selected
    ShellUiTest.showTab(robot, IncidentIds.TAB);
    robot.interact(() -> {
      steps.requestFocus();
      steps.getSelectionModel().select(step(wks, Fixtures.PROCDUMP_ACCESS));
    });
    assertTrue(steps.getSelectionModel().getSelectedItem().context(), "the access step is context");
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Ids.TAB_HITS, tabs.getSelectionModel().getSelectedItem().getId());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> heading.getText().startsWith("Event 10"));
    assertEquals(null, hits.getSelectionModel().getSelectedItem(), "no hit is selected for an event no analytic reported");
  }

  /** The row of the step on this event, or -1. */
  private static int step(Incident i, int event) {
    for (int k = 0; k < i.steps().size(); k++) {
      if (i.steps().get(k).event() == event) {
        return k;
      }
    }
    return -1;
  }
}
