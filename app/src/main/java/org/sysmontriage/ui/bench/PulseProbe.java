package org.sysmontriage.ui.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ui.TriageWindow;
import org.sysmontriage.ui.common.BackgroundPriority;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.hits.HitColumn;
import org.sysmontriage.ui.incidents.IncidentsViewModel;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;
import org.sysmontriage.ui.timeline.TimelineCanvas;

/**
 * {@code bench ui}: opens N synthetic events (see {@link SyntheticStore}) in the real window and
 * records the longest gap between two JavaFX pulses while the window starts, while the logs are read, while the analytics
 * run, and afterwards while the analyst works (waits on the Incidents view it opens on until the incidents are shown, resize the window there,
 * select a hit, sort, filter the hits, resize again, search the events, each in its tab). A gap is a
 * time the window could not repaint or answer a key. The last line is
 * {@code worst FX pulse gap: N ms}.
 */
public final class PulseProbe {
  /**
   * A gap longer than this is kept with its FX CPU time and sampled stacks: the goal, 100 ms, unless the system
   * property {@code sysmontriage.bench.gaps} names another (e.g. 20, to see what each pulse of a step costs).
   */
  private static final long STALL_MILLIS = Long.getLong("sysmontriage.bench.gaps", 100);
  /** Gaps listed in the report, longest first (standard error has every one as it ends). */
  private static final int SHOWN_GAPS = 12;
  private static final int PAINT_ROUNDS = 15;
  /** How long "after open" waits for the incidents at most. */
  private static final int INCIDENTS_WAIT_MINUTES = 10;
  /** Pixels the window is narrowed on the Incidents view and widened again on the Hits view (every view lays out again). */
  private static final double RESIZE = 120;
  /**
   * The window's first frames, from its show to the import's start (the application opens the logs named at
   * start once the window's first frame is painted): reported, and counted in the worst gap like every phase.
   */
  private static final String WINDOW_START = "window start";
  private String paint = "timeline paint: not measured";
  private String incidentsWait = "incidents: not waited for";

  private final Map<String, long[]> worst = new LinkedHashMap<>(); // phase -> {worst wall ns, pulses, worst FX CPU ns in one gap, FX CPU ns in all}
  private volatile String phase = "start";
  /** Set on the FX thread when the import begins: the pulses before it are the window's start. */
  private boolean importStarted;
  /**
   * {@link #importStarted} as it was at the last pulse. The import begins in a pulse (the one after the window's
   * first frame is painted, {@code TriageWindow.showAndOpen}), so the gap that ends at that pulse is still the
   * window's start (the second frame waiting for the first one's paint), not the import's.
   */
  private boolean importStartedBefore;
  private ShellViewModel vm;
  private Stage stage;
  private FxStallReporter stalls;
  private final WindowStart start = new WindowStart();

  /** Runs the probe; needs a display (a desktop, Xvfb, or Monocle with -Dglass.platform=Monocle). */
  public static int run(List<String> paths, int events, long idleMillis, PrintWriter out) throws Exception {
    return new PulseProbe().probe(paths, events, idleMillis, out);
  }

  private int probe(List<String> paths, int events, long idleMillis, PrintWriter out) throws Exception {
    Path home = Files.createTempDirectory("sysmon-triage-bench");
    start();
    long t0 = System.nanoTime();
    AnimationTimer timer = onFx(() -> {
      stage = new Stage();
      vm = TriageWindow.open(stage, new TriageWindow.Parts(new SyntheticEngine(new CoreEngine(), events), new FxTaskRunner(),
          new RecentFiles(home.resolve("recent.json")), SampleLogs.locate(), url -> {}));
      vm.importing().runningProperty().addListener((o, was, running) -> importStarted |= running);
      start.built();
      // As the application does with logs named at start: the window's first frame readied (CSS, layout, a paint
      // off screen) and the window shown, all before its first pulse; the pulses are measured from the show on.
      TriageWindow.showAndOpen(stage, vm, paths);
      start.shown();
      stalls = new FxStallReporter(Thread.currentThread(), STALL_MILLIS);
      stalls.start();
      AnimationTimer t = timer();
      t.start();
      return t;
    });
    waitUntil(() -> vm.investigationProperty().get() != null || !vm.importing().errorProperty().get().isEmpty(), 3600);
    String error = onFx(() -> vm.importing().errorProperty().get());
    if (vm.investigationProperty().get() == null) {
      throw new TriageException("the probe's import failed: " + error);
    }
    double openSeconds = (System.nanoTime() - t0) / 1e9;
    work(idleMillis);
    onFx(() -> {
      timer.stop();
      stalls.stop();
      stage.close();
      return null;
    });
    report(out, events, openSeconds);
    return 0;
  }

