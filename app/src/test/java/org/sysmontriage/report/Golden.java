package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/org/sysmontriage/report/golden/. Run the tests with
 * {@code -Dgolden.update=true} to write them anew, then review the diff before committing.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/org/sysmontriage/report/golden");

  private Golden() {}

  static void check(String name, byte[] actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.write(file, actual);
      return;
    }
    assertTrue(Files.exists(file), "no golden file " + file + ": run with -Dgolden.update=true and review it");
    assertEquals(Files.readString(file, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
        "report differs from " + file + " (regenerate with -Dgolden.update=true if the change is intended)");
  }
}
