package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Background threads of the window run nicer than the thread that starts them; threads they start inherit it. */
class BackgroundPriorityTest {

  @Test
  void readsTheNiceFieldAfterANameWithSpacesAndParentheses() {
    String line = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194304 1 0 0 0 7 3 0 0 30 10 1 0 400 3133440 362 0";
    assertEquals(OptionalInt.of(10), BackgroundPriority.niceOf(line));
    assertEquals(OptionalInt.of(-5), BackgroundPriority.niceOf(line.replace(" 30 10 1 ", " 15 -5 1 ")));
  }

  @Test
  void aShortOrBrokenLineHasNoNiceValue() {
    assertEquals(OptionalInt.empty(), BackgroundPriority.niceOf("4242 (java) S 1 2 3"));
    assertEquals(OptionalInt.empty(), BackgroundPriority.niceOf("no parenthesis here at all"));
    assertEquals(OptionalInt.empty(),
        BackgroundPriority.niceOf("1 (java) S 1 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 ten 1 0 400 3133440 362 0"));
  }

  @Test
  void loweringStopsAtTheNicestValue() {
    assertEquals(10, BackgroundPriority.lowered(0, BackgroundPriority.STEP));
    assertEquals(19, BackgroundPriority.lowered(10, BackgroundPriority.STEP));
    assertEquals(19, BackgroundPriority.lowered(19, BackgroundPriority.STEP));
    assertEquals(6, BackgroundPriority.lowered(-4, BackgroundPriority.STEP));
  }

  @Test
  void aLoweredThreadRunsNicerAndItsChildrenInheritIt() throws Exception {
    OptionalInt mine = BackgroundPriority.currentNice();
    assumeTrue(mine.isPresent() && reniceOnPath(), "needs Linux's /proc/thread-self and renice");
    assumeTrue(mine.getAsInt() < BackgroundPriority.NICEST, "the tests already run at the nicest value");
    int expected = BackgroundPriority.lowered(mine.getAsInt(), BackgroundPriority.STEP);
    CompletableFuture<int[]> seen = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      int lowered = BackgroundPriority.lowerCurrentThread().orElse(Integer.MIN_VALUE);
      CompletableFuture<Integer> child = new CompletableFuture<>();
      new Thread(() -> child.complete(BackgroundPriority.currentNice().orElse(Integer.MIN_VALUE))).start();
      try {
        seen.complete(new int[] {lowered, child.get(30, TimeUnit.SECONDS), Thread.currentThread().getPriority()});
      } catch (Exception e) {
        seen.completeExceptionally(e);
      }
    });
    worker.start();
    int[] got = seen.get(60, TimeUnit.SECONDS);
    assertEquals(expected, got[0], "the lowered thread");
    assertEquals(expected, got[1], "a thread it started");
    assertEquals(Thread.MIN_PRIORITY, got[2]);
    assertEquals(mine, BackgroundPriority.currentNice(), "the calling thread keeps its priority");
  }

  @Test
  void hotSpotsCompilerThreadsAreKnownByTheirNamesAsLinuxCutsThem() {
    assertTrue(BackgroundPriority.isCompilerThread("C1 CompilerThre"));
    assertTrue(BackgroundPriority.isCompilerThread("C2 CompilerThre"));
    assertFalse(BackgroundPriority.isCompilerThread("GC Thread#0"));
    assertFalse(BackgroundPriority.isCompilerThread("JavaFX Applicat"));
    assertFalse(BackgroundPriority.isCompilerThread("C2 Compiler")); // a thread named so by code is not HotSpot's
  }

  @Test
  void theJitCompilerThreadsRunNicerThanTheThreadThatLowersThem() throws Exception {
    OptionalInt mine = BackgroundPriority.currentNice();
    assumeTrue(mine.isPresent() && reniceOnPath(), "needs Linux's /proc/thread-self and renice");
    assumeTrue(!BackgroundPriority.compilerThreads().isEmpty(), "needs a JVM with HotSpot's JIT compiler threads");
    // from a thread of the test's own nice value, as the window starts it from the FX thread
    CompletableFuture<List<BackgroundPriority.OsThread>> lowered = new CompletableFuture<>();
    new Thread(() -> lowered.complete(BackgroundPriority.lowerCompilerThreads())).start();
    List<BackgroundPriority.OsThread> after = lowered.get(60, TimeUnit.SECONDS);
    int expected = BackgroundPriority.lowered(mine.getAsInt(), BackgroundPriority.COMPILER_STEP);
    assertFalse(after.isEmpty());
    for (BackgroundPriority.OsThread t : after) {
      assertTrue(t.nice() >= expected, t + " should run at nice " + expected + " or nicer");
    }
    assertEquals(after, BackgroundPriority.compilerThreads(), "what it returns is what Linux shows");
    assertEquals(mine, BackgroundPriority.currentNice(), "the calling thread keeps its priority");
  }

  static boolean reniceOnPath() {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "renice")).anyMatch(Files::isExecutable);
  }
}