  private AnimationTimer timer() {
    return new AnimationTimer() {
      private long last;

      @Override
      public void handle(long now) {
        start.pulsed();
        String p = phase();
        importStartedBefore = importStarted;
        long[] w = worst.computeIfAbsent(p, k -> new long[4]);
        long cpu = stalls.pulsed(p);
        if (last > 0 && now - last > w[0]) {
          w[0] = now - last;
        }
        w[1]++;
        w[2] = Math.max(w[2], cpu);
        w[3] += Math.max(0, cpu);
        last = now;
      }
    };
  }

  private String phase() {
    if (!"start".equals(phase)) {
      return phase;
    }
    if (!importStartedBefore) {
      return WINDOW_START;
    }
    String p = vm.importing().phaseProperty().get();
    return p.startsWith("Running analytics") ? "analysis" : vm.investigationProperty().get() != null ? "after open" : "import";
  }

  /** What an analyst does first, each step followed by a pause in which the window must stay live. */
  private void work(long idleMillis) throws Exception {
    phase = "after open";
    Thread.sleep(idleMillis);
    // The window opens on the Incidents view, where an analyst waits for the incidents (built after the analytics,
    // about 3 s at 1M): their arrival and first show belong to "after open", whatever --idle is.
    long waitFrom = System.nanoTime();
    long until = waitFrom + TimeUnit.MINUTES.toNanos(INCIDENTS_WAIT_MINUTES);
    boolean building;
    while ((building = onFx(() -> vm.incidents().statusProperty().get().startsWith(IncidentsViewModel.BUILDING)))
        && System.nanoTime() < until) {
      Thread.sleep(50);
    }
    incidentsWait = building
        ? String.format(Locale.ROOT, "incidents: still being built after %d minutes on the Incidents view; the steps went on without them",
            INCIDENTS_WAIT_MINUTES)
        : String.format(Locale.ROOT, "incidents: %s, %.1f s after the first %,d ms on the Incidents view (their first show is in \"after open\")",
            onFx(() -> vm.incidents().statusProperty().get()), (System.nanoTime() - waitFrom) / 1e9, idleMillis);
    Thread.sleep(idleMillis);
    step("resize on Incidents", () -> stage.setWidth(stage.getWidth() - RESIZE), idleMillis); // the tab the window opens on
    step("show Hits tab", () -> showTab(Ids.TAB_HITS), idleMillis);
    timelinePaint();
    step("select a hit", () -> vm.hits().selectedHitProperty().set(vm.hits().rows().size() > 0 ? vm.hits().rows().get(0) : -1), idleMillis);
    step("sort hits by time", () -> vm.hits().sortBy(HitColumn.TIME, false), idleMillis);
    step("filter hits", () -> vm.hits().textProperty().set("lsass"), idleMillis);
    step("clear hit filter", () -> vm.hits().textProperty().set(""), idleMillis);
    step("resize on Hits", () -> stage.setWidth(stage.getWidth() + RESIZE), idleMillis);
    step("show Events tab", () -> showTab(Ids.TAB_EVENTS), idleMillis);
    step("search events", () -> vm.events().textProperty().set("powershell"), idleMillis);
    step("clear event search", () -> vm.events().textProperty().set(""), idleMillis);
    step("show Hosts tab", () -> showTab(Ids.TAB_HOSTS), idleMillis);
  }

  /** The timeline's paint cost at every hit (fit view): clustering paint and a paint that reuses the dots. */
  private void timelinePaint() throws Exception {
    TimelineCanvas canvas = onFx(() -> (TimelineCanvas) stage.getScene().lookup("#" + Ids.TIMELINE));
    waitUntil(() -> canvas.data() != null && canvas.data().table() == vm.hits().table(), 600);
    long[] fresh = new long[PAINT_ROUNDS];
    long[] reused = new long[PAINT_ROUNDS];
    for (int i = 0; i < PAINT_ROUNDS; i++) { // one round a pulse: the measure adds no gap of its own
      long[] c = onFx(canvas::paintCost);
      fresh[i] = c[0];
      reused[i] = c[1];
      Thread.sleep(20);
    }
    java.util.Arrays.sort(fresh);
    java.util.Arrays.sort(reused);
    long[] cost = {fresh[PAINT_ROUNDS / 2], reused[PAINT_ROUNDS / 2]};
    int hits = onFx(() -> canvas.data().table().size());
    int lanes = onFx(() -> canvas.data().lanes());
    paint = String.format(Locale.ROOT, "timeline paint (%,d hits in %d lanes, whole span in view, %.0fx%.0f px): clustering paint %.1f ms,"
        + " paint reusing the dots %.2f ms (FX thread CPU, medians of %d)", hits, lanes, canvas.getWidth(), canvas.getHeight(),
        cost[0] / 1e6, cost[1] / 1e6, PAINT_ROUNDS);
  }

