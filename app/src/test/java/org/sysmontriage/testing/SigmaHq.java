package org.sysmontriage.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SigmaHQ snapshot in {@code ../shared/sigma} (rules and SigmaHQ's regression suite). Like
 * {@link Corpus}: skipped with the reason when absent, a failure under {@code -Dcorpus.required=true}.
 */
public final class SigmaHq {
  private SigmaHq() {}

  public static Path dir() {
    String configured = System.getProperty("sigma.dir", "../../shared/sigma");
    Path dir = Path.of(configured).toAbsolutePath().normalize();
    boolean present = Files.isDirectory(dir.resolve("regression_data")) && Files.isDirectory(dir.resolve("rules/windows"));
    if (!present && Boolean.getBoolean("corpus.required")) {
      fail("the SigmaHQ snapshot is required (-Dcorpus.required=true) but " + dir + " has no rules/windows and regression_data");
    }
    assumeTrue(present, "SigmaHQ snapshot not found at " + dir + " (clone ../shared beside the project, or -Dsigma.dir=...)");
    return dir;
  }
}
