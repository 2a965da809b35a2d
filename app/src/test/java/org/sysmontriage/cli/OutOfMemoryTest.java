package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.Main;

/**
 * A real process out of heap: it ends with one line that says what to do (a log it could not finish
 * has its own issue line, with the same advice), exit 2, no stack trace, no report file at all.
 */
class OutOfMemoryTest {
  @TempDir Path dir;
  /** The child's own home (no rule cache written by another build on this machine, whose note would be a line more). */
  @TempDir Path home;

  @Test
  void aReportThatDoesNotFitInTheHeapEndsWithOneLineAndNoFile() throws Exception {
    Path log = dir.resolve("many.ndjson");
    try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (int i = 0; i < 40_000; i++) {
        w.write(ReportCommandTest.ACCESS.replace("WORKSTATION6", "WKS" + (i % 300)).replace("rundll32.exe", "rundll32_" + i + ".exe"));
      }
    }
    Path out = dir.resolve("out/r.html");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx32m", "-Dsysmontriage.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "report", "--type", "html", "--out", out.toString(), log.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "guard");

    assertEquals(2, p.exitValue(), err);
    List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
    assertEquals(TriageCommand.OUT_OF_MEMORY, lines.get(lines.size() - 1), err);
    assertTrue(lines.stream().allMatch(l -> l.contains("java -Xmx8g -jar")), "every line says what to do: " + err);
    assertFalse(err.contains("\tat "), err);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("many.ndjson"), files.map(f -> f.getFileName().toString()).filter(n -> !n.equals("out")).toList());
    }
    assertFalse(Files.exists(out));
    if (Files.isDirectory(out.getParent())) {
      try (Stream<Path> files = Files.list(out.getParent())) {
        assertEquals(List.of(), files.toList(), "no half-written temporary file");
      }
    }
  }
}
