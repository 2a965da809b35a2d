package org.sysmontriage.ui.start;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled sample-logs/ folder: the {@code sample.logs.dir} system property, else next to
 * the jar (the jar lives in app/target/), else in the working directory.
 */
public final class SampleLogs {
  public static final String PROPERTY = "sample.logs.dir";
  static final String FOLDER = "sample-logs";

  private SampleLogs() {}

  public static Optional<Path> locate() {
    for (Path candidate : candidates()) {
      if (candidate != null && Files.isDirectory(candidate)) {
        return Optional.of(candidate.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  private static List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      out.add(Path.of(property));
      return out;
    }
    Path jarDir = jarDirectory();
    if (jarDir != null) {
      out.add(jarDir.resolve(FOLDER));
      if (jarDir.getParent() != null && jarDir.getParent().getParent() != null) {
        out.add(jarDir.getParent().getParent().resolve(FOLDER));
      }
    }
    out.add(Path.of(FOLDER));
    return out;
  }

  private static Path jarDirectory() {
    try {
      Path code = Path.of(SampleLogs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(code) ? code.getParent() : null;
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }
}
