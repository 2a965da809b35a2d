package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.Fixtures;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.hits.HitTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The first clustering of new data with many hits in view is made on the runner, not in the paint (the FX thread):
 * the paint draws no dots until it is back, then the dots of that view, the same as a paint that clusters itself; a
 * pass made for a view that changed meanwhile is never drawn; later paints of the same data cluster in the paint.
 */
@ExtendWith(ApplicationExtension.class)
class TimelinePassUiTest {
  private TimelineCanvas canvas;
  private final Jobs jobs = new Jobs();

  /** A runner that keeps its jobs until the test runs them (the work on the test's thread, the answer on the FX thread). */
  private static final class Jobs implements TaskRunner {
    record Item(Work<Object> work, Consumer<Object> ok, Consumer<Throwable> failed, CancellationToken token) {}

    final List<Item> items = new ArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
      CancellationToken token = new CancellationToken();
      items.add(new Item((Work<Object>) work, (Consumer<Object>) onSuccess, onFailure, token));
      return Job.of(token, () -> false);
    }

    @Override
    public <T> Consumer<T> latestOnUi(Consumer<T> onUi) {
      return onUi;
    }

    synchronized int size() {
      return items.size();
    }

    synchronized Item get(int i) {
      return items.get(i);
    }

    /** Runs job {@code i}'s work here (not on the FX thread) and hands its answer over on the FX thread. */
    void finish(FxRobot robot, int i) {
      Item job = get(i);
      Object result;
      try {
        result = job.work().call(job.token());
      } catch (Exception e) {
        robot.interact(() -> job.failed().accept(e));
        return;
      }
      robot.interact(() -> job.ok().accept(result));
    }
  }

  @Start
  void start(Stage stage) {
    canvas = new TimelineCanvas();
    canvas.setPassRunner(jobs);
    canvas.elsewhereHits = 1; // the fixture's few hits count as many
    stage.setScene(new Scene(canvas, 800, 300));
    stage.show();
  }

  private TimelineData data() {
    return new TimelineData(new HitTable(Fixtures.store(), Fixtures.hits(), Map.of()), LaneMode.HOST, 12, false);
  }

  /** The dots of every lane as the last paint left them. */
  private List<List<DotClusters.Cluster>> dots(FxRobot robot) {
    AtomicReference<List<List<DotClusters.Cluster>>> d = new AtomicReference<>();
    robot.interact(() -> d.set(Arrays.stream(canvas.state.dots).map(List::copyOf).toList()));
    return d.get();
  }

  /** The dots of the current view clustered in the paint (as without a runner). */
  private List<List<DotClusters.Cluster>> clusteredHere(FxRobot robot) {
    robot.interact(canvas::paintCost);
    return dots(robot);
  }

  @Test
  void newDataIsClusteredOnTheRunnerAndItsDotsAreThoseOfThePaint(FxRobot robot) {
    robot.interact(() -> canvas.setData(data()));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, jobs.size(), "the first clustering was handed to the runner");
    assertTrue(canvas.awaitingPass());
    assertNull(canvas.state.dotsKey, "nothing clustered in the paint");
    assertTrue(dots(robot).stream().allMatch(List::isEmpty), "no dots drawn (nor pointed at) until the pass is back");
    jobs.finish(robot, 0);
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(canvas.awaitingPass());
    assertNotNull(canvas.state.dotsKey, "painted again with the pass");
    List<List<DotClusters.Cluster>> fromRunner = dots(robot);
    assertTrue(fromRunner.stream().anyMatch(l -> !l.isEmpty()), "dots drawn: " + fromRunner);
    int inPaint = canvas.passesInPaint();
    assertEquals(clusteredHere(robot), fromRunner, "the same dots as a paint that clusters every hit itself");
    assertEquals(inPaint + 1, canvas.passesInPaint(), "bench ui's timed paint read every hit, not the runner's pass");
    zoomOnAHit(robot);
    assertEquals(1, jobs.size(), "the same data zoomed: clustered in the paint, no job");
    assertNotNull(canvas.state.dotsKey);
  }

  @Test
  void aPassMadeForAViewThatChangedMeanwhileIsNeverDrawn(FxRobot robot) {
    robot.interact(() -> canvas.setData(data()));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, jobs.size());
    zoomOnAHit(robot); // the view changes before the pass is back
    assertEquals(2, jobs.size(), "the new view asked for its own pass");
    assertTrue(jobs.get(0).token().isCancelled(), "the older one was cancelled");
    robot.interact(() -> jobs.get(0).ok().accept(uncancelled(jobs.get(0)))); // it comes back anyway
    WaitForAsyncUtils.waitForFxEvents();
    assertNull(canvas.state.dotsKey, "the older view's pass is not drawn");
    assertTrue(dots(robot).stream().allMatch(List::isEmpty));
    assertTrue(canvas.awaitingPass(), "still waiting for the new view's");
    jobs.finish(robot, 1);
    WaitForAsyncUtils.waitForFxEvents();
    List<List<DotClusters.Cluster>> zoomed = dots(robot);
    assertEquals(clusteredHere(robot), zoomed, "the new view's dots");
    robot.interact(canvas::fit);
    assertNotEquals(zoomed, dots(robot), "the two views' dots differ (the test sees a stale pass)");
  }

  @Test
  void aKeyBeforeThePassIsBackGoesToADotOfThisView(FxRobot robot) {
    AtomicReference<Integer> picked = new AtomicReference<>();
    robot.interact(() -> {
      canvas.onPick(picked::set);
      canvas.setData(data());
    });
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(canvas.awaitingPass());
    robot.interact(() -> canvas.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
        javafx.scene.input.KeyCode.RIGHT, false, false, false, false)));
    assertNotNull(picked.get(), "Right chose the first dot's hit (clustered for the key)");
  }

  @Test
  void whatReadsTheDotsGetsThemAtOnce(FxRobot robot) {
    robot.interact(() -> canvas.setData(data()));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(canvas.awaitingPass());
    AtomicReference<javafx.geometry.Point2D> dot = new AtomicReference<>();
    robot.interact(() -> dot.set(canvas.dotOf(0)));
    assertNotNull(dot.get(), "clustered in the paint for the reader");
    assertNotNull(canvas.state.dotsKey);
  }

  /** Zooms in with a hit in the middle of the view (hits stay in view). */
  private void zoomOnAHit(FxRobot robot) {
    robot.interact(() -> {
      canvas.state.axis.zoom(0.7, 0, 700);
      canvas.state.axis.centerOn(canvas.data().table().ticks(0));
      canvas.redraw();
    });
  }

  // The work of a cancelled job run as if it had not been (a worker that finished before it saw the cancel).
  private static Object uncancelled(Jobs.Item job) {
    try {
      return job.work().call(new CancellationToken());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
