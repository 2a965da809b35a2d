package org.sysmontriage.incident;

import java.util.List;
import java.util.Objects;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.event.Times;

/**
 * How incidents are built.
 *
 * @param windowTicks how close in time two hits must be for a shared process id, logon id, user,
 *     LSASS target or dump file name to tie them (Sysmon ProcessGuid ties them at any distance)
 * @param appliedSkews clock corrections the user confirmed
 * @param library the analytics the hits came from: its Sigma correlation rules (the user's) and
 *     the bundled chains ({@link Chains}) whose rules it has tie hits into incidents
 * @param bundledChains false to leave the bundled chains out (to compare incidents without them)
 */
public record IncidentOptions(long windowTicks, List<ClockSkew> appliedSkews, AnalyticLibrary library, boolean bundledChains) {
  /** Default window: 10 minutes. */
  public static final long DEFAULT_WINDOW = 10 * 60 * Times.TICKS_PER_SECOND;

  public IncidentOptions {
    if (windowTicks < 0) {
      throw new IllegalArgumentException("the time window must not be negative");
    }
    appliedSkews = List.copyOf(appliedSkews);
    Objects.requireNonNull(library, "library");
  }

  /** Options over the built-in analytics. */
  public IncidentOptions(long windowTicks, List<ClockSkew> appliedSkews) {
    this(windowTicks, appliedSkews, AnalyticLibrary.builtIn());
  }

  /** Options over these analytics, with the bundled chains. */
  public IncidentOptions(long windowTicks, List<ClockSkew> appliedSkews, AnalyticLibrary library) {
    this(windowTicks, appliedSkews, library, true);
  }

  public static IncidentOptions defaults() {
    return new IncidentOptions(DEFAULT_WINDOW, List.of());
  }

  public IncidentOptions withSkews(List<ClockSkew> skews) {
    return new IncidentOptions(windowTicks, skews, library, bundledChains);
  }

  public IncidentOptions withLibrary(AnalyticLibrary lib) {
    return new IncidentOptions(windowTicks, appliedSkews, lib, bundledChains);
  }

  /** The same options without the bundled chains (the library's own correlation rules still apply). */
  public IncidentOptions withoutBundledChains() {
    return new IncidentOptions(windowTicks, appliedSkews, library, false);
  }
}