  /** What a click on a tab does. */
  private void showTab(String id) {
    TabPane tabs = (TabPane) stage.getScene().lookup("#" + Ids.MAIN_TABS);
    tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  private void step(String name, Runnable action, long idleMillis) throws Exception {
    phase = name;
    onFx(() -> {
      action.run();
      return null;
    });
    Thread.sleep(idleMillis);
  }

  /** Where the JVM's JIT compiler threads ran, beside the nice value of the thread that started the bench. */
  static String compilerThreads(List<BackgroundPriority.OsThread> jit, OptionalInt mine) {
    if (jit.isEmpty() || mine.isEmpty()) {
      return "JIT compiler threads: their nice values cannot be read here (not Linux, or no /proc)";
    }
    StringBuilder b = new StringBuilder("JIT compiler threads at nice ");
    for (int i = 0; i < jit.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(jit.get(i).nice()).append(" (").append(jit.get(i).name()).append(')');
    }
    return b.append("; the window's threads at nice ").append(mine.getAsInt()).toString();
  }

  private void report(PrintWriter out, int events, double openSeconds) {
    out.printf(Locale.ROOT, "bench ui: %,d synthetic events, %,d hits, opened (import + analytics) in %.1f s; %d cores, max heap %,d MB%n",
        events, vm.investigationProperty().get().hits().size(), openSeconds, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.println(start.describe());
    out.println(incidentsWait);
    out.println(compilerThreads(BackgroundPriority.compilerThreads(), BackgroundPriority.currentNice()));
    out.println(paint);
    List<FxStallReporter.Gap> gaps = stalls.gaps();
    out.printf(Locale.ROOT, "gaps over %d ms: %d (wall; FX CPU = the FX thread's own CPU time in the gap; where its stack was sampled every %d ms)%n",
        STALL_MILLIS, gaps.size(), FxStallReporter.SAMPLE_MILLIS);
    gaps.stream().limit(SHOWN_GAPS).forEach(g -> out.println("  " + g.describe()));
    if (gaps.size() > SHOWN_GAPS) {
      out.printf(Locale.ROOT, "  ... and %d shorter%n", gaps.size() - SHOWN_GAPS);
    }
    out.printf(Locale.ROOT, "probe's own cost: reading the counters takes %.0f us of FX thread time per pulse (median)%n",
        stalls.medianReadNanos() / 1e3);
    List<String> pauses = stalls.longPauses();
    out.printf(Locale.ROOT, "GC pauses of 50 ms or more (stop the world, the FX thread too): %d%s%n", pauses.size(),
        pauses.isEmpty() ? "" : ", longest first:");
    pauses.stream().limit(SHOWN_GAPS).forEach(p -> out.println("  " + p));
    long all = 0;
    long allCpu = 0;
    for (Map.Entry<String, long[]> e : worst.entrySet()) {
      out.printf(Locale.ROOT, "  %-20s worst gap %6.0f ms, worst FX CPU in a gap %6.0f ms, over %,d pulses; FX CPU in all %,.0f ms%n",
          e.getKey(), e.getValue()[0] / 1e6, e.getValue()[2] / 1e6, e.getValue()[1], e.getValue()[3] / 1e6);
      all = Math.max(all, e.getValue()[0]);
      allCpu = Math.max(allCpu, e.getValue()[2]);
    }
    out.printf(Locale.ROOT, "worst FX CPU in one gap: %.0f ms%n", allCpu / 1e6);
    out.printf(Locale.ROOT, "worst FX pulse gap: %.0f ms%n", all / 1e6);
    out.flush();
  }

  private static void start() throws InterruptedException {
    CountDownLatch up = new CountDownLatch(1);
    try {
      Platform.startup(up::countDown);
    } catch (IllegalStateException alreadyRunning) {
      up.countDown();
    }
    Platform.setImplicitExit(false);
    up.await();
  }

  private static <T> T onFx(Supplier<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(work.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    });
    return f.get(600, TimeUnit.SECONDS);
  }

  private static void waitUntil(java.util.function.BooleanSupplier done, long seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!onFx(done::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new TriageException("the probe gave up after " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
