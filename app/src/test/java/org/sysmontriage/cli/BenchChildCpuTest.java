package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CPU time of a benchmark's ended child processes ({@code bench scan}'s CPU columns) on Linux. */
class BenchChildCpuTest {
  @Test
  void aChildThatBurnsCpuAddsItsCpuTime() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")) && Files.isExecutable(Path.of("/bin/sh")), "Linux /proc and /bin/sh");
    double before = BenchCommand.endedChildrenCpuSeconds();
    Process p = new ProcessBuilder("/bin/sh", "-c", "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    double after = BenchCommand.endedChildrenCpuSeconds();
    assertTrue(before >= 0 && after > before, "children CPU before " + before + " s, after " + after + " s");
  }
}
