package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysmontriage.ui.Fixtures;
import org.sysmontriage.ui.hits.HitTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline on a tab that is not selected neither paints nor clusters; it paints when its tab shows. */
@ExtendWith(ApplicationExtension.class)
class TimelineHiddenUiTest {
  private TimelineCanvas canvas;
  private TabPane tabs;

  @Start
  void start(Stage stage) {
    canvas = new TimelineCanvas();
    tabs = new TabPane(new Tab("Other", new Label("another view")), new Tab("Timeline", canvas));
    stage.setScene(new Scene(tabs, 800, 400));
    stage.show();
  }

  @Test
  void aHiddenTimelinePaintsOnlyWhenItsTabShows(FxRobot robot) {
    HitTable t = new HitTable(Fixtures.store(), Fixtures.hits(), Map.of());
    robot.interact(() -> canvas.setData(new TimelineData(t, LaneMode.HOST, 12, false)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(canvas.stale(), "its tab is not selected: the paint waits");
    assertEquals(null, canvas.state.dotsKey, "and nothing was clustered");
    robot.interact(() -> tabs.getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(canvas.stale(), "shown: painted in the next pulse");
    assertNotNull(canvas.state.dotsKey, "the dots of the view are there");
    robot.interact(() -> tabs.getSelectionModel().select(0));
    robot.interact(() -> canvas.setSelected(0));
    assertTrue(canvas.stale());
    java.util.concurrent.atomic.AtomicReference<javafx.geometry.Point2D> dot = new java.util.concurrent.atomic.AtomicReference<>();
    robot.interact(() -> dot.set(canvas.dotOf(0)));
    assertNotNull(dot.get(), "what reads the dots gets them painted for the current view");
    assertFalse(canvas.stale());
  }
}
