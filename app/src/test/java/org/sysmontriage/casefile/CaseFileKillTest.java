package org.sysmontriage.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case file survives its saving process being killed at any moment: it always loads, whole. */
class CaseFileKillTest {
  @TempDir Path dir;

  @Test
  void caseFileIsAlwaysCompleteAfterTheSavingProcessIsKilled() throws Exception {
    Path file = dir.resolve("case.json");
    java.util.Random random = new java.util.Random(42);
    int midWrite = 0;
    for (int attempt = 0; attempt < 30 && midWrite < 3; attempt++) {
      int delay = random.nextInt(40);
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m", "-cp",
          System.getProperty("java.class.path"), CaseSaveLoop.class.getName(), file.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertTrue(first != null && first.startsWith("saved "), "the child saved at least once: " + first);
      Thread.sleep(delay);
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertComplete(CaseFiles.load(file));
      midWrite += removeTemporaryFiles(file);
    }
    assertTrue(midWrite >= 3, "only " + midWrite + " kills landed in the middle of a save (a temporary file left)");
  }

  /** Temporary files left by a kill between creating and renaming them: proof the kill hit a save. */
  private int removeTemporaryFiles(Path file) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(dir)) {
      List<Path> tmp = files.filter(f -> !f.equals(file)).toList();
      for (Path t : tmp) {
        java.nio.file.Files.delete(t);
      }
      return tmp.size();
    }
  }

  private static void assertComplete(CaseFile c) {
    assertEquals(CaseSaveLoop.GENERATION_HITS, c.hits().size());
    String gen = c.hits().values().iterator().next().tags().get(0);
    assertTrue(c.hits().values().stream().allMatch(t -> t.tags().get(0).equals(gen)), "one generation throughout");
    int n = Integer.parseInt(gen.substring(4));
    assertEquals(CaseSaveLoop.generation(n), c);
  }
}
