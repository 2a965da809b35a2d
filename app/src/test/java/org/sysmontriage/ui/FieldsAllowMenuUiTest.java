package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.details.FieldRow;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A right click on a row of a hit's Fields table offers to allowlist that field's value for the hit's analytic, and
 * the menu is made when asked for: the rows hold no menu of their own (a popup window each, made at every selection).
 */
@ExtendWith(ApplicationExtension.class)
class FieldsAllowMenuUiTest {
  @TempDir static Path home;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = LayoutUiTest.smallWindow(stage, home);
  }

  @Test
  void aRightClickOnAFieldRowOffersItsValueForTheAllowlist(FxRobot robot) throws Exception {
    TableView<Integer> hits = LayoutUiTest.openHits(robot);
    robot.interact(() -> hits.getSelectionModel().select(0));
    ShellUiTest.detailsFilled(robot);
    @SuppressWarnings("unchecked")
    List<TableRow<FieldRow>> rows = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_FIELDS)).lookup((Node n) -> n instanceof TableRow<?> r
        && r.getItem() instanceof FieldRow f && !f.name().equals(org.sysmontriage.ui.details.DetailsViewModel.USER_FROM_CREATION))
        .queryAll().stream().map(n -> (TableRow<FieldRow>) n).toList();
    assertTrue(!rows.isEmpty(), "the Fields table shows rows");
    assertTrue(rows.stream().allMatch(r -> r.getContextMenu() == null), "no menu is made before one is asked for");
    TableRow<FieldRow> row = rows.get(0);
    FieldRow field = row.getItem();
    robot.interact(() -> row.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, 100, 100, false, null)));
    ContextMenu menu = shownMenu();
    String shown = field.value().length() > 60 ? field.value().substring(0, 57) + "…" : field.value();
    assertTrue(menu.getItems().get(0).getText().startsWith("Allowlist: never flag \""), menu.getItems().get(0).getText());
    assertTrue(menu.getItems().get(0).getText().endsWith("\" when " + field.name() + " = " + shown), menu.getItems().get(0).getText());
    robot.interact(() -> {
      menu.getItems().get(0).fire();
      menu.hide();
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(vm.noticeProperty().get().contains("will not flag " + field.name() + " = " + field.value()), vm.noticeProperty().get());
  }

  private static ContextMenu shownMenu() throws Exception {
    List<ContextMenu> menus = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
        .filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w).toList()).get();
    assertEquals(1, menus.size(), "one menu shows");
    return menus.get(0);
  }
}
