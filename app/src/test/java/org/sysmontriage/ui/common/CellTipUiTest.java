package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** One tooltip per table or list holds the whole value of the cut cell under the pointer. */
@ExtendWith(ApplicationExtension.class)
class CellTipUiTest {
  private static final String LONG = "C:\\Users\\analyst\\AppData\\Local\\Temp\\a-rather-long-folder-name\\procdump64.exe -ma lsass.exe out.dmp";
  private TableView<String> table;
  private ListView<String> list;
  private final AtomicInteger made = new AtomicInteger();

  @Start
  void start(Stage stage) {
    table = new TableView<>();
    list = new ListView<>();
    table.getColumns().add(Columns.text("Value", s -> s, 8));
    table.getItems().setAll("short", LONG, LONG + " 2", "tiny");
    list.setCellFactory(l -> new WrappingCell<>(s -> {
      made.incrementAndGet();
      return s;
    }));
    list.getItems().setAll("one entry", "another entry");
    table.setPrefHeight(200);
    list.setPrefHeight(120);
    stage.setScene(new Scene(new VBox(table, list), 500, 400));
    stage.show();
  }

  @Test
  void cutCellsShareTheTablesTooltipAndItShowsTheValueUnderThePointer(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    List<TableCell<?, ?>> cells = new ArrayList<>();
    robot.lookup(".table-cell").queryAll().forEach(n -> {
      if (n instanceof TableCell<?, ?> c && !c.isEmpty() && c.getItem() != null) {
        cells.add(c);
      }
    });
    TableCell<?, ?> shortCell = cells.stream().filter(c -> "short".equals(c.getItem())).findFirst().orElseThrow();
    TableCell<?, ?> longCell = cells.stream().filter(c -> LONG.equals(c.getItem())).findFirst().orElseThrow();
    TableCell<?, ?> otherLong = cells.stream().filter(c -> (LONG + " 2").equals(c.getItem())).findFirst().orElseThrow();
    assertNull(shortCell.getTooltip(), "a value that fits has no tooltip");
    assertNull(CellTip.text(shortCell));
    Tooltip tip = longCell.getTooltip();
    assertNotNull(tip, "a cut value has one");
    assertSame(tip, otherLong.getTooltip(), "one tooltip for the table, not one per cell");
    assertEquals(LONG, CellTip.text(longCell));
    robot.interact(() -> Event.fireEvent(otherLong, entered(otherLong)));
    assertEquals(LONG + " 2", tip.getText(), "the pointer on a cell puts its whole value in the tooltip");
    robot.interact(() -> Event.fireEvent(longCell, entered(longCell)));
    assertEquals(LONG, tip.getText());
    robot.interact(() -> table.getColumns().get(0).setPrefWidth(2000));
    WaitForAsyncUtils.waitForFxEvents();
    assertNull(longCell.getTooltip(), "wide enough: the value fits and the cell has no tooltip any more");
  }

  @Test
  void listEntriesShareTheListsTooltipAndMakeItsTextOnlyWhenThePointerEnters(FxRobot robot) {
    WaitForAsyncUtils.waitForFxEvents();
    List<ListCell<?>> cells = new ArrayList<>();
    robot.lookup(".list-cell").queryAll().forEach(n -> {
      if (n instanceof ListCell<?> c && !c.isEmpty() && c.getItem() != null) {
        cells.add(c);
      }
    });
    assertEquals(2, cells.size());
    assertSame(cells.get(0).getTooltip(), cells.get(1).getTooltip());
    assertTrue(cells.get(0).getTooltip() != null);
    ListCell<?> second = cells.stream().filter(c -> "another entry".equals(c.getItem())).findFirst().orElseThrow();
    robot.interact(() -> Event.fireEvent(second, entered(second)));
    assertEquals("another entry", second.getTooltip().getText());
    AtomicInteger lazy = new AtomicInteger();
    ListCell<String> loose = new ListCell<>(); // a cell of the list no pointer can be on (not in the scene)
    robot.interact(() -> {
      loose.updateListView(list);
      CellTip.set(loose, () -> "made late " + lazy.incrementAndGet());
    });
    assertEquals(0, lazy.get(), "a lazy text is not made before the pointer enters");
    assertSame(second.getTooltip(), loose.getTooltip(), "the list's one tooltip");
    robot.interact(() -> Event.fireEvent(loose, entered(loose)));
    assertEquals("made late 1", loose.getTooltip().getText());
    assertTrue(made.get() > 0);
  }

  private static MouseEvent entered(javafx.scene.Node n) {
    return new MouseEvent(n, n, MouseEvent.MOUSE_ENTERED, 1, 1, 1, 1, MouseButton.NONE, 0, false, false, false, false,
        false, false, false, false, false, false, null);
  }
}
