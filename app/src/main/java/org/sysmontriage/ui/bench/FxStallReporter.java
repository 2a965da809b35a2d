package org.sysmontriage.ui.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diagnosis for the pulse probe: while the FX thread has not pulsed for {@value #SAMPLE_MILLIS} ms a
 * watcher samples its stack every {@value #SAMPLE_MILLIS} ms; when the pulse comes back after more
 * than the stall limit, the gap is kept with its phase, its wall time, the CPU time the FX thread
 * itself used during it (wall time grows with the machine's load, the thread's CPU time much less),
 * and where the samples were (a few frames per place, most frequent first).
 */
final class FxStallReporter {
  static final long SAMPLE_MILLIS = 10;
  /** Frames of one place: the innermost, the first JavaFX phase frame (CSS, skin, layout) and the first frame of ours. */
  private static final int KEPT_PLACES = 4;

  /** One gap over the limit. */
  record Gap(String phase, long wallNanos, long cpuNanos, int samples, List<String> places) {
    String describe() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-20s %,8.0f ms wall %,8.0f ms FX CPU  %d samples",
          phase, wallNanos / 1e6, cpuNanos / 1e6, samples));
      places.forEach(p -> b.append("\n      ").append(p));
      return b.toString();
    }
  }

  private final Thread fx;
  private final long stallNanos;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Thread watcher;
  private final List<Gap> gaps = new ArrayList<>();
  private final Map<String, Integer> samples = new LinkedHashMap<>(); // place -> samples, of the gap in progress
  private volatile long lastPulseNanos;
  private long lastCpuNanos;
  private int sampleCount;

  FxStallReporter(Thread fx, long stallMillis) {
    this.fx = fx;
    this.stallNanos = stallMillis * 1_000_000;
    this.watcher = new Thread(this::watch, "fx-stall-reporter");
    watcher.setDaemon(true);
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  /** Called on the FX thread. */
  void start() {
    lastCpuNanos = threads.getCurrentThreadCpuTime();
    lastPulseNanos = System.nanoTime();
    watcher.start();
  }

  void stop() {
    watcher.interrupt();
  }

  /**
   * Called on the FX thread at every pulse: closes the gap since the last one.
   *
   * @return the FX thread's CPU time since the last pulse, in nanoseconds (-1 when not measurable)
   */
  long pulsed(String phase) {
    long now = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    long usedCpu = cpu < 0 || lastCpuNanos < 0 ? -1 : cpu - lastCpuNanos;
    long wall = now - lastPulseNanos;
    synchronized (this) {
      if (wall > stallNanos) {
        gaps.add(new Gap(phase, wall, usedCpu, sampleCount, top(samples, sampleCount)));
        System.err.println("FX-STALL " + gaps.get(gaps.size() - 1).describe());
      }
      samples.clear();
      sampleCount = 0;
      lastPulseNanos = now;
    }
    lastCpuNanos = cpu;
    return usedCpu;
  }

  /** Every gap over the limit, longest first. */
  synchronized List<Gap> gaps() {
    List<Gap> all = new ArrayList<>(gaps);
    all.sort(Comparator.comparingLong(Gap::wallNanos).reversed());
    return all;
  }

  private static List<String> top(Map<String, Integer> samples, int count) {
    return samples.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(KEPT_PLACES)
        .map(e -> String.format(Locale.ROOT, "%3d%% %s", Math.round(100.0 * e.getValue() / Math.max(1, count)), e.getKey()))
        .toList();
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long since = lastPulseNanos;
      if (System.nanoTime() - since < SAMPLE_MILLIS * 1_000_000) {
        continue;
      }
      String place = place(fx.getStackTrace());
      synchronized (this) {
        if (since == lastPulseNanos) { // still the same gap
          samples.merge(place, 1, Integer::sum);
          sampleCount++;
        }
      }
    }
  }

  /** A stack in one line: the innermost frame, the first JavaFX CSS/skin/layout frame, the first frame of ours. */
  static String place(StackTraceElement[] stack) {
    if (stack.length == 0) {
      return "(no stack)";
    }
    List<String> parts = new ArrayList<>();
    parts.add(frame(stack[0]));
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (c.startsWith("javafx.") && (c.contains("Skin") || c.contains(".css.") || f.getMethodName().contains("CSS")
          || f.getMethodName().equals("layout") || f.getMethodName().contains("Layout"))) {
        parts.add(frame(f));
        break;
      }
    }
    for (StackTraceElement f : stack) {
      if (f.getClassName().startsWith("org.sysmontriage.") && !f.getClassName().startsWith("org.sysmontriage.ui.bench.")) {
        parts.add(frame(f));
        break;
      }
    }
    return String.join(" < ", parts.stream().distinct().toList());
  }

  private static String frame(StackTraceElement f) {
    String c = f.getClassName();
    return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
  }
}
