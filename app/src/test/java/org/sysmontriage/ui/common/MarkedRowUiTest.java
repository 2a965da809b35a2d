package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A row's mark follows its item; {@link Styles#mark} changes a node's style classes only when the mark changes (each change restyles it). */
@ExtendWith(ApplicationExtension.class)
class MarkedRowUiTest {
  private TableView<String> table;
  private final List<TableRow<String>> rows = new ArrayList<>();

  @Start
  void start(Stage stage) {
    table = new TableView<>();
    table.getColumns().add(Columns.text("Value", s -> s, 8));
    table.setRowFactory(t -> {
      MarkedRow<String> row = new MarkedRow<>(Styles.MATCHED, s -> s.startsWith("!"));
      rows.add(row);
      return row;
    });
    table.getItems().setAll("!a", "b", "!c", "d");
    stage.setScene(new Scene(table, 400, 300));
    stage.show();
  }

  @Test
  void theMarkFollowsTheItemAndAnEmptyRowHasNone(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("!a", "!c"), marked(robot));
    robot.interact(() -> table.getItems().setAll("a", "!b", "c", "!d"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("!b", "!d"), marked(robot));
    robot.interact(() -> table.getItems().clear());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of(), marked(robot), "an empty row keeps no mark");
    for (TableRow<String> r : rows) {
      assertEquals(0, r.getStyleClass().stream().filter(Styles.MATCHED::equals).count());
    }
  }

  @Test
  void markAddsTheClassOnceAndTakesItAwayOnce() {
    Region node = new Region();
    int[] seen = new int[1];
    node.getStyleClass().addListener((ListChangeListener<String>) c -> seen[0]++);
    Styles.mark(node, Styles.DAMAGED, true);
    Styles.mark(node, Styles.DAMAGED, true);
    assertEquals(List.of(Styles.DAMAGED), List.copyOf(node.getStyleClass()));
    assertEquals(1, seen[0]);
    Styles.mark(node, Styles.DAMAGED, false);
    Styles.mark(node, Styles.DAMAGED, false);
    assertEquals(List.of(), List.copyOf(node.getStyleClass()));
    assertEquals(2, seen[0]);
  }

  private List<String> marked(FxRobot robot) {
    List<String> out = new ArrayList<>();
    robot.interact(() -> {
      for (TableRow<String> r : rows) {
        if (!r.isEmpty() && r.getItem() != null && r.getStyleClass().contains(Styles.MATCHED)) {
          out.add(r.getItem());
        }
      }
    });
    out.sort(null);
    return out;
  }
}
