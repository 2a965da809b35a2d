package org.sysmontriage.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.casework.ExportViewModel;
import org.sysmontriage.ui.casework.RecoveryFile;
import org.sysmontriage.ui.common.BackgroundPriority;
import org.sysmontriage.ui.common.Em;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.common.Themes;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.grid.DisplayTime;
import org.sysmontriage.ui.grid.GridParts;
import org.sysmontriage.ui.events.EventsViewModel;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.hosts.HostsViewModel;
import org.sysmontriage.ui.importing.SourcesViewModel;
import org.sysmontriage.ui.library.LibraryViewModel;
import org.sysmontriage.ui.library.RuleChoiceFile;
import org.sysmontriage.ui.importing.ImportViewModel;
import org.sysmontriage.ui.shell.Dialogs;
import org.sysmontriage.ui.shell.ShellView;
import org.sysmontriage.ui.common.Failures;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.StartViewModel;

/**
 * The composition root: builds every ViewModel and view by hand and puts them in a stage. The
 * application and the UI tests both come through here, with their own engine and runner.
 */
public final class TriageWindow {
  private static final String STYLESHEET = "/org/sysmontriage/ui/app.css";
  /** The pulse in which logs given at start begin to open: frame 1 is on screen by then (see {@link #afterFirstFrame}). */
  public static final int FIRST_FRAME_PULSES = 3;

  private TriageWindow() {}

  /** The parts that differ between the application and a test. */
  public record Parts(Engine engine, TaskRunner runner, RecentFiles recent, Optional<Path> samples, Consumer<String> browser) {}

  private static final AtomicBoolean JIT_LOWERED = new AtomicBoolean();

  /**
   * The JVM's JIT compiler threads run {@link BackgroundPriority#COMPILER_STEP} nicer than the window's threads (see
   * there), set from a thread started here, which has the FX thread's nice value, so the FX thread waits for no
   * {@code renice}. Once per JVM.
   */
  private static void lowerCompilerThreads() {
    if (JIT_LOWERED.compareAndSet(false, true)) {
      Thread t = new Thread(BackgroundPriority::lowerCompilerThreads, "jit-priority");
      t.setDaemon(true);
      t.start();
    }
  }

  public static ShellViewModel open(Stage stage, Parts parts) {
    lowerCompilerThreads();
    Em.fitScreenOnce();
    Themes themes = new Themes();
    themes.apply();
    ImportViewModel importing = new ImportViewModel(parts.engine(), parts.runner());
    ShellViewModel[] shell = new ShellViewModel[1]; // the start page opens through the shell, which asks about unsaved work
    StartViewModel start = new StartViewModel(parts.recent(), parts.samples(), paths -> shell[0].open(paths), parts.runner());
    DisplayTime time = new DisplayTime();
    HitsViewModel hits = new HitsViewModel(parts.runner(), time);
    DetailsViewModel details = new DetailsViewModel(parts.engine(), parts.runner());
    EventsViewModel events = new EventsViewModel(parts.runner(), new DetailsViewModel(parts.engine(), parts.runner()), time, hits::table);
    ShellViewModel vm = new ShellViewModel(new ShellViewModel.Parts(
        importing, start, hits, details, new SourcesViewModel(), events, new HostsViewModel(hits),
        new CaseViewModel(RecoveryFile.inAppHome())), parts.runner());
    shell[0] = vm;
    events.setStarred(vm.caseWork()::eventBookmarked);
    LibraryViewModel library = new LibraryViewModel(new LibraryViewModel.Parts(parts.engine(), parts.runner(),
        RuleChoiceFile.inAppHome(), parts.samples(), vm::showMe, vm::rulesChanged));
    vm.setLibrary(library);
    ExportViewModel export = new ExportViewModel(parts.engine(), parts.runner(), vm.investigationProperty()::get,
        vm.caseWork().caseFileProperty()::get, hits.minRiskProperty()::get);
    export.messageProperty().addListener((o, a, b) -> vm.notice(b));
    ShellView view = new ShellView(vm, library, export, themes, parts.browser(), GridParts.load(time, parts.runner(), vm::notice, () -> {
      org.sysmontriage.ui.engine.Investigation inv = vm.investigationProperty().get();
      return inv == null ? org.sysmontriage.casefile.EvidenceGuard.NONE
          : org.sysmontriage.casefile.EvidenceGuard.of(inv.paths(), inv.store().sources());
    }));
    Scene scene = new Scene(view, initialWidth(), initialHeight());
    scene.getStylesheets().add(Objects.requireNonNull(TriageWindow.class.getResource(STYLESHEET)).toExternalForm());
    stage.titleProperty().bind(vm.titleProperty());
    stage.setOnCloseRequest(e -> {
      if (!vm.mayLeaveCase("close the window")) {
        e.consume();
      }
    });
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(560);
    library.start();
    return vm;
  }

