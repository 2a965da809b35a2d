package org.sysmontriage.ui.grid;

import java.util.function.Consumer;
import org.sysmontriage.ui.common.TaskRunner;

/**
 * What every grid of the window shares: preferences, the display time zone, the task runner, the
 * notice line and the evidence an export must not write over.
 */
public record GridParts(GridPrefs prefs, DisplayTime time, TaskRunner runner, Consumer<String> notice,
    java.util.function.Supplier<org.sysmontriage.casefile.EvidenceGuard> evidence) {

  /** Preferences from {@link GridPrefs#inHome()}, with the saved display time zone applied. */
  public static GridParts load(DisplayTime time, TaskRunner runner, Consumer<String> notice,
      java.util.function.Supplier<org.sysmontriage.casefile.EvidenceGuard> evidence) {
    GridPrefs prefs = GridPrefs.inHome();
    try {
      time.zoneProperty().set(java.time.ZoneId.of(prefs.get("display.zone", "UTC")));
    } catch (java.time.DateTimeException e) {
      notice.accept("The saved display time zone is not known here; times are shown in UTC");
    }
    return new GridParts(prefs, time, runner, notice, evidence);
  }
}
