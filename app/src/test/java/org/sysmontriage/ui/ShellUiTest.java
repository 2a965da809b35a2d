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
    TableView<Integer> table = hitsShown(robot, n -> n == 3);
    robot.clickOn(Ids.selector(Ids.HITS_TABLE)).type(javafx.scene.input.KeyCode.DOWN);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(1));
    Label risk = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_RISK)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> risk.getText().endsWith("= 63 risk"));
    detailsFilled(robot);
    assertTrue(robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_TECHNIQUES)).lookup(".card-title").queryAs(Label.class).getText().startsWith("T1003.001"));
    assertTrue(robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_REASONS)).queryAs(Label.class).getText().contains("CallTrace contains dbghelp.dll"));
    assertTrue(stage.getTitle().startsWith("Sysmon Triage — "), stage.getTitle());
  }

  @Test
  void beforeAnyLogOnlyTheLibrarysNameCanBeChosenYetNoViewIsDisabled(FxRobot robot) throws Exception {
    javafx.scene.control.TabPane tabs = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(javafx.scene.control.TabPane.class);
    javafx.scene.Node hitsName = robot.lookup("#" + Ids.TAB_HITS + org.sysmontriage.ui.common.WrappingTabs.NAME_SUFFIX).query();
    javafx.scene.Node libraryName = robot.lookup("#" + Ids.TAB_LIBRARY + org.sysmontriage.ui.common.WrappingTabs.NAME_SUFFIX).query();
    assertTrue(hitsName.isDisabled(), "nothing to show in the Hits tab yet");
    assertTrue(!libraryName.isDisabled(), "the library can be browsed");
    // a disabled tab disables its content: enabling them all at the first open restyled the whole workspace
    for (javafx.scene.control.Tab t : tabs.getTabs()) {
      assertTrue(!t.isDisable() && !t.getContent().isDisabled(), t.getId() + " is not disabled");
    }
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !hitsName.isDisabled());
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

  /**
   * After an import: waits until it shows (the Hits tab's name no longer greyed out), brings the Hits tab to the front
   * and waits for rows that {@code rows} accepts, as a person does (a table behind another tab gets its rows when it shows).
   */
  static TableView<Integer> hitsShown(FxRobot robot, java.util.function.IntPredicate rows) throws java.util.concurrent.TimeoutException {
    javafx.scene.Node name = robot.lookup("#" + Ids.TAB_HITS + org.sysmontriage.ui.common.WrappingTabs.NAME_SUFFIX).query();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !name.isDisabled());
    WaitForAsyncUtils.waitForFxEvents();
    showTab(robot, Ids.TAB_HITS);
    TableView<Integer> table = robot.lookup(Ids.selector(Ids.HITS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> rows.test(table.getItems().size()));
    return table;
  }

  /** Waits until the details of a selection are filled: heading first, then reasons, cards and fields a pulse apart (DetailsView). */
  static void detailsFilled(FxRobot robot) {
    untilNone(robot, n -> n instanceof org.sysmontriage.ui.details.DetailsView d && d.filling(), "the details were still being filled");
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
    untilNone(robot, n -> n instanceof org.sysmontriage.ui.common.ShownPane p && p.revealing(), "a tab was still being laid out");
  }

  /** Waits (60 s at most: a loaded machine is slow, the wait ends as soon as it holds) until no node of the window is in the state {@code busy} says. */
  private static void untilNone(FxRobot robot, java.util.function.Predicate<javafx.scene.Node> busy, String failure) {
    try {
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(busy).tryQuery().isEmpty());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(failure + " after 60 s", e);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void filteringByHostNarrowsTheTable(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = hitsShown(robot, n -> n == 3);
    ComboBox<String> host = robot.lookup(Ids.selector(Ids.HITS_HOST)).queryComboBox();
    robot.clickOn(host);
    robot.clickOn(robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("SRV-02")).queryLabeled());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, table.getItems().size());
    assertEquals("1 of 3 hits", robot.lookup(Ids.selector(Ids.HITS_SUMMARY)).queryAs(Label.class).getText());
  }
}