  /**
   * Shows the window and opens the logs given at start once its first frame is painted: an import's
   * threads take both cores, and the window's first frames (a JVM just started: classes loaded,
   * CSS applied, the first software paints) then waited for them (bench ui: 156-245 ms gaps at the
   * start of a 1M import). The first frame is readied before the show ({@link #prepare}).
   */
  public static void showAndOpen(Stage stage, ShellViewModel vm, List<String> paths) {
    vm.importing().announce(paths); // the status strip says what is read next from the first frame on
    prepare(stage.getScene());
    stage.show();
    if (!paths.isEmpty()) {
      afterFirstFrame(() -> {
        vm.open(paths);
        vm.importing().withdraw(); // the import did not begin (nothing is announced once it has)
      });
    }
  }

  /**
   * Readies the window's first frame before the window is shown, while no frame is due: the scene's CSS,
   * its layout at the window's size and one paint off screen (a snapshot, thrown away), so the classes, call
   * sites, glyphs and cached backgrounds a first frame needs are loaded and made. Without it the first
   * pulses after the show did that work (bench ui "window start", idle: gaps of 119-264 ms, 66-84 ms of FX
   * CPU laying out and 85-103 ms of the render thread painting frame 1 while the FX thread waited). The
   * time moves before the show: {@code bench ui} reports it apart, with the time from the JVM's start to
   * the first frame.
   *
   * @return the off-screen paint (dropped by the caller)
   */
  static WritableImage prepare(Scene scene) {
    return scene.snapshot(null);
  }

  /**
   * Runs {@code r} in the pulse after the one that waited for the first frame to be painted: a pulse
   * waits for the previous frame's rendering before it hands over its own, so by pulse 3 frame 1 is
   * on screen.
   */
  static void afterFirstFrame(Runnable r) {
    new AnimationTimer() {
      private int pulses;

      @Override
      public void handle(long now) {
        if (++pulses == FIRST_FRAME_PULSES) {
          stop();
          r.run();
        }
      }
    }.start();
  }

  /**
   * Offers the unsaved triage a crashed or killed session left in the application's folder: restore
   * it (its logs are opened again) or drop it. The small file is read off the UI thread.
   */
  public static void offerRecovery(Stage stage, ShellViewModel vm, TaskRunner runner) {
    RecoveryFile recovery = RecoveryFile.inAppHome();
    runner.submit(cancel -> recovery.pending(), found -> found.ifPresent(r -> {
      if (Dialogs.askRestore(stage, r)) {
        vm.restore(r);
      } else {
        recovery.clear();
      }
    }), e -> vm.notice(Failures.says("The unsaved triage of the last session could not be read", e)));
  }

  // Most of the screen, so 1366x768 is filled and a 4K screen is not wasted.
  private static double initialWidth() {
    return Math.max(900, Screen.getPrimary().getVisualBounds().getWidth() * 0.9);
  }

  private static double initialHeight() {
    return Math.max(560, Screen.getPrimary().getVisualBounds().getHeight() * 0.9);
  }
}
