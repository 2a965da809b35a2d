package org.sysmontriage.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GapCostTest {
  private static final long MS = 1_000_000;

  @Test
  void theGapIsSplitIntoGcPausesTheFxAndRenderThreadsOtherThreadsTheJvmAndOtherProcesses() {
    // threads: 1 = FX, 2 = render, 3 = probe, 10/11 = one pool, 12 = born in the gap, 13 = ended in the gap
    GapCost.Counters a = new GapCost.Counters(100 * MS, 50 * MS, 1_000 * MS, 40, 3, 5_000 * MS,
        new long[] {1, 2, 3, 10, 11, 13}, new long[] {100 * MS, 50 * MS, 7 * MS, 200 * MS, 300 * MS, 9 * MS});
    GapCost.Counters b = new GapCost.Counters(130 * MS, 70 * MS, 1_400 * MS, 290, 5, 5_900 * MS,
        new long[] {1, 2, 3, 10, 11, 12}, new long[] {130 * MS, 70 * MS, 8 * MS, 300 * MS, 380 * MS, 60 * MS});
    Map<Long, String> names = Map.of(1L, "JavaFX Application Thread", 2L, "QuantumRenderer-0", 3L, "fx-stall-reporter",
        10L, "import-1", 11L, "import-2", 12L, "triage-worker");
    GapCost c = GapCost.between(a, b, names, 1, 2, 3);
    assertEquals(250, c.gcPauseMillis());
    assertEquals(2, c.gcPauses());
    assertEquals(30 * MS, c.fxCpuNanos());
    assertEquals(20 * MS, c.renderCpuNanos());
    assertEquals(400 * MS, c.processCpuNanos());
    assertEquals((400 - 30 - 20) * MS, c.otherCpuNanos(), "the process's CPU time but the FX and render threads'");
    assertEquals(List.of(new GapCost.Busy("import-#", 180 * MS), new GapCost.Busy("triage-worker", 60 * MS)), c.busiest());
    // every Java thread together: 30 + 20 + 1 + 240 = 291 ms; the process used 400 ms
    assertEquals(109 * MS, c.jvmCpuNanos());
    assertEquals(500 * MS, c.otherProcessesNanos());
    String line = c.describe();
    assertEquals("GC pauses 250 ms (2), render thread 20 ms CPU, other threads of the process 350 ms CPU (from the first sample on: "
        + "import-# 180, triage-worker 60, the JVM's GC and JIT threads 109), other processes 500 ms CPU (from the first sample on)", line);
  }

  @Test
  void aCounterThePlatformDoesNotGiveIsLeftOut() {
    GapCost.Counters a = new GapCost.Counters(0, -1, -1, 0, 0, -1, new long[] {1}, new long[] {0});
    GapCost.Counters b = new GapCost.Counters(5 * MS, -1, -1, 0, 0, -1, new long[] {1}, new long[] {5 * MS});
    GapCost c = GapCost.between(a, b, Map.of(), 1, -1, -1);
    assertEquals(-1, c.renderCpuNanos());
    assertEquals(-1, c.jvmCpuNanos());
    assertEquals(-1, c.otherProcessesNanos());
    assertEquals(-1, c.otherCpuNanos());
    assertEquals("GC pauses 0 ms (0)", c.describe());
  }

  @Test
  void withoutTheThreadsTimesAtBothEndsTheOtherThreadsAreOneFigure() {
    GapCost.Counters a = new GapCost.Counters(0, 0, 0, 0, 0, -1, null, null).withThreads(null, null, 0);
    GapCost.Counters b = new GapCost.Counters(5 * MS, 2 * MS, 50 * MS, 0, 0, 80 * MS, new long[] {1}, new long[] {5 * MS});
    GapCost c = GapCost.between(a, b, Map.of(), 1, 2, 3);
    assertEquals(43 * MS, c.otherCpuNanos());
    assertEquals(List.of(), c.busiest());
    assertEquals("GC pauses 0 ms (0), render thread 2 ms CPU, other threads of the process 43 ms CPU, other processes 30 ms CPU (from the first sample on)", c.describe());
  }

  @Test
  void threadsOfOnePoolCountTogether() {
    assertEquals("ForkJoinPool.commonPool-worker-#", GapCost.group("ForkJoinPool.commonPool-worker-13"));
    assertEquals("QuantumRenderer-#", GapCost.group("QuantumRenderer-0"));
    assertEquals("main", GapCost.group("main"));
  }

  @Test
  void aProcStatLineGivesTheBusyTimeOfAllCores() {
    // user nice system idle iowait irq softirq steal: busy = 100 + 5 + 30 + 2 + 3 + 1 jiffies of 10 ms
    assertEquals(141 * 10 * MS, FxStallReporter.busyNanos("cpu  100 5 30 9000 40 2 3 1 0 0"));
    assertEquals(-1, FxStallReporter.busyNanos("cpu0 100 5 30 9000 40 2 3 1 0 0"));
  }

  @Test
  void aWaitingFxThreadSaysOnWhatAndFromWhere() {
    StackTraceElement[] parked = {
        new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
        new StackTraceElement("java.util.concurrent.locks.LockSupport", "park", "LockSupport.java", 211),
        new StackTraceElement("java.util.concurrent.CountDownLatch", "await", "CountDownLatch.java", 230),
        new StackTraceElement("com.sun.javafx.tk.quantum.PaintCollector", "waitForRenderingToComplete", "PaintCollector.java", 157),
        new StackTraceElement("com.sun.javafx.tk.quantum.GlassScene", "waitForRenderingToComplete", "GlassScene.java", 126),
        new StackTraceElement("javafx.scene.Scene$ScenePulseListener", "pulse", "Scene.java", 2500)};
    assertEquals("waits on CountDownLatch$Sync held by QuantumRenderer-0 < PaintCollector.waitForRenderingToComplete:157"
        + " < GlassScene.waitForRenderingToComplete:126",
        FxStallReporter.place(parked, "java.util.concurrent.CountDownLatch$Sync@1b2c3d", "QuantumRenderer-0"));
    StackTraceElement[] idleRenderer = {
        new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
        new StackTraceElement("java.util.concurrent.LinkedBlockingQueue", "take", "LinkedBlockingQueue.java", 435),
        new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "getTask", "ThreadPoolExecutor.java", 1062)};
    assertEquals(null, FxStallReporter.renderPlace(idleRenderer), "a renderer waiting for work is not busy");
    StackTraceElement[] painting = {
        new StackTraceElement("com.sun.pisces.PiscesRenderer", "fillRectImpl", null, -2),
        new StackTraceElement("com.sun.javafx.sg.prism.NGRegion", "renderBackgroundRectanglesDirectly", "NGRegion.java", 1112),
        new StackTraceElement("com.sun.javafx.sg.prism.NGNode", "render", "NGNode.java", 2100),
        new StackTraceElement("com.sun.javafx.tk.quantum.ViewPainter", "doPaint", "ViewPainter.java", 480),
        new StackTraceElement("com.sun.javafx.tk.quantum.UploadingPainter", "run", "UploadingPainter.java", 150)};
    String place = FxStallReporter.renderPlace(painting);
    assertEquals("PiscesRenderer.fillRectImpl < NGRegion.renderBackgroundRectanglesDirectly:1112 < ViewPainter.doPaint:480", place);
    assertFalse(FxStallReporter.place(painting, null, null).startsWith("waits"));
  }
}
