package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ui.common.ErrorLog;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A filter pass that fails for a reason other than a bad pattern (here the worker throws IllegalStateException):
 * the hits' status line says so and names the log file instead of staying on "Filtering…", the rows shown stay,
 * and the next filter works again.
 */
@ExtendWith(ApplicationExtension.class)
class FilterFailureUiTest {
  @TempDir static Path home;
  /** Above the hits view's threshold, so filtering runs on a worker thread. */
  static final int HITS = 20_001;
  private final AtomicBoolean failFilters = new AtomicBoolean();

  @Start
  void start(Stage stage) {
    System.setProperty("sysmontriage.home", home.resolve("settings").toString());
    FakeEngine many = new FakeEngine() {
      @Override
      public List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel) {
        List<Hit> three = Fixtures.hits();
        List<Hit> out = new ArrayList<>(HITS);
        for (int i = 0; i < HITS; i++) {
          out.add(three.get(i % three.size()));
        }
        return out;
      }
    };
    TriageWindow.open(stage, new TriageWindow.Parts(many, new FailingFilters(new FxTaskRunner(), failFilters),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.setWidth(1260);
    stage.setHeight(780);
    stage.show();
  }

  @Test
  void aFilterThatFailsOnItsWorkerSaysSoAndTheStatusIsNotStuck(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n == HITS);
    Label summary = robot.lookup(Ids.selector(Ids.HITS_SUMMARY)).queryAs(Label.class);
    failFilters.set(true);
    robot.clickOn("#hits-filter-host").write("srv");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !summary.getText().startsWith("Filtering"));
    assertTrue(summary.getText().startsWith("The hits could not be filtered: the worker ran out of room"), summary.getText());
    assertTrue(summary.getText().contains(ErrorLog.file().toString()), "names the log: " + summary.getText());
    assertEquals(HITS, table.getItems().size(), "the rows shown stay");
    failFilters.set(false);
    robot.write("-02");
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary.getText().endsWith(" hits") && !summary.getText().startsWith("Filtering"));
    assertEquals(String.format("%,d of %,d hits", HITS / 3, HITS), summary.getText());
  }

  /** Runs every job on the real runner; while {@code fail} is set, the hits' filter passes throw instead. */
  private record FailingFilters(TaskRunner real, AtomicBoolean fail) implements TaskRunner {
    @Override
    public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
      boolean filter = work.getClass().getName().startsWith(org.sysmontriage.ui.hits.HitsViewModel.class.getName() + "$$Lambda");
      Work<T> run = !filter ? work : cancel -> {
        if (fail.get()) {
          throw new IllegalStateException("the worker ran out of room");
        }
        return work.call(cancel);
      };
      return real.submit(run, onSuccess, onFailure);
    }

    @Override
    public <T> Consumer<T> latestOnUi(Consumer<T> onUi) {
      return real.latestOnUi(onUi);
    }
  }
}
