package org.sysmontriage.incident;

import org.sysmontriage.event.Times;

/**
 * How far one clock runs from Sysmon's, learnt from process creations both logged (Sysmon EID 1
 * and Security 4688 of the same process id and image on the same computer).
 *
 * @param clock the clock that is off
 * @param sourceName the log as the user gave it
 * @param sha256 the log's SHA-256 (how a case file names the clock)
 * @param offsetTicks what to add to this clock's times to get Sysmon's (median over the pairs)
 * @param pairs process creations seen by both sources
 * @param agreeing pairs within {@link SkewDetector#AGREEMENT} of the median
 */
public record ClockSkew(Clock clock, String sourceName, String sha256, long offsetTicks, int pairs, int agreeing) {
  /** {@code +19:00:00.000} style: sign, hours, minutes, seconds, millis. */
  public String offsetText() {
    long ms = Math.abs(offsetTicks) / 10_000;
    return String.format(java.util.Locale.ROOT, "%s%02d:%02d:%02d.%03d", offsetTicks < 0 ? "-" : "+",
        ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  /** One line for people: what is off, by how much, and on what evidence. */
  public String describe() {
    return clock.channel() + " events of " + sourceName + " are " + offsetText() + " off Sysmon's UtcTime ("
        + agreeing + " of " + pairs + " process creations seen by both agree)";
  }

  /** The time on Sysmon's clock of a time on this clock. */
  public long apply(long ticks) {
    return ticks == Times.UNKNOWN ? ticks : ticks + offsetTicks;
  }
}
