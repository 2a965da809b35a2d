package org.sysmontriage.ui.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * where the FX thread's samples were (a few frames per place, most frequent first; when it was parked,
 * on what lock, held by whom, waited for from where), where the render thread was, and what else took
 * the time ({@link GapCost}: GC pauses, render thread, other threads, other processes).
 */
final class FxStallReporter {
  static final long SAMPLE_MILLIS = 10;
  /** Frames of one place: the innermost, the first JavaFX phase frame (CSS, skin, layout) and the first frame of ours. */
  private static final int KEPT_PLACES = 4;

  /** One gap over the limit. */
  record Gap(String phase, double atSeconds, long wallNanos, long cpuNanos, int samples, List<String> places, GapCost cost,
      int renderSamples, List<String> renderPlaces) {
    String describe() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-20s %,8.0f ms wall %,8.0f ms FX CPU  %d samples  (at %.1f s)",
          phase, wallNanos / 1e6, cpuNanos / 1e6, samples, atSeconds));
      b.append("\n      in the gap: ").append(cost.describe());
      places.forEach(p -> b.append("\n      ").append(p));
      if (renderSamples > 0) {
        b.append(String.format(Locale.ROOT, "\n      render thread busy in %d of %d samples:", renderSamples, samples));
        renderPlaces.forEach(p -> b.append("\n        ").append(p));
      }
      return b.toString();
    }
  }

  private final Thread fx;
  private final Thread render;
  private final long stallNanos;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<GarbageCollectorMXBean> pauses = ManagementFactory.getGarbageCollectorMXBeans().stream()
      .filter(g -> !g.getName().contains("Cycles")).toList(); // ZGC/Shenandoah "Cycles" are concurrent; G1's beans are its pauses
  private final Thread watcher;
  private final List<Gap> gaps = new ArrayList<>();
  private final Map<String, Integer> samples = new LinkedHashMap<>(); // place -> samples, of the gap in progress
  private final Map<String, Integer> renderSamples = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();
  private volatile long lastPulseNanos;
  private long lastCpuNanos;
  private GapCost.Counters last;
  private int sampleCount;
  /** Every Java thread's CPU time at the gap's first sample (the start of a gap is known only then). */
  private volatile long[][] gapThreads;
  private int renderCount;
  private final List<String[]> longPauses = new ArrayList<>(); // {duration ms, text}
  private long[] readCost = new long[1024]; // nanoseconds the FX thread spent reading the counters, per pulse
  private int reads;

  FxStallReporter(Thread fx, long stallMillis) {
    this.fx = fx;
    this.render = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
    this.stallNanos = stallMillis * 1_000_000;
    this.watcher = new Thread(this::watch, "fx-stall-reporter");
    watcher.setDaemon(true);
    for (GarbageCollectorMXBean g : pauses) {
      if (g instanceof javax.management.NotificationEmitter e) {
        e.addNotificationListener(this::collected, null, null);
      }
    }
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
  }

  /** Called on the FX thread. */
  void start() {
    lastCpuNanos = threads.getCurrentThreadCpuTime();
    last = counters(false);
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
    GapCost.Counters c = counters(false);
    long read = System.nanoTime() - now;
    long cpu = c.fxCpuNanos();
    long usedCpu = cpu < 0 || lastCpuNanos < 0 ? -1 : cpu - lastCpuNanos;
    long wall = now - lastPulseNanos;
    synchronized (this) {
      if (wall > stallNanos) {
        GapCost.Counters end = counters(true);
        long[][] first = gapThreads;
        GapCost.Counters start = first == null ? last : last.withThreads(first[0], first[1], first[2][0]);
        GapCost cost = GapCost.between(start, end, names(end.threadIds()), fx.getId(), render == null ? -1 : render.getId(),
            watcher.getId());
        gaps.add(new Gap(phase, (lastPulseNanos - startNanos) / 1e9, wall, usedCpu, sampleCount, top(samples, sampleCount), cost,
            renderCount, top(renderSamples, renderCount)));
        System.err.println("FX-STALL " + gaps.get(gaps.size() - 1).describe());
      }
      gapThreads = null;
      samples.clear();
      renderSamples.clear();
      sampleCount = 0;
      renderCount = 0;
      lastPulseNanos = now;
      if (reads == readCost.length) {
        readCost = Arrays.copyOf(readCost, reads * 2);
      }
      readCost[reads++] = read;
    }
    lastCpuNanos = cpu;
    last = c;
    return usedCpu;
  }

  /** A GC notification (on the JVM's notification thread): pauses of 50 ms and more are kept with their cause and time. */
  private void collected(javax.management.Notification n, Object handback) {
    if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
    long ms = info.getGcInfo().getDuration();
    if (ms >= 50) {
      long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(u -> u.getUsed()).sum();
      synchronized (longPauses) {
        longPauses.add(new String[] {String.valueOf(ms), String.format(Locale.ROOT, "%,d ms %s (%s) at %.1f s, %,d MB in use after",
            ms, info.getGcName(), info.getGcCause(), (System.nanoTime() - startNanos) / 1e9, used >> 20)});
      }
    }
  }

  /** The GC pauses of 50 ms or more, longest first (G1 before JDK 20 reports no remark/cleanup pause: those are not in). */
  List<String> longPauses() {
    synchronized (longPauses) {
      return longPauses.stream().sorted((a, b) -> Long.compare(Long.parseLong(b[0]), Long.parseLong(a[0]))).map(a -> a[1]).toList();
    }
  }

  /** The median time the FX thread spent reading the counters at a pulse (the probe's own cost), in nanoseconds. */
  synchronized long medianReadNanos() {
    long[] r = Arrays.copyOf(readCost, reads);
    Arrays.sort(r);
    return r.length == 0 ? 0 : r[r.length / 2];
  }

  /** The counters a gap's cost is the difference of; read on the FX thread at every pulse (every thread's only for a gap). */
  private GapCost.Counters counters(boolean withThreads) {
    long fxCpu = threads.getCurrentThreadCpuTime();
    long renderCpu = render == null ? -1 : threads.getThreadCpuTime(render.getId());
    long processCpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
    long gcMillis = 0;
    long gcCount = 0;
    for (GarbageCollectorMXBean g : pauses) {
      gcMillis += Math.max(0, g.getCollectionTime());
      gcCount += Math.max(0, g.getCollectionCount());
    }
    long[][] t = withThreads ? threadTimes() : new long[][] {null, null, {-1}};
    return new GapCost.Counters(fxCpu, renderCpu, processCpu, gcMillis, gcCount, t[2][0], t[0], t[1]);
  }

  /** Every Java thread's id and CPU time, and the machine's busy time: {ids, cpu, {busy}}. */
  private long[][] threadTimes() {
    long[] ids = threads.getAllThreadIds();
    long[] cpu = threads instanceof com.sun.management.ThreadMXBean t ? t.getThreadCpuTime(ids) : new long[ids.length];
    return new long[][] {ids, cpu, {machineBusyNanos()}};
  }

  /** The names of these threads (read only for a gap: a thread that ended since is named by its id). */
  private Map<Long, String> names(long[] ids) {
    Map<Long, String> names = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(ids)) {
      if (info != null) {
        names.put(info.getThreadId(), info.getThreadName());
      }
    }
    return names;
  }

  /** CPU time all processes of the machine used (Linux /proc/stat: user, nice, system, irq, softirq, steal), or -1. */
  private static long machineBusyNanos() {
    try (java.io.InputStream in = Files.newInputStream(STAT)) {
      byte[] head = in.readNBytes(256); // the first line: the machine's totals
      String text = new String(head, java.nio.charset.StandardCharsets.US_ASCII);
      int end = text.indexOf('\n');
      return end < 0 ? -1 : busyNanos(text.substring(0, end));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static final Path STAT = Path.of("/proc/stat");

  /** The busy time of a /proc/stat "cpu" line (jiffies of 10 ms), or -1 when it is not one. */
  static long busyNanos(String cpuLine) {
    String[] f = cpuLine.trim().split("\\s+");
    if (f.length < 8 || !f[0].equals("cpu")) {
      return -1;
    }
    long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7])
        + (f.length > 8 ? Long.parseLong(f[8]) : 0);
    return busy * 10_000_000L;
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
      ThreadInfo info = threads.getThreadInfo(fx.getId(), Integer.MAX_VALUE);
      String place = info == null ? "(no stack)" : place(info.getStackTrace(), info.getLockName(), info.getLockOwnerName());
      String painting = render == null ? null : renderPlace(render.getStackTrace());
      long[][] first = gapThreads == null ? threadTimes() : null; // racy read: at worst one extra snapshot, dropped below
      synchronized (this) {
        if (since == lastPulseNanos) { // still the same gap
          if (gapThreads == null && first != null) {
            gapThreads = first;
          }
          samples.merge(place, 1, Integer::sum);
          sampleCount++;
          if (painting != null) {
            renderSamples.merge(painting, 1, Integer::sum);
            renderCount++;
          }
        }
      }
    }
  }

  /**
   * A stack in one line: the innermost frame, the first JavaFX CSS/skin/layout frame, the first frame of
   * ours. A thread waiting (parked, in Object.wait, sleeping) says on what and from where:
   * {@code waits on ReentrantLock$NonfairSync held by QuantumRenderer-0 < ViewScene.waitForSynchronization:118 < ...}.
   */
  static String place(StackTraceElement[] stack, String lock, String owner) {
    if (stack.length == 0) {
      return "(no stack)";
    }
    if (waiting(stack[0])) {
      return waitPlace(stack, lock, owner);
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

  /** Where the render thread was, or null when it waited for work (it paints a frame per pulse, then waits). */
  static String renderPlace(StackTraceElement[] stack) {
    if (stack.length == 0 || waiting(stack[0]) && Arrays.stream(stack).anyMatch(f -> f.getMethodName().equals("getTask"))) {
      return null;
    }
    if (waiting(stack[0])) {
      return waitPlace(stack, null, null);
    }
    List<String> parts = new ArrayList<>();
    parts.add(frame(stack[0]));
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (c.substring(c.lastIndexOf('.') + 1).startsWith("NG")) { // the scene graph node being painted
        parts.add(frame(f));
        break;
      }
    }
    for (StackTraceElement f : stack) {
      if (f.getClassName().endsWith("Painter")) {
        parts.add(frame(f));
        break;
      }
    }
    return String.join(" < ", parts.stream().distinct().toList());
  }

  private static boolean waiting(StackTraceElement top) {
    String c = top.getClassName();
    String m = top.getMethodName();
    return c.equals("jdk.internal.misc.Unsafe") && m.equals("park") || c.equals("java.lang.Object") && m.equals("wait")
        || c.equals("java.lang.Thread") && m.equals("sleep");
  }

  /** A waiting thread: the lock, its owner, the first two frames that are not the JDK's waiting machinery. */
  private static String waitPlace(StackTraceElement[] stack, String lock, String owner) {
    StringBuilder b = new StringBuilder("waits");
    if (lock != null) {
      b.append(" on ").append(lock.contains("@") ? lock.substring(lock.lastIndexOf('.') + 1, lock.indexOf('@')) : lock);
    }
    if (owner != null) {
      b.append(" held by ").append(owner);
    }
    int shown = 0;
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (c.startsWith("java.util.concurrent.") || c.startsWith("jdk.internal.") || c.equals("java.lang.Object")
          || c.equals("java.lang.Thread")) {
        continue;
      }
      b.append(" < ").append(frame(f));
      if (++shown == 2) {
        break;
      }
    }
    return b.toString();
  }

  private static String frame(StackTraceElement f) {
    String c = f.getClassName();
    return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
  }
}
