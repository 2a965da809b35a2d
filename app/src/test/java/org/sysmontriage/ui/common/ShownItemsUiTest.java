package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A table on a hidden tab holds no rows and makes no cells; it gets its rows in the pulse its tab shows in. */
@ExtendWith(ApplicationExtension.class)
class ShownItemsUiTest {
  private TabPane tabs;
  private final ObservableList<String> rows = FXCollections.observableArrayList();
  private TableView<String> table;

  @Start
  void start(Stage stage) {
    table = new TableView<>();
    table.getColumns().add(Columns.text("Value", s -> s, 8));
    ShownItems.bind(table.itemsProperty(), rows, table);
    tabs = new TabPane(new Tab("Other", new Label("in front")), new Tab("Table", table));
    stage.setScene(new Scene(tabs, 400, 300));
    stage.show();
  }

  @Test
  void aHiddenTableGetsItsRowsWhenItsTabShowsAndLosesThemWhenTheyChangeWhileHidden(FxRobot robot) {
    robot.interact(() -> rows.setAll("a", "b", "c"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, table.getItems().size(), "hidden: no rows");
    assertEquals(0, cells(table), "hidden: no cell made (a table given rows estimates their height with a row of cells)");
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    assertSame(rows, table.getItems(), "shown: the rows themselves");
    assertTrue(cells(table) >= 3, "its rows are laid out");
    robot.interact(() -> rows.add("d"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(4, table.getItems().size(), "while it shows it follows the rows");
    robot.interact(() -> {
      tabs.getSelectionModel().select(0);
      rows.setAll("x");
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(0, table.getItems().size(), "changed while hidden: emptied");
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    assertSame(rows, table.getItems());
    assertEquals("x", table.getItems().get(0));
  }

  private static int cells(Node n) {
    int c = n instanceof IndexedCell<?> cell && cell.getIndex() >= 0 && !cell.isEmpty() ? 1 : 0;
    if (n instanceof Parent p) {
      for (Node k : p.getChildrenUnmodifiable()) {
        c += cells(k);
      }
    }
    return c;
  }
}
