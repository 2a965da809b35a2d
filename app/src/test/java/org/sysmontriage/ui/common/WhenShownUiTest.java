package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Work for a view on a tab that is not selected waits (the latest only) until the tab shows; so does a tab's layout (ShownPane). */
@ExtendWith(ApplicationExtension.class)
class WhenShownUiTest {
  private TabPane tabs;
  private Label view;
  private WhenShown whenShown;
  private TableView<String> table;
  private ShownPane pane;

  @Start
  void start(Stage stage) {
    view = new Label("the view");
    whenShown = new WhenShown(view);
    table = new TableView<>();
    table.getColumns().add(Columns.text("Value", s -> s, 8));
    pane = new ShownPane(table);
    tabs = new TabPane(new Tab("Other", new Label("in front")), new Tab("View", view), new Tab("Table", pane));
    stage.setScene(new Scene(tabs, 400, 300));
    stage.show();
  }

  @Test
  void aTableOnAHiddenTabMakesItsCellsWhenTheTabShows(FxRobot robot) {
    robot.interact(() -> table.getItems().setAll("a", "b", "c"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, rows(), "hidden: not laid out, no row shows an item");
    assertTrue(pane.waiting());
    robot.interact(() -> tabs.getSelectionModel().select(2));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(pane.waiting());
    assertTrue(table.getWidth() > 0 && table.getHeight() > 0, "laid out in the pulse it showed in");
    assertEquals(3, rows(), "its rows are there");
  }

  @Test
  void aTabsFirstShowingLaysItsContentOutAStepMoreInEachPulse(FxRobot robot) throws Exception {
    List<Double> heights = new ArrayList<>(); // the table's height after each pulse's layout, from the click on
    robot.interact(() -> {
      table.getItems().setAll(java.util.stream.IntStream.range(0, 40).mapToObj(i -> "row " + i).toList());
      table.getScene().addPostLayoutPulseListener(() -> {
        if (tabs.getSelectionModel().getSelectedIndex() == 2 && (heights.isEmpty() || heights.get(heights.size() - 1) != table.getHeight())) {
          heights.add(table.getHeight());
        }
      });
      tabs.getSelectionModel().select(2);
    });
    WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> !pane.revealing() && !pane.waiting());
    WaitForAsyncUtils.waitForFxEvents();
    double full = pane.getHeight() - pane.snappedTopInset() - pane.snappedBottomInset();
    int steps = ShownPane.REVEAL_STEPS;
    assertEquals(steps, heights.size(), heights.toString());
    for (int k = 1; k <= steps; k++) {
      assertEquals(full * k / steps, heights.get(k - 1), 1, "pulse " + k + ": " + k + "/" + steps + " of the pane");
    }
    robot.interact(() -> tabs.getSelectionModel().select(0));
    robot.interact(() -> {
      table.getItems().add("one more");
      heights.clear();
      tabs.getSelectionModel().select(2);
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(full), heights, "shown again: laid out whole at once");
  }

  private long rows() {
    return table.lookupAll(".table-row-cell").stream().filter(n -> n.isVisible() && ((TableRow<?>) n).getItem() != null).count();
  }

  @Test
  void workWaitsForTheTabAndOnlyTheLatestRuns(FxRobot robot) {
    List<String> done = new ArrayList<>();
    robot.interact(() -> {
      assertFalse(WhenShown.showing(view));
      whenShown.run(() -> done.add("first"));
      whenShown.run(() -> done.add("second"));
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), done, "hidden: nothing runs");
    assertTrue(whenShown.waiting());
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("second"), done, "shown: the latest work runs, once");
    assertFalse(whenShown.waiting());
    robot.interact(() -> whenShown.run(() -> done.add("at once")));
    assertEquals(List.of("second", "at once"), done, "while it shows, work runs at once");
    robot.interact(() -> {
      tabs.getSelectionModel().select(0);
      whenShown.run(() -> done.add("flushed"));
      whenShown.flush();
    });
    assertEquals(List.of("second", "at once", "flushed"), done, "flush runs kept work even when hidden");
  }
}
