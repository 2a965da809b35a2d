package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.events.EventsViewModel;
import org.sysmontriage.ui.grid.DisplayTime;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.hosts.HostsViewModel;
import org.sysmontriage.ui.importing.ImportViewModel;
import org.sysmontriage.ui.importing.SourcesViewModel;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.StartViewModel;

/**
 * Adding an allowlist entry re-applies the case on the task runner, not on the calling (UI) thread:
 * the table changes only when the queued work has run, with the verdicts and roll-ups filled there.
 */
class ReapplyCaseTest {
  /** Queues work; a test runs it when it likes (the "background"). */
  static final class QueueRunner implements TaskRunner {
    final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
      CancellationToken token = new CancellationToken();
      boolean[] done = {false};
      queue.add(() -> {
        try {
          T r = work.call(token);
          done[0] = true;
          onSuccess.accept(r);
        } catch (Exception e) {
          done[0] = true;
          onFailure.accept(e);
        }
      });
      return Job.of(token, () -> done[0]);
    }

    @Override
    public <T> Consumer<T> latestOnUi(Consumer<T> onUi) {
      return onUi;
    }

    void drain() {
      while (!queue.isEmpty()) {
        queue.poll().run();
      }
    }
  }

  @Test
  void theAllowlistIsAppliedOnTheRunnerAndKeepsVerdicts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) {
    QueueRunner runner = new QueueRunner();
    FakeEngine engine = new FakeEngine();
    DisplayTime time = new DisplayTime();
    HitsViewModel hits = new HitsViewModel(runner, time);
    ShellViewModel[] shell = new ShellViewModel[1];
    StartViewModel start = new StartViewModel(new RecentFiles(home.resolve("recent.json")), java.util.Optional.empty(), p -> shell[0].open(p), runner);
    ShellViewModel vm = new ShellViewModel(new ShellViewModel.Parts(new ImportViewModel(engine, runner), start, hits,
        new DetailsViewModel(engine, runner), new SourcesViewModel(), new EventsViewModel(runner, new DetailsViewModel(engine, runner), time, hits::table),
        new HostsViewModel(hits), new CaseViewModel()), runner);
    shell[0] = vm;
    vm.open(List.of("fixture.json"));
    runner.drain();
    assertEquals(3, hits.table().size());
    vm.caseWork().setStatus(0, HitStatus.TRUE_POSITIVE);

    vm.caseWork().allow(1, "SourceImage", "C:\\Windows\\System32\\rundll32.exe", "");
    vm.reapplyCase();

    assertEquals(3, hits.table().size(), "nothing changed on the calling thread");
    assertTrue(!runner.queue.isEmpty(), "the re-apply waits on the runner");
    runner.drain();
    assertEquals(2, hits.table().size());
    assertEquals("true positive", hits.table().status(0), "verdicts filled off the UI thread");
  }
}
