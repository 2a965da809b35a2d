package org.sysmontriage.ui.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the wall time of one FX pulse gap went, from counters read at the two pulses around it: the
 * stop-the-world GC pauses inside it, the CPU time of the FX thread, of the render thread
 * (QuantumRenderer, which paints the previous frame while the FX thread waits for it), of the other Java
 * threads of the process (the busiest named), of the JVM's own threads (GC workers, JIT compilers: the
 * process's CPU that no Java thread accounts for) and of the other processes on the machine.
 */
record GapCost(long gcPauseMillis, long gcPauses, long fxCpuNanos, long renderCpuNanos, long processCpuNanos,
    long otherCpuNanos, List<Busy> busiest, long jvmCpuNanos, long otherProcessesNanos) {
  /** Threads of one name (digits dropped, so a pool's threads count together) and their CPU time in the gap. */
  record Busy(String name, long cpuNanos) { }

  /** The threads listed by name in a gap. */
  static final int BUSIEST = 3;

  /**
   * The counters at one pulse. Thread CPU times are per Java thread id (in the order of {@code threadIds}),
   * null when not read; the machine's busy time -1 when not read: reading every thread's CPU time and
   * /proc/stat at each pulse would cost the FX thread more than the rest, so they are read only around a
   * gap. -1 also marks a counter the platform does not give (then its part is left out of the report).
   */
  record Counters(long fxCpuNanos, long renderCpuNanos, long processCpuNanos, long gcPauseMillis, long gcPauses,
      long machineBusyNanos, long[] threadIds, long[] threadCpuNanos) {
    /** These counters with every thread's and the machine's CPU time, read a little later (the first sample of a gap). */
    Counters withThreads(long[] ids, long[] cpu, long machineBusy) {
      return new Counters(fxCpuNanos, renderCpuNanos, processCpuNanos, gcPauseMillis, gcPauses, machineBusy, ids, cpu);
    }

    long cpuOf(long id) {
      for (int i = 0; i < threadIds.length; i++) {
        if (threadIds[i] == id) {
          return threadCpuNanos[i];
        }
      }
      return -1;
    }
  }

  /**
   * The cost of the gap between two pulses: the other threads' CPU time is the process's minus the FX and
   * render threads'. Where both counters have the threads' times, the busiest Java threads are named and
   * the JVM's own threads' share (GC workers, JIT: no Java thread accounts for it) follows; the probe's own
   * thread is not counted among them; a thread born in the gap counts from zero, one that ended in it
   * falls to the JVM share.
   */
  static GapCost between(Counters a, Counters b, Map<Long, String> names, long fxId, long renderId, long probeId) {
    long fx = delta(a.fxCpuNanos(), b.fxCpuNanos());
    long render = delta(a.renderCpuNanos(), b.renderCpuNanos());
    long process = delta(a.processCpuNanos(), b.processCpuNanos());
    long other = process < 0 || fx < 0 ? -1 : Math.max(0, process - fx - Math.max(0, render));
    long machine = delta(a.machineBusyNanos(), b.machineBusyNanos());
    long others = machine < 0 || process < 0 ? -1 : Math.max(0, machine - process);
    long gc = Math.max(0, b.gcPauseMillis() - a.gcPauseMillis());
    long gcs = Math.max(0, b.gcPauses() - a.gcPauses());
    if (a.threadIds() == null || b.threadIds() == null) {
      return new GapCost(gc, gcs, fx, render, process, other, List.of(), -1, others);
    }
    long allJava = 0;
    Map<String, Long> byName = new HashMap<>();
    for (int i = 0; i < b.threadIds().length; i++) {
      long id = b.threadIds()[i];
      long end = b.threadCpuNanos()[i];
      if (end < 0) {
        continue;
      }
      long start = a.cpuOf(id);
      long used = Math.max(0, end - Math.max(0, start));
      allJava += used;
      if (id != fxId && id != renderId && id != probeId && used > 0) {
        byName.merge(group(names.getOrDefault(id, "thread " + id)), used, Long::sum);
      }
    }
    List<Busy> busiest = new ArrayList<>();
    byName.forEach((n, c) -> busiest.add(new Busy(n, c)));
    busiest.sort((x, y) -> x.cpuNanos() != y.cpuNanos() ? Long.compare(y.cpuNanos(), x.cpuNanos()) : x.name().compareTo(y.name()));
    long jvm = process < 0 ? -1 : Math.max(0, process - allJava);
    return new GapCost(gc, gcs, fx, render, process, other, List.copyOf(busiest.subList(0, Math.min(BUSIEST, busiest.size()))), jvm,
        others);
  }

  /** One line: {@code GC pauses 261 ms (2), render thread 40 ms CPU, other threads 300 ms CPU (...), ...}. */
  String describe() {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "GC pauses %,d ms (%d)", gcPauseMillis, gcPauses));
    if (renderCpuNanos >= 0) {
      b.append(String.format(Locale.ROOT, ", render thread %,.0f ms CPU", renderCpuNanos / 1e6));
    }
    if (otherCpuNanos >= 0) {
      b.append(String.format(Locale.ROOT, ", other threads of the process %,.0f ms CPU", otherCpuNanos / 1e6));
    }
    if (!busiest.isEmpty() || jvmCpuNanos >= 0) {
      b.append(" (from the first sample on: ");
      for (int i = 0; i < busiest.size(); i++) {
        b.append(busiest.get(i).name()).append(' ').append(String.format(Locale.ROOT, "%,.0f", busiest.get(i).cpuNanos() / 1e6)).append(", ");
      }
      b.append(String.format(Locale.ROOT, "the JVM's GC and JIT threads %,.0f)", Math.max(0, jvmCpuNanos) / 1e6));
    }
    if (otherProcessesNanos >= 0) {
      b.append(String.format(Locale.ROOT, ", other processes %,.0f ms CPU (from the first sample on)", otherProcessesNanos / 1e6));
    }
    return b.toString();
  }

  /** A thread's name without its digits: the threads of one pool count together. */
  static String group(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= '0' && c <= '9') {
        if (b.length() == 0 || b.charAt(b.length() - 1) != '#') {
          b.append('#');
        }
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static long delta(long a, long b) {
    return a < 0 || b < 0 ? -1 : Math.max(0, b - a);
  }
}
