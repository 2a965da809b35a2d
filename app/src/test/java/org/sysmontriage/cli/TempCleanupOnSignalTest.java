package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.Main;

/**
 * A real {@code java -jar ... stats} process is stopped while its archive members sit in its
 * temporary folder (it blocks writing its output to a pipe nobody reads): SIGTERM removes the
 * folder; after kill -9 the next start sweeps it.
 */
class TempCleanupOnSignalTest {
  @TempDir Path dir;

  private Path archive() throws IOException {
    Path zip = dir.resolve("evidence/many.zip");
    Files.createDirectories(zip.getParent());
    try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(file)) {
      for (int i = 0; i < 1500; i++) {
        z.putNextEntry(new ZipEntry("logs/host-" + i + "/sysmon-" + i + "-with-a-long-enough-name-to-fill-the-pipe.json"));
        z.write(("{\"EventID\":1,\"Hostname\":\"H" + i + "\",\"RecordNumber\":" + i + "}\n").getBytes());
      }
    }
    return zip;
  }

  private Process start(Path tmp, Path zip) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "stats", zip.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static List<Path> tempFolders(Path tmp) throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("sysmon-triage-")).toList();
    }
  }

  /** Waits (generous guard) until the process has its temporary folder and is blocked on its full output pipe. */
  private static void awaitTempFolder(Process p, Path tmp) throws Exception {
    for (int i = 0; i < 1200 && p.isAlive(); i++) {
      List<Path> f = tempFolders(tmp).stream()
          .filter(d -> d.getFileName().toString().startsWith("sysmon-triage-" + p.pid() + "-")).toList();
      if (!f.isEmpty()) {
        try (Stream<Path> members = Files.list(f.get(0))) {
          if (members.count() >= 1500) {
            Thread.sleep(300);
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the process never held its archive members (alive: " + p.isAlive() + ")");
  }

  @Test
  void sigtermRemovesTheTemporaryCopies() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Process p = start(tmp, archive());
    awaitTempFolder(p, tmp);
    assertTrue(p.isAlive(), "blocked on its output");
    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(List.of(), tempFolders(tmp));
  }

  @Test
  void afterKillNineTheNextStartSweepsTheLeftovers() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path zip = archive();
    Process killed = start(tmp, zip);
    awaitTempFolder(killed, tmp);
    killed.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
    List<Path> left = tempFolders(tmp);
    assertEquals(1, left.size(), "kill -9 leaves the folder");

    Process next = start(tmp, zip);
    awaitTempFolder(next, tmp);
    List<Path> now = tempFolders(tmp);
    next.destroy();
    next.waitFor(60, TimeUnit.SECONDS);
    assertEquals(1, now.size(), now.toString());
    assertTrue(!now.contains(left.get(0)), "the dead process's folder was swept at start");
  }
}
