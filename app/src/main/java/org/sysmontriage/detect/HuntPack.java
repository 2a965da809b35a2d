package org.sysmontriage.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The optional "Hunt" pack: SigmaHQ's Windows rules, run beside the LSASS analytics. The rules are
 * not shipped inside the application (they are SigmaHQ's, under the Detection Rule License 1.1, and
 * this project keeps no copy of them): the pack is a SigmaHQ {@code rules/windows} folder found at
 * {@code -Dsysmon.triage.hunt=DIR}, else {@code $SYSMON_TRIAGE_HUNT}, else
 * {@code ~/.sysmon-triage/packs/hunt}, else {@code ../shared/sigma/rules/windows} beside the
 * working folder. DRL 1.1 asks that each rule's author is shown with its matches: see
 * {@link AnalyticInfo#author()}.
 */
public final class HuntPack {
  public static final String NAME = "hunt";
  public static final String LICENSE_URL = "https://github.com/SigmaHQ/Detection-Rule-License";

  private HuntPack() {}

  /** The pack's rule folder, or null when it is not installed. */
  public static Path folder() {
    return folder(Path.of(System.getProperty("user.home"), ".sysmon-triage"));
  }

  /** The same, with {@code appHome} in place of {@code ~/.sysmon-triage} (the window's own folder may be moved). */
  public static Path folder(Path appHome) {
    String prop = System.getProperty("sysmon.triage.hunt");
    String env = System.getenv("SYSMON_TRIAGE_HUNT");
    Path[] candidates = {
      prop == null || prop.isBlank() ? null : Path.of(prop),
      env == null || env.isBlank() ? null : Path.of(env),
      appHome.resolve("packs").resolve(NAME),
      Path.of("..", "shared", "sigma", "rules", "windows")};
    for (Path p : candidates) {
      if (p != null && Files.isDirectory(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    return null;
  }

  /** What to tell a user whose pack is not installed. */
  public static String notInstalled() {
    return "the Hunt pack is not installed: put SigmaHQ's rules/windows folder (Detection Rule License 1.1, "
        + LICENSE_URL + ") at ~/.sysmon-triage/packs/hunt, or point -Dsysmon.triage.hunt=DIR or SYSMON_TRIAGE_HUNT at it";
  }

  /** True for a pack name this version knows. */
  public static boolean known(String pack) {
    return NAME.equals(pack.toLowerCase(Locale.ROOT));
  }
}
