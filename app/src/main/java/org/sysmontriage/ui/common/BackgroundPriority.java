package org.sysmontriage.ui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

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
 */
public final class BackgroundPriority {
  /** How much nicer than the thread that starts the window a background thread runs (the scheduler's weight 9x lower). */
  public static final int STEP = 10;
  /** The highest (least favoured) nice value Linux has. */
  static final int NICEST = 19;
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");

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
    if (target != now.getAsInt() && !renice(threadId(), target)) {
      return now;
    }
    return currentNice();
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

  private static boolean renice(String tid, int nice) {
    if (!tid.chars().allMatch(Character::isDigit) || tid.isEmpty()) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(List.of("renice", Integer.toString(nice), "-p", tid))
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
