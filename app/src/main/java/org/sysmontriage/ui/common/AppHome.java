package org.sysmontriage.ui.common;

import java.nio.file.Path;

/**
 * The application's own folder: {@code ~/.sysmon-triage} (recent files, recovery file, log).
 * {@code -Dsysmontriage.home=DIR} or the environment variable {@code SYSMON_TRIAGE_HOME} moves it
 * (tests point it into {@code target/}).
 */
public final class AppHome {
  public static final String PROPERTY = "sysmontriage.home";
  public static final String ENV = "SYSMON_TRIAGE_HOME";

  private AppHome() {}

  public static Path dir() {
    String p = System.getProperty(PROPERTY);
    if (p == null || p.isBlank()) {
      p = System.getenv(ENV);
    }
    return p == null || p.isBlank() ? Path.of(System.getProperty("user.home"), ".sysmon-triage") : Path.of(p);
  }
}
