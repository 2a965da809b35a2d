package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window's background jobs run nicer than the FX thread (Linux), and their results still come back on it. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerUiTest {

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new Label("runner"), 200, 100));
    stage.show();
  }

  @Test
  void aJobRunsNicerThanTheFxThreadAndReportsBackOnIt() throws Exception {
    CompletableFuture<OptionalInt> fx = new CompletableFuture<>();
    Platform.runLater(() -> fx.complete(BackgroundPriority.currentNice()));
    OptionalInt fxNice = fx.get(30, TimeUnit.SECONDS);
    assumeTrue(fxNice.isPresent() && fxNice.getAsInt() < 19 && BackgroundPriorityTest.reniceOnPath(), "needs Linux (/proc/thread-self, renice) and a nice value below 19");
    CompletableFuture<int[]> got = new CompletableFuture<>();
    new FxTaskRunner().submit(cancel -> new int[] {BackgroundPriority.currentNice().orElse(Integer.MIN_VALUE),
        Thread.currentThread().getPriority()},
        r -> got.complete(Platform.isFxApplicationThread() ? r : null), got::completeExceptionally);
    int[] r = got.get(60, TimeUnit.SECONDS);
    assertEquals(Math.min(19, fxNice.getAsInt() + BackgroundPriority.STEP), r[0], "the worker's nice value");
    assertEquals(Thread.MIN_PRIORITY, r[1]);
  }
}
