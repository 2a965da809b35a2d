package org.sysmontriage.casefile;

import org.sysmontriage.incident.ClockSkew;

/**
 * A clock correction the analyst confirmed: the channel of one log (named by its SHA-256, so it
 * survives a moved file) runs {@code offsetTicks} (100 ns) behind Sysmon's UtcTime.
 *
 * @param offset the same offset for people ({@code +19:00:00.000})
 */
public record ConfirmedSkew(String sha256, String channel, long offsetTicks, String offset) {
  public static ConfirmedSkew of(ClockSkew s) {
    return new ConfirmedSkew(s.sha256(), s.clock().channel(), s.offsetTicks(), s.offsetText());
  }

  boolean sameClock(ClockSkew s) {
    return sha256.equals(s.sha256()) && channel.equals(s.clock().channel());
  }
}
