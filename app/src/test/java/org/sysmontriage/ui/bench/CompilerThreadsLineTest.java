package org.sysmontriage.ui.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.sysmontriage.ui.common.BackgroundPriority.OsThread;

/** bench ui says where the JVM's JIT compiler threads ran beside the window's threads, or that it cannot tell. */
class CompilerThreadsLineTest {

  @Test
  void namesEachCompilerThreadsNiceValueAndTheWindows() {
    assertEquals("JIT compiler threads at nice 15 (C2 CompilerThre), 15 (C1 CompilerThre); the window's threads at nice 10",
        PulseProbe.compilerThreads(List.of(new OsThread("41", "C2 CompilerThre", 15), new OsThread("42", "C1 CompilerThre", 15)),
            OptionalInt.of(10)));
  }

  @Test
  void saysSoWhereTheValuesCannotBeRead() {
    String none = "JIT compiler threads: their nice values cannot be read here (not Linux, or no /proc)";
    assertEquals(none, PulseProbe.compilerThreads(List.of(), OptionalInt.of(0)));
    assertEquals(none, PulseProbe.compilerThreads(List.of(new OsThread("41", "C2 CompilerThre", 5)), OptionalInt.empty()));
  }
}
