package org.sysmontriage.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Lowers the OS scheduling priority of the window's background threads, so that on a machine with few cores the
 * JavaFX application and render threads get a core first when they have work (a pulse, a frame) and the import,
 * the analytics and the views' background jobs take what is left.
 *
 * <p>Java's thread priorities are ignored on Linux unless the JVM runs with {@code -XX:ThreadPriorityPolicy=1}
 * (and then set absolute nice values, which a process already started under {@code nice} cannot lower back).
 * Here a thread raises its own nice value by {@link #STEP} through {@code renice} on its own thread id (raising
 * a nice value needs no privilege); threads it starts later inherit it. Elsewhere (no {@code /proc/thread-self})
 * the Java priority is the only hint, which Windows honours.
 *
 * <p>The JVM's own JIT compiler threads are lowered too, by the smaller {@link #COMPILER_STEP} ({@link
 * #lowerCompilerThreads}): after a log opens they compile for seconds, and on two cores the C1 and C2 threads at the
 * window's priority took half of the CPU the FX and render threads needed for a pulse.
 */
public final class BackgroundPriority {
  /** How much nicer than the thread that starts the window a background thread runs (the scheduler's weight 9x lower). */
  public static final int STEP = 10;
  /** The highest (least favoured) nice value Linux has. */
  static final int NICEST = 19;
  /**
   * How much nicer than the window's thread the JVM's JIT compiler threads run: the scheduler weighs them 3x lower
   * (nice 5: 335 against 1,024), so a pulse's FX and render threads get a core first, while the compilers still come
   * well before the background work (nice + {@link #STEP}: 110) and the window's code still gets compiled.
   */
  public static final int COMPILER_STEP = 5;
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final Path TASKS = Path.of("/proc/self/task");

  /** A thread of this process as Linux shows it: its id, its name (cut at 15 characters) and its nice value. */
  public record OsThread(String id, String name, int nice) {}

  private BackgroundPriority() {}

  /**
   * Lowers the calling thread: Java priority {@link Thread#MIN_PRIORITY} and, on Linux, nice + {@link #STEP}.
   * Returns the thread's nice value afterwards, or empty where it cannot be read or set.
   */
  public static OptionalInt lowerCurrentThread() {
    Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    OptionalInt now = currentNice();
    if (now.isEmpty()) {
      return now;
    }
    int target = lowered(now.getAsInt(), STEP);
    if (target != now.getAsInt() && !renice(List.of(threadId()), target)) {
      return now;
    }
    return currentNice();
  }

  /**
   * Lowers the JVM's JIT compiler threads to the calling thread's nice value + {@link #COMPILER_STEP} (at most {@link
   * #NICEST}; a thread already as nice or nicer is left). HotSpot starts a further compiler thread from a compiler
   * thread, so it inherits the value. Returns the compiler threads afterwards; empty where they cannot be seen (not
   * Linux, no {@code /proc}) or the JVM runs without a JIT.
   */
  public static List<OsThread> lowerCompilerThreads() {
    OptionalInt mine = currentNice();
    if (mine.isEmpty()) {
      return List.of();
    }
    int target = lowered(mine.getAsInt(), COMPILER_STEP);
    List<String> ids = new ArrayList<>();
    for (OsThread t : compilerThreads()) {
      if (t.nice() < target) {
        ids.add(t.id());
      }
    }
    if (!ids.isEmpty()) {
      renice(ids, target);
    }
    return compilerThreads();
  }

  /** The JVM's JIT compiler threads with their nice values (empty where {@code /proc/self/task} cannot be read). */
  public static List<OsThread> compilerThreads() {
    List<OsThread> found = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).strip();
          OptionalInt nice = niceOf(Files.readString(task.resolve("stat"), StandardCharsets.UTF_8));
          if (isCompilerThread(name) && nice.isPresent()) {
            found.add(new OsThread(task.getFileName().toString(), name, nice.getAsInt()));
          }
        } catch (IOException e) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return List.of();
    }
    return found;
  }

  /** HotSpot's JIT compiler threads are "C1 CompilerThread0", "C2 CompilerThread1", ...; Linux keeps 15 characters. */
  static boolean isCompilerThread(String name) {
    return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
  }

  /** The calling thread's nice value on Linux, empty elsewhere. */
  public static OptionalInt currentNice() {
    try {
      return niceOf(Files.readString(THREAD_SELF.resolve("stat"), StandardCharsets.US_ASCII));
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return OptionalInt.empty();
    }
  }

  /** {@code nice + step}, at most {@link #NICEST}. */
  static int lowered(int nice, int step) {
    return Math.min(NICEST, nice + step);
  }

  /**
   * The nice value (field 19) of a {@code /proc/[pid]/task/[tid]/stat} line. The thread's name (field 2) is in
   * parentheses and may hold spaces and parentheses itself, so fields are counted after its last ')'.
   */
  static OptionalInt niceOf(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) {
      return OptionalInt.empty();
    }
    String[] f = statLine.substring(close + 1).trim().split(" ");
    int index = 19 - 3; // f[0] is field 3 (state)
    if (f.length <= index) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(f[index]));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** The calling thread's Linux thread id ({@code /proc/thread-self} links to {@code PID/task/TID}). */
  private static String threadId() {
    try {
      return Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "";
    }
  }

  /** Sets the nice value of the given thread ids (digits only) through one {@code renice}. */
  private static boolean renice(List<String> tids, int nice) {
    if (tids.stream().anyMatch(tid -> tid.isEmpty() || !tid.chars().allMatch(Character::isDigit))) {
      return false;
    }
    List<String> command = new ArrayList<>(List.of("renice", Integer.toString(nice), "-p"));
    command.addAll(tids);
    try {
      Process p = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false; // no renice on this system: the Java priority stays the only hint
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
