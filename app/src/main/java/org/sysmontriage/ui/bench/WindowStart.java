package org.sysmontriage.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.sysmontriage.ui.TriageWindow;

/**
 * The window's start as a person waits for it, from the JVM's start: when the window was built, when it was shown
 * (after its first frame was readied before the show: the wall time and the FX and render threads' CPU time of that),
 * by when its first frame was on screen (the pulse after the one that waited for frame 1) and the CPU time the whole
 * process (JIT and GC threads too) had used by then, which the machine's load changes much less than the wall time.
 * The pulse gaps are measured from the show on; this line says what the start costs before it, so work moved before
 * the show stays visible. Called on the FX thread.
 */
final class WindowStart {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long builtMillis = -1;
  private long shownMillis = -1;
  private long firstFrameMillis = -1;
  private long showCpuNanos = -1;
  private long showRenderNanos = -1;
  private long showWallNanos;
  private long processCpuAtFirstFrame = -1;
  private long cpuAtBuilt;
  private long renderAtBuilt;
  private long wallAtBuilt;
  private int pulses;

  /** The window's scene and views are built, not shown yet. */
  void built() {
    builtMillis = uptimeMillis();
    cpuAtBuilt = threads.getCurrentThreadCpuTime();
    renderAtBuilt = renderCpuNanos();
    wallAtBuilt = System.nanoTime();
  }

  /** The window was readied and shown (no pulse has run since {@link #built}). */
  void shown() {
    showWallNanos = System.nanoTime() - wallAtBuilt;
    long cpu = threads.getCurrentThreadCpuTime();
    showCpuNanos = cpu < 0 || cpuAtBuilt < 0 ? -1 : cpu - cpuAtBuilt;
    long render = renderCpuNanos();
    showRenderNanos = render < 0 || renderAtBuilt < 0 ? -1 : render - renderAtBuilt;
    shownMillis = uptimeMillis();
  }

  /** A pulse after the show: the first frame is on screen by the {@link TriageWindow#FIRST_FRAME_PULSES}th. */
  void pulsed() {
    if (++pulses == TriageWindow.FIRST_FRAME_PULSES) {
      firstFrameMillis = uptimeMillis();
      processCpuAtFirstFrame = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : -1;
    }
  }

  String describe() {
    return String.format(Locale.ROOT, "window start (from the JVM's start): built at %.2f s; readied (CSS, layout, one paint off screen)"
        + " and shown in %,.0f ms (%,.0f ms FX CPU, %,.0f ms render thread CPU, before its first pulse), shown at %.2f s;"
        + " first frame on screen by %.2f s (pulse %d), the process's CPU time by then %.2f s", builtMillis / 1e3, showWallNanos / 1e6,
        showCpuNanos / 1e6, showRenderNanos / 1e6, shownMillis / 1e3, firstFrameMillis / 1e3, TriageWindow.FIRST_FRAME_PULSES,
        processCpuAtFirstFrame / 1e9);
  }

  /** The CPU time of JavaFX's render thread (it paints every frame and the off-screen paint), or -1. */
  private long renderCpuNanos() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst()
        .map(t -> threads.getThreadCpuTime(t.getId())).orElse(-1L);
  }

  private static long uptimeMillis() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}
